import { type Kysely, sql } from "kysely";

/**
 * Outcome figures rollup (rules/figures.ts, read by adapters/marketplace/figures-query.ts), so
 * the regulator's figures read a few thousand rows instead of every financing:
 * - figure_cells: per region, business day of decision (Asia/Shanghai, UTC+8 as core
 *   businessDateOf), institution, product and special actions — financings and amount granted;
 * - figure_first_loans: the same cells per first-loan borrower (blind index) with their
 *   financings, for distinct first-loan borrowers over any period and grouping;
 * - figure_borrowers / figure_borrower_counts: per region, institution ('' = all institutions)
 *   and month (0 = all time) each first-loan borrower once, and how many there are — so the
 *   distinct borrowers of a whole month or of all time, region-wide or of one institution, are
 *   one row each.
 * A financing is an application APPROVED or DISBURSED with an amount granted and a decision time.
 *
 * Maintained by the database in the transaction of every write that changes a figure, so no
 * writer (use case, demo seed, repair script) can miss it: row triggers whose WHEN clause fires
 * only when a financing appears, disappears or changes — a submitted application (the submit
 * write path) costs the WHEN check only. Contributions are applied as deltas under the rollup
 * rows' locks, so concurrent decisions commute; rows that fall to zero are removed. Bulk loads
 * that bypass triggers (session_replication_role = replica) call figure_rollup_rebuild().
 */
