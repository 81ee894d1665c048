import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { hostArgument } from "../../adapters/db/connect-postgres.ts";
import type { AnyDb } from "../../adapters/db/create-database.ts";
import { factorsDeps } from "../../adapters/factors/factors-deps.ts";
import { defineCreditProduct, ningdeDemoProducts, registerLien } from "../../core/factors/mod.ts";
import { addDays, businessDateOf, type Principal } from "../../core/kernel/mod.ts";
import type { FactorsScratch } from "./factors-scratch.ts";
import { fmtRatio, type Row } from "./measure.ts";

const COUNTIES = ["350902", "350921", "350922", "350923", "350924", "350925", "350926", "350981", "350982"];
const bank: Principal = {
  id: "inst:nd-rural-bank/bench",
  roles: ["institution_staff", "institution_admin"],
  institutionId: "nd-rural-bank",
  regionCodes: ["350900"],
};
const SECURED = 8_000_000;
const SHARING = `{"sharesBp":{"bank":8000,"guarantor":0,"insurer":0,"governmentFund":2000},"perLoanCapsFen":{"guarantor":null,"insurer":null,"governmentFund":null}}`;

/**
 * `n` ACTIVE rural houses, each valued and with a mortgage application the bank has accepted —
 * one registration's worth of work each — made by generate_series. Ids are `<p>f<k>`, `<p>v<k>`,
 * `<p>a<k>` for k = 1..n.
 */
async function seedPool(db: AnyDb, p: string, n: number, productId: string, today: string): Promise<void> {
  const counties = sql.raw(`array[${COUNTIES.map((c) => `'${c}'`).join(",")}]`);
  const f = sql.raw(`'${p}f' || g`);
  await sql`insert into factors.factors (id, region_code, county_code, type_code, category, status, holder_kind, holder_ref,
      holder_id_enc, holder_name, registrant_institution_id, institution_ids, title, location, quantity_milli, quantity_unit,
      certificate_no, registry_record_no, created_at, updated_at, version)
    select ${f}, '350900', (${counties})[1 + g % 9], 'A07', 'A', 'ACTIVE', 'person', 'bench-holder-' || g, 'enc:bench', '测试户',
      'nd-rural-bank', array['nd-rural-bank'], '农房', '测试村 ' || g, 150000, '平方米', 'BDC-' || ${f}, 'REC-' || g, now(), now(), 1
    from generate_series(1, ${n}::int) g`.execute(db);
  await sql`insert into factors.valuations (id, region_code, unit_id, factor_ids, method, value, valued_on, expires_on, detail, created_at, actor)
    select ${sql.raw(`'${p}v' || g`)}, '350900', ${f}, array[${f}], 'self_assessment', 18000000, ${today}::date,
      ${addDays(today, 365)}::date, '{}'::jsonb, now(), 'bench'
    from generate_series(1, ${n}::int) g`.execute(db);
  await sql`insert into factors.applications (id, region_code, county_code, product_id, bank_id, borrower_ref, applicant_ref, status,
      requested_amount, term_months, collateral, labour_factor_ids, approved, created_at, updated_at, version)
    select ${sql.raw(`'${p}a' || g`)}, '350900', (${counties})[1 + g % 9], ${productId}, 'nd-rural-bank', 'bench-holder-' || g,
      'inst:nd-rural-bank/bench', 'ACCEPTED', ${SECURED}, 24,
      jsonb_build_array(jsonb_build_object('unitId', ${f}, 'factorIds', jsonb_build_array(${f}), 'valuationId', ${sql.raw(`'${p}v' || g`)})),
      '{}', jsonb_build_object('amount', ${SECURED}::bigint, 'secured', jsonb_build_array(jsonb_build_object('unitId', ${f}, 'securedAmount', ${SECURED}::bigint)),
        'rateBp', 500, 'termMonths', 24, 'guarantorId', null, 'insurerId', null, 'sharing', ${SHARING}::jsonb),
      now(), now(), 2
    from generate_series(1, ${n}::int) g`.execute(db);
}

/**
 * The SQL one registerLien sends for a one-factor unit (captured from the use case: 18
 * statements in one transaction) as a pgbench script: read the application and product, lock
 * the factor, read its valuation and liens, insert the lien, update the factor and append its
 * event, insert the loan, update the application, then the two outbox events and the two audit
 * entries (head upsert, head lock, both entries, head move), last because the unit of work
 * writes them when the work is done. Each transaction takes a fresh pool entry from a sequence; what the
 * application computes (hashes, ids) SQL functions make here.
 */
