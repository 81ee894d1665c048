import { connectPostgres } from "../adapters/db/connect-postgres.ts";
import "reflect-metadata";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { createDatabase } from "../adapters/db/create-database.ts";
import { migrateToLatest } from "../adapters/db/migrate.ts";

/**
 * Seeds a Postgres database with N rural production factors (default 1,000,000) for the factors
 * bench's history-and-liens query: each factor with its five lifecycle events, every third one
 * valued, every tenth one mortgaged (application, loan, lien and the lien's event; half of those
 * loans partly repaid on 10 February, with that dated principal movement), every hundredth one
 * with an objection. Rows are made by generate_series in batches, with a progress
 * line on stderr, so a million factors take minutes, not hours. Idempotent: a database already
 * holding N bench factors is left as it is.
 *
 *   npx tsx scripts/seed-factors-million.ts [postgres://…/factors_bench_1m] [N]
 *   (defaults: FACTORS_BENCH_URL or postgres://postgres@127.0.0.1:5432/factors_bench_1m, FACTORS_BENCH_FACTORS)
 */
export const DEFAULT_MILLION_URL =
  process.env.FACTORS_BENCH_URL ?? "postgres://postgres@127.0.0.1:5432/factors_bench_1m";

const COUNTIES = ["350902", "350921", "350922", "350923", "350924", "350925", "350926", "350981", "350982"];
const TYPES: readonly [string, string][] = [
  ["A01", "A"],
  ["A02", "A"],
  ["A07", "A"],
  ["R01", "R"],
  ["R02", "R"],
  ["R04", "R"],
  ["R05", "R"],
  ["I01", "I"],
];
export const benchFactorId = (n: number) => `mf${String(n).padStart(8, "0")}`;

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = ${name}`;
  if (exists.length === 0) await admin.unsafe(`create database ${name}`);
  await admin.end();
}

function progress(label: string, done: number, total: number, started: number): void {
  const secs = (performance.now() - started) / 1000;
  const rate = done / Math.max(secs, 0.001);
  const eta = rate > 0 ? (total - done) / rate : 0;
  const pct = ((done / total) * 100).toFixed(0).padStart(3);
  process.stderr.write(
    `\r  ${label}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${pct} %)  ${Math.round(rate).toLocaleString("en")} rows/s  ETA ${eta.toFixed(0)} s   `,
  );
  if (done >= total) process.stderr.write("\n");
}

/** Inserts factors [from, to] and everything that hangs off them, in one transaction per batch. */
async function batch(sql: postgres.Sql, from: number, to: number): Promise<void> {
  const counties = `array[${COUNTIES.map((c) => `'${c}'`).join(",")}]`;
  const types = `array[${TYPES.map(([t]) => `'${t}'`).join(",")}]`;
  const cats = `array[${TYPES.map(([, c]) => `'${c}'`).join(",")}]`;
  const id = `'mf' || lpad(g::text, 8, '0')`;
  await sql.begin(async (tx) => {
    await tx.unsafe("set local synchronous_commit = off");
    // Bulk load: the rows are consistent by construction, so the foreign-key triggers are skipped
    // (needs a superuser, as on the bench's scratch server; elsewhere the checks simply run).
    await tx.unsafe(
      `do $$ begin set local session_replication_role = replica; exception when others then null; end $$`,
    );
    await tx.unsafe(`insert into factors.factors (id, region_code, county_code, type_code, category, status, holder_kind,
        holder_ref, holder_id_enc, holder_name, registrant_ref, registrant_institution_id, institution_ids, title, location,
        quantity_milli, quantity_unit, certificate_no, registry_record_no, evidence, off_platform_claims, notice_closes_on,
        created_at, updated_at, version)
      select ${id}, '350900', (${counties})[1 + g % 9], (${types})[1 + g % 8], (${cats})[1 + g % 8],
        case when g % 10 = 0 then 'ENCUMBERED' else 'ACTIVE' end, 'person',
        'bench-holder-' || (g % 200000), 'enc:bench', '测试户' || (g % 997), 'bench-citizen-' || (g % 200000),
        null, case when g % 10 = 0 then array['nd-rural-bank'] else '{}'::text[] end,
        '要素 ' || g, '宁德市 测试村 ' || g || ' 号', 1000 + (g % 50) * 1000, '亩', 'CERT-' || g, 'REC-' || g,
        '{}', '[]'::jsonb, date '2026-01-08', timestamptz '2026-01-01 02:00Z' + (g % 1000) * interval '1 minute',
        timestamptz '2026-01-09 02:00Z', case when g % 10 = 0 then 7 else 5 end
      from generate_series(${from}, ${to}) g`);
    await tx.unsafe(`insert into factors.factor_events (factor_id, seq, region_code, kind, from_status, to_status, at, actor, reason, rule_id, data)
      select ${id}, e.seq, '350900', e.kind, e.f, e.t, timestamptz '2026-01-01 02:00Z' + e.seq * interval '1 day',
        'citizen', e.reason, e.rule, jsonb_build_object('seq', e.seq)
      from generate_series(${from}, ${to}) g, (values
        (1, 'registered', 'DRAFT', 'DRAFT', 'registered by the holder', null),
        (2, 'submitted', 'DRAFT', 'SUBMITTED', 'submitted for confirmation', 'FAC-R01'),
        (3, 'confirmed', 'SUBMITTED', 'CONFIRMED', 'confirmed by the registry', 'FAC-R01'),
        (4, 'publicised', 'CONFIRMED', 'PUBLICISED', 'public notice', 'FAC-R02'),
        (5, 'activated', 'PUBLICISED', 'ACTIVE', 'notice closed without objection', 'FAC-R02')
      ) as e(seq, kind, f, t, reason, rule)`);
    await tx.unsafe(`insert into factors.valuations (id, region_code, unit_id, factor_ids, method, value, valued_on, expires_on, detail, created_at, actor)
      select 'mv' || lpad(g::text, 8, '0'), '350900', ${id}, array[${id}], 'self_assessment', 5000000 + (g % 100) * 100000,
        date '2026-01-09', date '2027-01-09', '{}'::jsonb, timestamptz '2026-01-09 02:00Z', 'citizen'
      from generate_series(${from}, ${to}) g where g % 3 = 0 or g % 10 = 0`);
    await tx.unsafe(`insert into factors.applications (id, region_code, county_code, product_id, bank_id, borrower_ref, applicant_ref,
        status, requested_amount, term_months, collateral, labour_factor_ids, approved, created_at, updated_at, version)
      select 'ma' || lpad(g::text, 8, '0'), '350900', (${counties})[1 + g % 9], 'mprd', 'nd-rural-bank', 'bench-holder-' || (g % 200000),
        'bench-citizen-' || (g % 200000), 'REGISTERED', 2000000, 24,
        jsonb_build_array(jsonb_build_object('unitId', ${id}, 'factorIds', jsonb_build_array(${id}), 'valuationId', 'mv' || lpad(g::text, 8, '0'))),
        '{}', null, timestamptz '2026-01-10 02:00Z', timestamptz '2026-01-10 02:00Z', 3
      from generate_series(${from}, ${to}) g where g % 10 = 0`);
    await tx.unsafe(`insert into factors.loans (id, region_code, county_code, application_id, product_id, bank_id, borrower_ref, unit_ids,
        principal, outstanding_principal, interest_arrears, rate_bp, term_months, started_on, status, sharing, lien_ids, created_at, updated_at, version)
      select 'ml' || lpad(g::text, 8, '0'), '350900', (${counties})[1 + g % 9], 'ma' || lpad(g::text, 8, '0'), 'mprd', 'nd-rural-bank',
        'bench-holder-' || (g % 200000), array[${id}], 2000000, 2000000 - (g % 20) * 50000, 0, 450, 24, date '2026-01-10', 'PERFORMING',
        '{"sharesBp":{"bank":2000,"guarantor":4000,"insurer":2000,"governmentFund":2000},"perLoanCapsFen":{"guarantor":null,"insurer":null,"governmentFund":null}}'::jsonb,
        array['mli' || lpad(g::text, 8, '0')], timestamptz '2026-01-10 02:00Z',
        case when g % 20 = 0 then timestamptz '2026-01-10 02:00Z' else timestamptz '2026-02-10 02:00Z' end,
        case when g % 20 = 0 then 1 else 2 end
      from generate_series(${from}, ${to}) g where g % 10 = 0`);
    // The repayment that brought those loans below their principal, as recordLoanServicing dates it.
    await tx.unsafe(`insert into factors.loan_movements (region_code, county_code, loan_id, loan_version, kind, principal_change,
        effective_on, at, actor)
      select '350900', (${counties})[1 + g % 9], 'ml' || lpad(g::text, 8, '0'), 2, 'serviced', -(g % 20) * 50000,
        date '2026-02-10', timestamptz '2026-02-10 02:00Z', 'inst:nd-rural-bank/bench'
      from generate_series(${from}, ${to}) g where g % 10 = 0 and g % 20 <> 0`);
    await tx.unsafe(`insert into factors.liens (id, region_code, unit_id, factor_ids, loan_id, bank_id, secured_amount, registered_at, registration_seq, status)
      select 'mli' || lpad(g::text, 8, '0'), '350900', ${id}, array[${id}], 'ml' || lpad(g::text, 8, '0'), 'nd-rural-bank', 2000000,
        timestamptz '2026-01-10 02:00Z', 1, 'active'
      from generate_series(${from}, ${to}) g where g % 10 = 0`);
    await tx.unsafe(`insert into factors.factor_events (factor_id, seq, region_code, kind, from_status, to_status, at, actor, reason, rule_id, data)
      select ${id}, e.seq, '350900', e.kind, e.f, e.t, timestamptz '2026-01-10 02:00Z', 'inst:nd-rural-bank/bench', e.reason, e.rule,
        jsonb_build_object('loanId', 'ml' || lpad(g::text, 8, '0'))
      from generate_series(${from}, ${to}) g, (values
        (6, 'mortgage_applied', 'ACTIVE', 'ACTIVE', 'applied for 农房抵押贷', 'FAC-R11'),
        (7, 'lien_registered', 'ACTIVE', 'ENCUMBERED', 'lien registered, rank 1', 'FAC-R06')
      ) as e(seq, kind, f, t, reason, rule) where g % 10 = 0`);
    await tx.unsafe(`insert into factors.objections (id, region_code, factor_id, lodged_by, grounds, lodged_at, status, decided_at, decided_by, decision_reason)
      select 'mo' || lpad(g::text, 8, '0'), '350900', ${id}, 'citizen', '界线有争议', timestamptz '2026-01-05 02:00Z', 'dismissed',
        timestamptz '2026-01-07 02:00Z', 'staff:bench', '核实无误'
      from generate_series(${from}, ${to}) g where g % 100 = 0`);
  });
}

/** Seeds `total` bench factors into the database at `url` (created if missing); returns the count present. */
export async function seedFactorsMillion(url: string, total: number, batchSize = 50_000): Promise<number> {
  await ensureDatabase(url);
  const db = await createDatabase({ url, maxConnections: 2 });
  await migrateToLatest(db.db);
  await db.close();
  const sql = connectPostgres(url, { max: 2, onnotice: () => {} });
  try {
    await sql`insert into factors.products (id, region_code, bank_id, name_zh, status, terms, created_at, version)
      values ('mprd', '350900', 'nd-rural-bank', '农房抵押贷（基准）', 'active', '{}'::jsonb, now(), 1) on conflict do nothing`;
    const [{ n }] = (await sql`select count(*)::int as n from factors.factors where id like 'mf%'`) as unknown as [
      { n: number },
    ];
    if (n >= total) return n;
    const started = performance.now();
    process.stderr.write(
      `seeding ${total.toLocaleString("en")} factors (from ${(n + 1).toLocaleString("en")}) into ${new URL(url).pathname.slice(1)}\n`,
    );
    // Two loaders (the machine has two cores), each taking the next batch.
    let next = n + 1;
    let done = 0;
    const loader = async () => {
      for (;;) {
        const from = next;
        if (from > total) return;
        const to = Math.min(total, from + batchSize - 1);
        next = to + 1;
        await batch(sql, from, to);
        done += to - from + 1;
        progress("factors", done, total - n, started);
      }
    };
    await Promise.all([loader(), loader()]);
    process.stderr.write("  analyze…\n");
    await sql`analyze`;
    return total;
  } finally {
    await sql.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.argv[2] ?? DEFAULT_MILLION_URL;
  const total = Number(process.argv[3] ?? process.env.FACTORS_BENCH_FACTORS ?? 1_000_000);
  const t0 = performance.now();
  seedFactorsMillion(url, total)
    .then((n) => {
      console.log(
        `${n.toLocaleString("en")} bench factors in ${url} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