const FINANCING = (r: string) =>
  `${r}.state in ('APPROVED', 'DISBURSED') and ${r}.amount_granted is not null and ${r}.decided_at is not null`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table marketplace.figure_cells (
      region_code text not null,
      decided_on date not null,
      institution_id text not null,
      product_id text not null,
      special_actions text[] not null,
      financings int8 not null,
      amount_granted numeric not null,
      primary key (region_code, decided_on, institution_id, product_id, special_actions)
    )`.execute(db);
  await sql`create table marketplace.figure_first_loans (
      region_code text not null,
      decided_on date not null,
      institution_id text not null,
      product_id text not null,
      special_actions text[] not null,
      applicant_index text not null,
      financings int8 not null,
      primary key (region_code, decided_on, institution_id, product_id, special_actions, applicant_index)
    )`.execute(db);
  await sql`create table marketplace.figure_borrowers (
      region_code text not null,
      institution_id text not null,
      month int4 not null,
      applicant_index text not null,
      financings int8 not null,
      primary key (region_code, institution_id, month, applicant_index)
    )`.execute(db);
  await sql`create table marketplace.figure_borrower_counts (
      region_code text not null,
      institution_id text not null,
      month int4 not null,
      borrowers int8 not null,
      primary key (region_code, institution_id, month)
    )`.execute(db);

  await sql`create function marketplace.figure_business_day(at timestamptz) returns date
      language sql immutable as $$ select ((at at time zone 'UTC') + interval '8 hours')::date $$`.execute(db);

  // One first-loan borrower's financings in one bucket (institution or '', month or 0) moved by sign.
  await sql
    .raw(`create function marketplace.figure_borrower_apply(region text, inst text, bucket int4, applicant text, sign int8)
      returns void language plpgsql as $$
    declare n int8;
    begin
      insert into marketplace.figure_borrowers as b (region_code, institution_id, month, applicant_index, financings)
        values (region, inst, bucket, applicant, sign)
        on conflict (region_code, institution_id, month, applicant_index)
        do update set financings = b.financings + excluded.financings
        returning b.financings into n;
      if sign > 0 and n = sign then
        insert into marketplace.figure_borrower_counts as c (region_code, institution_id, month, borrowers)
          values (region, inst, bucket, 1)
          on conflict (region_code, institution_id, month) do update set borrowers = c.borrowers + 1;
      elsif sign < 0 and n = 0 then
        delete from marketplace.figure_borrowers
          where region_code = region and institution_id = inst and month = bucket and applicant_index = applicant;
        update marketplace.figure_borrower_counts set borrowers = borrowers - 1
          where region_code = region and institution_id = inst and month = bucket;
        delete from marketplace.figure_borrower_counts
          where region_code = region and institution_id = inst and month = bucket and borrowers = 0;
      end if;
    end $$`)
    .execute(db);

  // One financing's contribution (sign +1 added, -1 removed).
  await sql
    .raw(`create function marketplace.figure_apply(r marketplace.applications, sign int8)
      returns void language plpgsql as $$
    declare
      d date := marketplace.figure_business_day(r.decided_at);
      m int4;
    begin
      insert into marketplace.figure_cells as c
          (region_code, decided_on, institution_id, product_id, special_actions, financings, amount_granted)
        values (r.region_code, d, r.institution_id, r.product_id, r.special_actions, sign, sign * r.amount_granted)
        on conflict (region_code, decided_on, institution_id, product_id, special_actions)
        do update set financings = c.financings + excluded.financings, amount_granted = c.amount_granted + excluded.amount_granted;
      if sign < 0 then
        delete from marketplace.figure_cells
          where region_code = r.region_code and decided_on = d and institution_id = r.institution_id
            and product_id = r.product_id and special_actions = r.special_actions and financings = 0;
      end if;
      if r.first_loan then
        insert into marketplace.figure_first_loans as f
            (region_code, decided_on, institution_id, product_id, special_actions, applicant_index, financings)
          values (r.region_code, d, r.institution_id, r.product_id, r.special_actions, r.applicant_index, sign)
          on conflict (region_code, decided_on, institution_id, product_id, special_actions, applicant_index)
          do update set financings = f.financings + excluded.financings;
        if sign < 0 then
          delete from marketplace.figure_first_loans
            where region_code = r.region_code and decided_on = d and institution_id = r.institution_id
              and product_id = r.product_id and special_actions = r.special_actions
              and applicant_index = r.applicant_index and financings = 0;
        end if;
        m := extract(year from d)::int4 * 100 + extract(month from d)::int4;
        perform marketplace.figure_borrower_apply(r.region_code, '', m, r.applicant_index, sign);
        perform marketplace.figure_borrower_apply(r.region_code, '', 0, r.applicant_index, sign);
        perform marketplace.figure_borrower_apply(r.region_code, r.institution_id, m, r.applicant_index, sign);
        perform marketplace.figure_borrower_apply(r.region_code, r.institution_id, 0, r.applicant_index, sign);
      end if;
    end $$`)
    .execute(db);

  await sql
    .raw(`create function marketplace.figure_rollup_row() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and ${FINANCING("old")} then
        perform marketplace.figure_apply(old, -1);
      end if;
      if tg_op <> 'DELETE' and ${FINANCING("new")} then
        perform marketplace.figure_apply(new, 1);
      end if;
      return null;
    end $$`)
    .execute(db);

  const inputs = (r: string) =>
    `(${["region_code", "state", "amount_granted", "decided_at", "first_loan", "applicant_index", "institution_id", "product_id", "special_actions"].map((c) => `${r}.${c}`).join(", ")})`;
  await sql
    .raw(`create trigger figure_rollup_insert after insert on marketplace.applications
      for each row when (${FINANCING("new")}) execute function marketplace.figure_rollup_row()`)
    .execute(db);
  await sql
    .raw(`create trigger figure_rollup_update after update on marketplace.applications
      for each row when ((${FINANCING("old")} or ${FINANCING("new")}) and ${inputs("old")} is distinct from ${inputs("new")})
      execute function marketplace.figure_rollup_row()`)
    .execute(db);
  await sql
    .raw(`create trigger figure_rollup_delete after delete on marketplace.applications
      for each row when (${FINANCING("old")}) execute function marketplace.figure_rollup_row()`)
    .execute(db);

  // The rollup computed afresh from the applications (the backfill, and after a bulk load).
  await sql
    .raw(`create function marketplace.figure_rollup_rebuild() returns void language plpgsql as $$
    begin
      delete from marketplace.figure_cells;
      delete from marketplace.figure_first_loans;
      delete from marketplace.figure_borrowers;
      delete from marketplace.figure_borrower_counts;
      create temporary table figure_financings on commit drop as
        select region_code, marketplace.figure_business_day(decided_at) as d, institution_id, product_id, special_actions,
               amount_granted, first_loan, applicant_index
          from marketplace.applications a where ${FINANCING("a")};
      insert into marketplace.figure_cells
        select region_code, d, institution_id, product_id, special_actions, count(*), sum(amount_granted)
          from figure_financings group by 1, 2, 3, 4, 5;
      insert into marketplace.figure_first_loans
        select region_code, d, institution_id, product_id, special_actions, applicant_index, count(*)
          from figure_financings where first_loan group by 1, 2, 3, 4, 5, 6;
      insert into marketplace.figure_borrowers
        select region_code, i, m, applicant_index, count(*)
          from figure_financings
            cross join lateral (values (''), (institution_id)) as scope(i)
            cross join lateral (values (0), (extract(year from d)::int4 * 100 + extract(month from d)::int4)) as bucket(m)
          where first_loan group by 1, 2, 3, 4;
      insert into marketplace.figure_borrower_counts
        select region_code, institution_id, month, count(*) from marketplace.figure_borrowers group by 1, 2, 3;
      drop table figure_financings;
    end $$`)
    .execute(db);
  await sql`select marketplace.figure_rollup_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["figure_rollup_insert", "figure_rollup_update", "figure_rollup_delete"]) {
    await sql.raw(`drop trigger if exists ${t} on marketplace.applications`).execute(db);
  }
  await sql`drop function if exists marketplace.figure_rollup_rebuild()`.execute(db);
  await sql`drop function if exists marketplace.figure_rollup_row()`.execute(db);
  await sql`drop function if exists marketplace.figure_apply(marketplace.applications, int8)`.execute(db);
  await sql`drop function if exists marketplace.figure_borrower_apply(text, text, int4, text, int8)`.execute(db);
  await sql`drop function if exists marketplace.figure_business_day(timestamptz)`.execute(db);
  for (const t of ["figure_borrower_counts", "figure_borrowers", "figure_first_loans", "figure_cells"]) {
    await sql.raw(`drop table if exists marketplace.${t}`).execute(db);
  }
}