function pgbenchScript(productId: string, p: string): string {
  const a = `'${p}a' || :a`;
  const fid = `'${p}f' || :a`;
  const hash = "md5(random()::text) || md5(random()::text)";
  const entry = (k: number, action: string, type: string, obj: string) =>
    `('350900', seq + ${k}, now(), 'inst:nd-rural-bank/bench', '${action}', '${type}', ${obj}, 'ok', '{"from":"ACTIVE","to":"ENCUMBERED","securedAmount":8000000,"rank":1}'::jsonb, ${k === 1 ? "hash" : hash}, ${hash})`;
  const audits = (lien: string, loan: string) => [
    "INSERT INTO platform.audit_head (region_code, seq, hash) VALUES ('350900', 0, repeat('0', 64)) ON CONFLICT (region_code) DO NOTHING;",
    "SELECT seq, hash FROM platform.audit_head WHERE region_code = '350900' FOR UPDATE;",
    `INSERT INTO platform.audit_log (region_code, seq, at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash) SELECT e.* FROM platform.audit_head, LATERAL (VALUES ${entry(1, "factor.lien_registered", "factor", lien)}, ${entry(2, "loan.booked", "loan", loan)}) AS e WHERE region_code = '350900';`,
    `UPDATE platform.audit_head SET seq = seq + 2, hash = ${hash}, updated_at = now() WHERE region_code = '350900';`,
  ];
  const outbox = (type: string, agg: string) =>
    `INSERT INTO platform.outbox (id, region_code, type, aggregate_id, payload, created_at, next_attempt_at) VALUES ('evt_' || md5(random()::text), '350900', '${type}', ${agg}, '{"loanId":"x","bankId":"nd-rural-bank","amount":8000000}'::jsonb, now(), now());`;
  return [
    "SELECT nextval('bench_pg_seq') AS a \\gset",
    "BEGIN;",
    `SELECT * FROM factors.applications WHERE id = ${a} AND region_code = '350900';`,
    `SELECT * FROM factors.products WHERE id = '${productId}' AND region_code = '350900';`,
    `SELECT f.*, f.term_ends_on::text, f.notice_closes_on::text FROM factors.factors f WHERE f.id IN (${fid}) AND f.region_code = '350900' ORDER BY f.id FOR UPDATE;`,
    `SELECT v.*, v.valued_on::text, v.expires_on::text FROM factors.valuations v WHERE v.unit_id = ${fid} AND v.region_code = '350900' ORDER BY v.valued_on DESC, v.created_at DESC, v.id DESC LIMIT 1;`,
    `SELECT * FROM factors.liens WHERE unit_id = ${fid} AND region_code = '350900' ORDER BY registration_seq;`,
    `INSERT INTO factors.liens (id, region_code, unit_id, factor_ids, loan_id, bank_id, secured_amount, registered_at, registration_seq, status, ended_at) VALUES ('${p}li' || :a, '350900', ${fid}, ARRAY[${fid}], '${p}l' || :a, 'nd-rural-bank', ${SECURED}, now(), 1, 'active', NULL);`,
    `UPDATE factors.factors SET county_code = county_code, type_code = type_code, category = category, status = 'ENCUMBERED', holder_kind = holder_kind, holder_ref = holder_ref, holder_id_enc = holder_id_enc, holder_name = holder_name, registrant_ref = registrant_ref, registrant_institution_id = registrant_institution_id, institution_ids = institution_ids, title = title, location = location, quantity_milli = quantity_milli, quantity_unit = quantity_unit, certificate_no = certificate_no, registry_record_no = registry_record_no, site_ref = site_ref, bundle_id = bundle_id, term_ends_on = term_ends_on, evidence = evidence, off_platform_claims = off_platform_claims, notice_closes_on = notice_closes_on, lease = lease, pending_holder = pending_holder, updated_at = now(), version = version + 1 WHERE id = ${fid} AND region_code = '350900' AND version = 1;`,
    `INSERT INTO factors.factor_events (factor_id, region_code, seq, kind, from_status, to_status, at, actor, reason, rule_id, data) VALUES (${fid}, '350900', 2, 'lien_registered', 'ACTIVE', 'ENCUMBERED', now(), 'inst:nd-rural-bank/bench', 'lien of nd-rural-bank registered, rank 1', 'FAC-R06', '{"lienId":"x","loanId":"y","bankId":"nd-rural-bank","securedAmount":8000000,"rank":1}'::jsonb);`,
    `INSERT INTO factors.loans (id, region_code, county_code, application_id, product_id, bank_id, borrower_ref, unit_ids, principal, outstanding_principal, interest_arrears, rate_bp, term_months, started_on, overdue_since, status, guarantor_id, insurer_id, sharing, lien_ids, proceeds_interest, proceeds_principal, created_at, updated_at, version) VALUES ('${p}l' || :a, '350900', '350902', ${a}, '${productId}', 'nd-rural-bank', 'bench-holder', ARRAY[${fid}], ${SECURED}, ${SECURED}, 0, 500, 24, current_date, NULL, 'PERFORMING', NULL, NULL, '${SHARING}'::jsonb, ARRAY['${p}li' || :a], NULL, NULL, now(), now(), 1);`,
    `UPDATE factors.applications SET county_code = county_code, product_id = product_id, bank_id = bank_id, borrower_ref = borrower_ref, applicant_ref = applicant_ref, status = 'REGISTERED', requested_amount = requested_amount, term_months = term_months, collateral = collateral, labour_factor_ids = labour_factor_ids, approved = approved, decline_reason = decline_reason, updated_at = now(), version = version + 1 WHERE id = ${a} AND region_code = '350900' AND version = 2;`,
    outbox("factors.factor.lien_registered", fid),
    outbox("factors.loan.booked", `'${p}l' || :a`),
    ...audits(fid, `'${p}l' || :a`),
    "COMMIT;",
    "",
  ].join("\n");
}

