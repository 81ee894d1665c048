import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { hostArgument } from "../../adapters/db/connect-postgres.ts";
import { demoChen, demoWu } from "../../adapters/quickclaim/demo-seed-people.ts";
import { quickClaimDeps } from "../../adapters/quickclaim/quickclaim-deps.ts";
import type { Principal } from "../../core/kernel/mod.ts";
import { reportAccident, submitPartyItems } from "../../core/quickclaim/mod.ts";
import { bareDriverReplay, type ReplayResult } from "./bare-driver-replay.ts";
import { fmtRatio, type Row } from "./measure.ts";
import type { Scratch } from "./quickclaim-scratch.ts";

/** Counties of 宁德 and a point near each one's service centre; bench case i sits in county i mod 9. */
const COUNTIES: readonly [string, number, number][] = [
  ["350902", 26.6617, 119.5227],
  ["350921", 26.8855, 120.0051],
  ["350922", 26.5777, 118.7463],
  ["350923", 26.9109, 118.9861],
  ["350924", 27.46, 119.5147],
  ["350925", 27.1039, 119.3393],
  ["350926", 27.2339, 119.9001],
  ["350981", 27.0888, 119.6479],
  ["350982", 27.3243, 120.2164],
];
const clerk: Principal = { id: "staff:bench-clerk", roles: ["clerk"], regionCodes: ["350900"] };
const items = {
  plate: demoChen.plate,
  driverName: demoChen.name,
  driverLicenceNo: demoChen.residentId,
  vehicleLicenceNo: demoChen.vehicleLicenceNo,
  insurerId: demoChen.insurerId,
  compulsoryPolicyNo: demoChen.compulsoryPolicyNo,
  commercialPolicyNo: demoChen.commercialPolicyNo,
  mobile: demoChen.mobile,
};

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** A jsonb value in a pgbench script: base64 in the file, as pgbench would take ":name" in JSON for a variable. */
const json = (text: string) =>
  `convert_from(decode('${Buffer.from(text, "utf8").toString("base64")}', 'base64'), 'UTF8')::jsonb`;

/**
 * The SQL one submitPartyItems step sends (KRN-R09 transaction), round trip for round trip, as a
 * pgbench script — each client on its own case, with the case's real stored JSON. Two round
 * trips: BEGIN goes out with the case lock (the application does not wait for BEGIN); then the
 * case save (its version check failing the statement when no row matched), the audit head
 * created-or-locked, the audit entry chained on it by the database with the head move, the
 * outbox event and COMMIT all go out together (pipelined: see PIPELINED in
 * adapters/db/create-database.ts, the audit writer's `chainInDatabase` and the case repository's
 * save). What the application computes (ids, the canonical entry text) is made by pgbench or SQL
 * functions here; the save compares the version with itself (pgbench cannot carry the version
 * read out of a pipeline), the same work for the server as comparing it with the version read.
 */
function pgbenchScript(parties: string, doc: string): string {
  const county = `(ARRAY[${COUNTIES.map(([c]) => lit(c)).join(",")}])[CAST(:k AS int) + 1]`;
  const caseId = "'qcbench' || CAST(:client_id AS text)";
  // ":" is spelt ':' || where pgbench would take ":name" for a variable
  const at = "to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24' || ':' || 'MI' || ':' || 'SS.US\"Z\"')";
  const before = `'{"action":"quickclaim.case.party_items","actor":"staff' || ':' || 'bench-clerk","at":"' || ${at} || '","detail":{"insurerId":"picc-ningde","partyId":"A"},"objectId":"' || ${caseId} || '","objectType":"quickclaim.case","outcome":"ok","regionCode":"' || ${county} || '","seq":'`;
  return [
    "\\set k :client_id % 9",
    "\\startpipeline",
    "BEGIN;",
    `SELECT id, region_code, centre_id, status, version, reported_at, accident_at, evidence_submitted_at, determined_at, agreed_at, disputed_at, paid_at, letter_number, plates, insurer_ids, flagged_photos, parties, doc, accident_date::text AS accident_date FROM quickclaim.cases WHERE id = ${caseId} AND region_code LIKE '3509%' FOR UPDATE;`,
    "\\endpipeline",
    "\\startpipeline",
    `WITH saved AS (UPDATE quickclaim.cases SET region_code = region_code, centre_id = centre_id, status = 'REPORTED', reported_at = reported_at, accident_at = accident_at, accident_date = accident_date, evidence_submitted_at = NULL, determined_at = NULL, agreed_at = NULL, disputed_at = NULL, paid_at = NULL, letter_number = NULL, plates = plates, insurer_ids = ARRAY['picc-ningde'], flagged_photos = 0, parties = ${json(parties)}, doc = ${json(doc)}, version = version + 1, updated_at = now() WHERE id = ${caseId} AND region_code LIKE '3509%' AND version = version RETURNING 1 AS one) SELECT CAST(CASE WHEN count(*) = 1 THEN '1' ELSE 'KRN-R09 quickclaim case version conflict' END AS int) AS one FROM saved;`,
    `INSERT INTO platform.audit_head AS a (region_code, seq, hash) VALUES (${county}, 0, repeat('0', 64)) ON CONFLICT (region_code) DO UPDATE SET seq = a.seq WHERE false;`,
    `WITH h AS (SELECT seq + 1 AS seq, hash AS prev_hash, encode(sha256(convert_to(hash || (${before})::text || (seq + 1)::text || '}', 'UTF8')), 'hex') AS hash FROM platform.audit_head WHERE region_code = (${county})::text), moved AS (UPDATE platform.audit_head a SET seq = h.seq, hash = h.hash, updated_at = now()::timestamptz FROM h WHERE a.region_code = (${county})::text), ins AS (INSERT INTO platform.audit_log (region_code, seq, at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash) SELECT (${county})::text, h.seq, now()::timestamptz, ('staff' || ':' || 'bench-clerk')::text, 'quickclaim.case.party_items'::text, 'quickclaim.case'::text, (${caseId})::text, 'ok'::text, '{"partyId":"A","insurerId":"picc-ningde"}'::jsonb, h.prev_hash, h.hash FROM h RETURNING 1) SELECT CAST(CASE WHEN count(*) = 1 THEN '1' ELSE 'KRN-R07 audit entry not chained' END AS int) AS one FROM ins;`,
    `INSERT INTO platform.outbox (id, region_code, type, aggregate_id, payload, created_at, next_attempt_at) VALUES ('evt_' || md5(random()::text), ${county}, 'quickclaim.case.party_items_given', ${caseId}, '{"caseId":"qcbench0","partyId":"A"}'::jsonb, now(), now());`,
    "COMMIT;",
    "\\endpipeline",
    "",
  ].join("\n");
}

