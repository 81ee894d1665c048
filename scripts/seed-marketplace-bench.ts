import "reflect-metadata";
import { sql } from "kysely";
import type { AnyDb } from "../adapters/db/create-database.ts";
import { createDatabase } from "../adapters/db/create-database.ts";
import { migrateToLatest } from "../adapters/db/migrate.ts";
import { syntheticUscc } from "../adapters/marketplace/demo/synthetic-identities.ts";

/**
 * Bench data for the institution report (issue 3: "over 1,000,000 applications and 50
 * institutions"): 50 bench institutions each with a manual product, one consent and push that
 * every bench application points at, and N applications spread over two years before BENCH_NOW
 * with a realistic mix of states (about 5 % still open, some overdue or long unfinished, 1 %
 * instant-decision fallbacks). Written with INSERT … SELECT over generate_series in chunks, with
 * a progress line; idempotent (the applications already there are kept).
 *
 *   npx tsx scripts/seed-marketplace-bench.ts [count]     (DATABASE_URL: the target database)
 */
export const BENCH_REGION = "350800";
export const BENCH_NOW = new Date("2026-03-02T02:00:00.000Z");
export const BENCH_INSTITUTIONS = 50;
const CHUNK = 100_000;
const pad = (n: number) => String(n).padStart(2, "0");
export const benchInstitutionId = (i: number) => `inst_bench_${pad(i)}`;
export const benchProductId = (i: number) => `prd_bench_${pad(i)}`;

async function seedCatalogueRows(db: AnyDb): Promise<void> {
  for (let i = 0; i < BENCH_INSTITUTIONS; i++) {
    await sql`insert into marketplace.institutions (id, region_code, kind, status, name_zh, name_en, uscc, branches, registered_at)
      values (${benchInstitutionId(i)}, ${BENCH_REGION}, 'bank', 'ACTIVE', ${`基准银行${pad(i)}`}, ${`Bench bank ${pad(i)}`},
              ${syntheticUscc(`91${BENCH_REGION}MA${String(3_000_000 + i).slice(0, 7)}`)}, ${{ list: [] }}, ${BENCH_NOW})
      on conflict (id) do nothing`.execute(db);
    await sql`insert into marketplace.products (id, region_code, institution_id, name_zh, name_en, type, description, amount_min, amount_max,
        term_months_min, term_months_max, rate_min_bp, rate_max_bp, segments, special_actions, channel, data_needs,
        data_period_months, data_life_months, status, registered_at)
      values (${benchProductId(i)}, ${BENCH_REGION}, ${benchInstitutionId(i)}, ${`基准贷${pad(i)}`}, ${`Bench loan ${pad(i)}`}, 'credit', 'bench',
              100000, 100000000, 1, 36, 385, 650, array['small-firm','individual-business']::text[], array['small-shop']::text[],
              ${i === 0 ? "direct" : "manual"},
              ${{ list: [{ category: "tax.paid", purpose: "size the business", required: true }] }},
              24, 12, 'ACTIVE', ${BENCH_NOW})
      on conflict (id) do nothing`.execute(db);
  }
  await sql`insert into marketplace.consents (id, region_code, subject_ref, data_subject_kind, data_subject_index, data_subject_cipher,
      recipient_institution_id, purpose, categories, data_from, data_to, data_life_months, granted_at, expires_at, status)
    values ('cns_bench_seed', ${BENCH_REGION}, 'acct_bench', 'uscc', 'bi_bench', 'v1.bench', ${benchInstitutionId(0)},
      ${{ module: "marketplace", kind: "product-application", ref: benchProductId(0), text: "bench" }},
      array['tax.paid']::text[], '2024-03-02', '2026-03-02', 12, ${BENCH_NOW}, ${BENCH_NOW}, 'EXPIRED')
    on conflict (id) do nothing`.execute(db);
  await sql`insert into marketplace.pushes (id, region_code, subject_ref, data_subject_index, recipient_institution_id, consent_id, purpose,
      categories, data_from, data_to, pushed_at, retain_until, content_hash, record_count, payload_cipher, purged_at)
    values ('push_bench_seed', ${BENCH_REGION}, 'acct_bench', 'bi_bench', ${benchInstitutionId(0)}, 'cns_bench_seed',
      ${{ module: "marketplace", kind: "product-application", ref: benchProductId(0), text: "bench" }},
      array['tax.paid']::text[], '2024-03-02', '2026-03-02', ${BENCH_NOW}, ${BENCH_NOW}, ${"0".repeat(64)}, 0, null, ${BENCH_NOW})
    on conflict (id) do nothing`.execute(db);
}

/** One chunk of applications g in [from, to]: states and times drawn from g, deterministically. */
async function insertChunk(db: AnyDb, from: number, to: number): Promise<void> {
  const minutes = 730 * 24 * 60;
  await db.transaction().execute(async (tx) => {
    // The rows are generated consistent with the catalogue rows above (every product,
    // institution, consent and push exists), so the foreign-key triggers are skipped for the
    // bulk load (a session setting local to this transaction; needs a superuser, as on the
    // bench server).
    await sql`set local session_replication_role = replica`.execute(tx);
    await insertRows(tx, from, to, minutes);
  });
}