/** Runs `step` in `clients` loops for `seconds`; operations per second. */
async function drive(clients: number, seconds: number, step: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  let ops = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await step();
        ops += 1;
      }
    }),
  );
  return (ops * 1000) / (performance.now() - start);
}

/**
 * 抵押登记 write path: the registerLien use case (rules, locks in id order, kysely, hash-chained
 * audit, outbox) with `clients` concurrent callers, against pgbench running the same SQL at the
 * same concurrency on the same scratch database — the ceiling the database allows.
 */
export async function factorsWritePathRow(s: FactorsScratch, clients: number, seconds: number): Promise<Row> {
  const deps = factorsDeps(s.platform, "350900");
  const db = s.platform.database.db;
  const { id: _id, ...terms } = ningdeDemoProducts.find(
    (p) => p.id === "rural-house",
  ) as (typeof ningdeDemoProducts)[number];
  const existing = await sql<{ id: string }>`select id from factors.products where bank_id = 'nd-rural-bank'
    and name_zh = ${terms.name.zh} and status = 'active'`.execute(db);
  const product = existing.rows[0] ?? (await defineCreditProduct(deps, { ...bank, roles: ["platform_admin"] }, terms));
  const today = businessDateOf(s.platform.clock.now());
  const pool = Math.max(2_000, Math.ceil(clients * (seconds + 2) * 400));
  process.stderr.write(`  factors write path: seeding 2 × ${pool.toLocaleString("en")} accepted applications…\n`);
  const run = `r${Date.now().toString(36)}`;
  await seedPool(db, `${run}p`, pool, product.id, today);
  await seedPool(db, `${run}g`, pool, product.id, today);
  await sql`create sequence if not exists bench_pg_seq`.execute(db);
  await sql`select setval('bench_pg_seq', 1, false)`.execute(db);
  await sql`analyze`.execute(db);

  let next = 0;
  const step = () => {
    next += 1;
    if (next > pool) throw new Error("factors bench: the pool of accepted applications ran out; raise its size");
    return registerLien(deps, bank, { applicationId: `${run}pa${next}` });
  };
  await drive(clients, 1, step); // warm-up
  const platform = await drive(clients, seconds, step);

  const file = join(s.dataDir, "factors-register-lien.pgbench.sql");
  writeFileSync(file, pgbenchScript(product.id, `${run}g`));
  const u = new URL(s.url);
  const args = [
    "-n",
    "-h",
    hostArgument(u.toString()),
    "-p",
    u.port || "5432",
    "-U",
    decodeURIComponent(u.username || "postgres"),
  ];
  const pgbench = (t: number) => {
    const out = spawnSync("pgbench", [...args, "-c", String(clients), "-j", "2", "-T", String(t), "-f", file, s.name], {
      encoding: "utf8",
      env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
    });
    const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out.stdout)?.[1] ?? 0);
    if (!Number.isFinite(tps) || failed > 0) throw new Error(`pgbench failed: ${out.stderr || out.stdout}`);
    return tps;
  };
  pgbench(1); // warm-up
  const ceiling = pgbench(seconds);
  return {
    section: "factors",
    measure: `抵押登记 registerLien write path (18 statements: lock, lien, loan, event, outbox ×2, audit ×2), ${clients} clients`,
    value: `${platform.toFixed(0)} /s`,
    baseline: `${ceiling.toFixed(0)} /s pgbench, same SQL`,
    ratio: fmtRatio(platform, ceiling),
    goal: "near the ceiling",
  };
}
