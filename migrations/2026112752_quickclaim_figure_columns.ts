import { type Kysely, sql } from "kysely";

/**
 * QC-R08 figures read durations straight from covering indexes: the handling time (report →
 * first letter) and the payout time (claim → paid) in whole seconds, floored as the core's
 * reference definition does, are stored generated columns; the figures indexes carry them
 * instead of the timestamps, so a dashboard over a period is one index-only scan per table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table quickclaim.cases
    add column handling_seconds int8 generated always as
      (floor(extract(epoch from (determined_at - reported_at)))::int8) stored,
    add column disputed boolean generated always as (disputed_at is not null) stored`.execute(db);
  await sql`drop index quickclaim.cases_figures_idx`.execute(db);
  await sql`create index cases_figures_idx on quickclaim.cases (reported_at)
            include (region_code, centre_id, handling_seconds, disputed)`.execute(db);

  await sql`alter table quickclaim.claims
    add column payout_seconds int8 generated always as
      (floor(extract(epoch from (paid_at - opened_at)))::int8) stored`.execute(db);
  await sql`drop index quickclaim.claims_figures_idx`.execute(db);
  await sql`create index claims_figures_idx on quickclaim.claims (case_reported_at)
            include (region_code, centre_id, payout_seconds)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index quickclaim.claims_figures_idx`.execute(db);
  await sql`alter table quickclaim.claims drop column payout_seconds`.execute(db);
  await sql`create index claims_figures_idx on quickclaim.claims (case_reported_at)
            include (region_code, centre_id, opened_at, paid_at)`.execute(db);
  await sql`drop index quickclaim.cases_figures_idx`.execute(db);
  await sql`alter table quickclaim.cases drop column handling_seconds, drop column disputed`.execute(db);
  await sql`create index cases_figures_idx on quickclaim.cases (reported_at)
            include (region_code, centre_id, determined_at, disputed_at)`.execute(db);
}