const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs `step` in `clients` loops for `seconds`; operations per second. */
async function drive(clients: number, seconds: number, step: (client: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let ops = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        await step(c);
        ops += 1;
      }
    }),
  );
  return (ops * 1000) / (performance.now() - start);
}

/**
 * Case-step write path: the submitPartyItems use case (validation, C2 sealing, kysely, audit,
 * outbox) with `clients` concurrent callers, against pgbench running the same SQL statements at
 * the same concurrency on the same scratch database — the ceiling the database allows.
 */
export async function writePathRows(s: Scratch, clients: number, seconds: number): Promise<Row[]> {
  const base = quickClaimDeps(s.platform, "350900");
  for (let i = 0; i < clients; i++) {
    if (await base.uow.run((tx) => tx.cases.get(`qcbench${i}`))) continue;
    const deps = { ...base, ids: { next: (p: string) => (p === "qccase" ? `qcbench${i}` : base.ids.next(p)) } };
    const [county, lat, lng] = COUNTIES[i % COUNTIES.length] as [string, number, number];
    await reportAccident(
      deps,
      {
        regionCode: county,
        accidentAt: new Date(Date.now() - 60_000).toISOString(),
        place: { address: "宁德市 bench", point: { lat, lng } },
        circumstances: { anyoneInjured: false, deathOrSeriousInjury: false, vehiclesMovable: true },
        parties: [
          { plate: demoChen.plate, mobile: demoChen.mobile },
          { plate: demoWu.plate, mobile: demoWu.mobile },
        ],
      },
      clerk,
    );
  }
  const step = (c: number) => submitPartyItems(base, { caseId: `qcbench${c}`, partyId: "A", items }, clerk);
  await drive(clients, 1, step); // warm-up

  const row = await sql<{ parties: string; doc: string }>`
    select parties::text as parties, doc::text as doc from quickclaim.cases where id = 'qcbench0'`.execute(
    s.platform.database.db,
  );
  const file = join(s.dataDir, "qc-step.pgbench.sql");
  const script = pgbenchScript(row.rows[0]?.parties ?? "[]", row.rows[0]?.doc ?? "{}");
  writeFileSync(file, script);
  const u = new URL(s.url);
  const args = [
    "-n",
    "-h",
    hostArgument(s.url),
    "-p",
    u.port || "5432",
    "-U",
    decodeURIComponent(u.username || "postgres"),
  ];
  const pgbench = (t: number) => {
    const out = spawnSync(
      "pgbench",
      [...args, "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(t), "-f", file, s.name],
      {
        encoding: "utf8",
        env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
      },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1] ?? Number.NaN);
    if (!Number.isFinite(tps)) throw new Error(`pgbench failed: ${out.stderr || out.stdout}`);
    return tps;
  };
  pgbench(1); // warm-up
  // Interleaved rounds, medians: a busy machine drifts, and all sides should see the same drift.
  const apps: number[] = [];
  const dbs: number[] = [];
  const bares: ReplayResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    apps.push(await drive(clients, seconds, step));
    dbs.push(pgbench(seconds));
    bares.push(await bareDriverReplay(s.url, script, { clients, seconds }));
  }
  const app = median(apps);
  const tps = median(dbs);
  const bare = median(bares.map((b) => b.tps));
  const bareCpu = median(bares.map((b) => b.cpuMicrosPerTx));
  return [
    {
      section: "quickclaim",
      measure: `case step (submitPartyItems: lock, save, audit, outbox), ${clients} concurrent callers, median of ${ROUNDS} interleaved rounds`,
      value: `${app.toFixed(0)} steps/s`,
      baseline: `${tps.toFixed(0)} tx/s pgbench -M prepared, same SQL`,
      ratio: fmtRatio(app, tps),
      goal: "≥ 70 %",
    },
    {
      section: "quickclaim",
      measure: `  the driver's ceiling: the same pgbench script replayed by bare postgres.js (no application code; ${bareCpu.toFixed(0)} µs Node CPU per tx)`,
      value: `${bare.toFixed(0)} tx/s`,
      baseline: `${tps.toFixed(0)} tx/s pgbench`,
      ratio: fmtRatio(bare, tps),
      goal: "(context)",
    },
    {
      section: "quickclaim",
      measure: "  the case step against that bare-driver replay (what the application itself costs)",
      value: `${app.toFixed(0)} steps/s`,
      baseline: `${bare.toFixed(0)} tx/s bare postgres.js`,
      ratio: fmtRatio(app, bare),
      goal: "(context)",
    },
  ];
}