async function insertRows(db: AnyDb, from: number, to: number, minutes: number): Promise<void> {
  await sql`
    with g as (
      select n, (n * 7919) % 1000 as bucket, ${BENCH_NOW}::timestamptz - make_interval(mins => ((n * 104729) % ${minutes})::int) as sub
        from generate_series(${from}::bigint, ${to}::bigint) as n
    ), s as (
      select n, sub, case when bucket < 30 then 'SUBMITTED' when bucket < 50 then 'CONTACTED' when bucket < 650 then 'DISBURSED'
                          when bucket < 700 then 'APPROVED' when bucket < 850 then 'REJECTED' when bucket < 950 then 'WITHDRAWN'
                          else 'DECLINED_BY_APPLICANT' end as state,
             sub + make_interval(days => (1 + n % 10)::int) as decided
        from g
    )
    insert into marketplace.applications (id, region_code, product_id, institution_id, product_type, channel, special_actions,
      subject_ref, applicant_kind, applicant_index, applicant_cipher, applicant_name, contact_mobile_cipher, amount_requested,
      term_months, consent_id, push_id, source, first_loan, state, submitted_at, submitted_on, contact_due_at, conclude_due_at,
      contacted_at, decided_at, concluded_at, amount_granted, rate_bp, granted_term_months, amount_disbursed, disbursed_at,
      fell_back_to_manual, updated_at)
    select 'appx_' || lpad(n::text, 8, '0'), ${BENCH_REGION}, 'prd_bench_' || lpad((n % 50)::text, 2, '0'),
      'inst_bench_' || lpad((n % 50)::text, 2, '0'), 'credit', 'manual', array['small-shop']::text[],
      'acct_bench_' || (n % 200000), 'uscc', 'bi_bench_' || (n % 300000), 'v1.bench', '基准申请人' || n, 'v1.bench',
      1000000 + (n % 97) * 10000, 12, 'cns_bench_seed', 'push_bench_seed', 'web', n % 3 = 0, state, sub,
      (sub at time zone 'UTC' + interval '8 hours')::date, sub + interval '2 days', sub + interval '21 days',
      case when state = 'SUBMITTED' then null else decided end,
      case when state in ('SUBMITTED', 'CONTACTED') then null else decided end,
      case when state in ('SUBMITTED', 'CONTACTED') then null else decided end,
      case when state in ('APPROVED', 'DISBURSED', 'DECLINED_BY_APPLICANT') then 800000 + (n % 89) * 10000 end,
      case when state in ('APPROVED', 'DISBURSED', 'DECLINED_BY_APPLICANT') then 435 end,
      case when state in ('APPROVED', 'DISBURSED', 'DECLINED_BY_APPLICANT') then 12 end,
      case when state = 'DISBURSED' then 800000 + (n % 89) * 10000 end,
      case when state = 'DISBURSED' then decided + interval '1 day' end,
      n % 97 = 0, ${BENCH_NOW}
    from s
    on conflict (id) do nothing`.execute(db);
}

/** Seeds `count` bench applications (and the bench catalogue); returns how many rows exist. */
export async function seedMarketplaceBench(
  db: AnyDb,
  count: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<number> {
  await seedCatalogueRows(db);
  const have = await sql<{
    n: number;
  }>`select count(*) as n from marketplace.applications where id like 'appx_%'`.execute(db);
  const existing = Number(have.rows[0]?.n ?? 0);
  if (existing >= count) return existing;
  // Bulk load: the secondary indexes are set aside and rebuilt afterwards from their own
  // definitions (pg_indexes), which is several times faster than maintaining them row by row.
  const indexes = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'marketplace' and tablename = 'applications' and indexname <> 'applications_pkey'`.execute(db);
  for (const i of indexes.rows) await sql`drop index ${sql.id("marketplace", i.name)}`.execute(db);
  try {
    for (let from = existing + 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await insertChunk(db, from, to);
      progress(to, count);
    }
  } finally {
    for (const i of indexes.rows) await sql.raw(i.def).execute(db);
  }
  // The bulk load skipped the triggers that keep the figures rollup: compute it afresh.
  await db.transaction().execute((tx) => sql`select marketplace.figure_rollup_rebuild()`.execute(tx));
  await sql`vacuum analyze marketplace.applications`.execute(db);
  for (const t of ["figure_cells", "figure_first_loans", "figure_borrowers", "figure_borrower_counts"]) {
    await sql`vacuum analyze ${sql.table(`marketplace.${t}`)}`.execute(db);
  }
  return count;
}

/** A progress line on stderr: "marketplace bench data ████░░░░ 42 % (420000 / 1000000)". */
export function progressBar(label: string): (done: number, total: number) => void {
  const started = Date.now();
  return (done, total) => {
    const share = done / total;
    const bar = "█".repeat(Math.round(share * 30)).padEnd(30, "░");
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(`\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)} % (${done} / ${total}) ${secs} s`);
    if (done >= total) process.stderr.write("\n");
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("set DATABASE_URL to the Postgres database to seed (the bench creates its own scratch database)");
    process.exit(2);
  }
  const count = Number(process.argv[2] ?? 1_000_000);
  const database = await createDatabase({ url, maxConnections: 2 });
  await migrateToLatest(database.db);
  const n = await seedMarketplaceBench(database.db, count, progressBar("marketplace bench data"));
  console.log(`marketplace bench: ${n} applications over ${BENCH_INSTITUTIONS} institutions in ${BENCH_REGION}`);
  await database.close();
}
