import { type Kysely, sql } from "kysely";

/**
 * QC-R08 figures rollup: per county and service centre, one row per business day of the report
 * (grain 'D') and one per month (grain 'M', day = the 1st), with the counts, sums and minimum
 * the dashboard needs and a histogram of the durations in fixed-width buckets of
 * FIGURE_BUCKET_SECONDS (one minute). A period reads its whole months from the month rows and
 * the days around them from the day rows (a year: 12 rows per centre), and the median is
 * computed from the buckets (to the minute).
 *
 * Maintained by the database in the transaction of every write that changes a figure, so no
 * write path (use case, repair script, bulk import, test fixture) can miss it:
 * - inserts and deletes of cases, claims and surveys: statement triggers that aggregate the
 *   statement's rows per key first (a bulk insert of 50,000 cases makes a few hundred upserts);
 * - updates: row triggers whose WHEN clause only fires when a figure input changed (the first
 *   letter, a dispute, a payout, a survey answer); every other case step (party items, photos,
 *   signatures …) costs the WHEN check only.
 * Counts, sums and buckets are applied as deltas (`x = x + Δ` under the row lock, so concurrent
 * steps commute; a statement's keys are applied in key order); the minimum takes `least()`, and
 * when a removed value was the minimum it is recomputed from the base table for that one row. The day is the Asia/Shanghai business date
 * (UTC+8, no daylight saving), as core `businessDateOf`. The backfill is the insert trigger's
 * aggregation over the existing rows.
 */
export const FIGURE_BUCKET_SECONDS = 60;

const day = (col: string) => `quickclaim.figure_day(${col})`;
const bucket = (col: string) => `floor(${col} / ${FIGURE_BUCKET_SECONDS}.0)::int8`;

/** Per key: the cases' contribution of rows `src` (a table or transition table) applied with `sign`. */
function applyCases(src: string, sign: string): string {
  return `perform quickclaim.figure_apply_cases(region_code, centre_id, d, ${sign}, accidents, remote, no_dispute, s_sum, s_min, hist)
    from (
      select region_code, centre_id, d, sum(n)::int8 as accidents, sum(c)::int8 as remote, sum(nd)::int8 as no_dispute,
             coalesce(sum(s_sum), 0)::int8 as s_sum, min(s_min)::int8 as s_min,
             coalesce(jsonb_object_agg(b::text, c) filter (where b is not null), '{}'::jsonb) as hist
      from (
        select region_code, centre_id, ${day("reported_at")} as d, ${bucket("handling_seconds")} as b,
               count(*) as n, count(handling_seconds) as c,
               count(*) filter (where handling_seconds is not null and not disputed) as nd,
               sum(handling_seconds) as s_sum, min(handling_seconds) as s_min
        from ${src} group by 1, 2, 3, 4
      ) x group by 1, 2, 3
    ) k order by d, region_code, centre_id`;
}

function applyClaims(src: string, sign: string): string {
  return `perform quickclaim.figure_apply_claims(region_code, centre_id, d, ${sign}, payouts, s_sum, s_min, hist)
    from (
      select region_code, centre_id, d, sum(c)::int8 as payouts, coalesce(sum(s_sum), 0)::int8 as s_sum,
             min(s_min)::int8 as s_min,
             coalesce(jsonb_object_agg(b::text, c) filter (where b is not null), '{}'::jsonb) as hist
      from (
        select region_code, centre_id, ${day("case_reported_at")} as d, ${bucket("payout_seconds")} as b,
               count(payout_seconds) as c, sum(payout_seconds) as s_sum, min(payout_seconds) as s_min
        from ${src} group by 1, 2, 3, 4
      ) x group by 1, 2, 3
    ) k order by d, region_code, centre_id`;
}

function applySurveys(src: string, sign: string): string {
  return `perform quickclaim.figure_apply_surveys(region_code, centre_id, d, ${sign}, surveys, satisfied, suggestions)
    from (
      select region_code, centre_id, ${day("case_reported_at")} as d, count(*)::int8 as surveys,
             count(*) filter (where satisfied)::int8 as satisfied,
             count(*) filter (where suggestion ~ '[^[:space:]]')::int8 as suggestions
      from ${src} group by 1, 2, 3
    ) k order by d, region_code, centre_id`;
}

/** A statement trigger function: the insert's new rows added, the delete's old rows removed. */
function statementFunction(name: string, apply: (src: string, sign: string) => string): string {
  return `create function quickclaim.${name}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${apply("new_rows", "1")};
      else
        ${apply("old_rows", "-1")};
      end if;
      return null;
    end $$`;
}

/** A row trigger function for updates: the old row's contribution removed, the new one's added. */
function rowFunction(name: string, apply: (src: string, sign: string) => string): string {
  return `create function quickclaim.${name}() returns trigger language plpgsql as $$
    begin
      ${apply("(select old.*) o", "-1")};
      ${apply("(select new.*) n", "1")};
      return null;
    end $$`;
}

/**
 * The cases' row trigger: a first letter or a dispute (the common updates) is one delta, no
 * duration is taken away; any other change (another key, another duration) is the general
 * remove-and-add.
 */
function casesRowFunction(): string {
  const nd = (r: string) => `(${r}.handling_seconds is not null and not ${r}.disputed)::int`;
  return `create function quickclaim.figure_rollup_cases_row() returns trigger language plpgsql as $$
    begin
      if old.region_code = new.region_code and old.centre_id = new.centre_id
         and ${day("old.reported_at")} = ${day("new.reported_at")}
         and (old.handling_seconds is null or old.handling_seconds = new.handling_seconds) then
        perform quickclaim.figure_apply_cases(new.region_code, new.centre_id, ${day("new.reported_at")}, 1, 0,
          (new.handling_seconds is not null)::int - (old.handling_seconds is not null)::int,
          ${nd("new")} - ${nd("old")},
          coalesce(new.handling_seconds, 0) - coalesce(old.handling_seconds, 0),
          case when old.handling_seconds is null then new.handling_seconds end,
          case when old.handling_seconds is null and new.handling_seconds is not null
               then jsonb_build_object(${bucket("new.handling_seconds")}::text, 1) else '{}'::jsonb end);
      else
        ${applyCases("(select old.*) o", "-1")};
        ${applyCases("(select new.*) n", "1")};
      end if;
      return null;
    end $$`;
}

const distinct = (cols: readonly string[]) => cols.map((c) => `old.${c} is distinct from new.${c}`).join(" or ");

const TABLES = [
  {
    table: "cases",
    apply: applyCases,
    watched: ["region_code", "centre_id", "reported_at", "handling_seconds", "disputed"],
    reset: "accidents = 0, remote = 0, no_dispute = 0, handling_sum = 0, handling_min = null, handling_hist = '{}'",
  },
  {
    table: "claims",
    apply: applyClaims,
    watched: ["region_code", "centre_id", "case_reported_at", "payout_seconds"],
    reset: "payouts = 0, payout_sum = 0, payout_min = null, payout_hist = '{}'",
  },
  {
    table: "surveys",
    apply: applySurveys,
    watched: ["region_code", "centre_id", "case_reported_at", "satisfied", "suggestion"],
    reset: "surveys = 0, satisfied = 0, suggestions = 0",
  },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table quickclaim.figure_rollup (
    grain char(1) not null check (grain in ('D', 'M')),
    day date not null,
    region_code text not null,
    centre_id text not null,
    accidents int8 not null default 0,
    remote int8 not null default 0,
    no_dispute int8 not null default 0,
    handling_sum int8 not null default 0,
    handling_min int8,
    handling_hist jsonb not null default '{}'::jsonb,
    payouts int8 not null default 0,
    payout_sum int8 not null default 0,
    payout_min int8,
    payout_hist jsonb not null default '{}'::jsonb,
    surveys int8 not null default 0,
    satisfied int8 not null default 0,
    suggestions int8 not null default 0,
    constraint figure_rollup_pk primary key (grain, day, region_code, centre_id)
  )`.execute(db);

  await sql`create function quickclaim.figure_day(t timestamptz) returns date language sql immutable as
    $$ select ((t at time zone 'UTC') + interval '8 hours')::date $$`.execute(db);
  await sql`create function quickclaim.figure_day_start(d date) returns timestamptz language sql immutable as
    $$ select (d::timestamp - interval '8 hours') at time zone 'UTC' $$`.execute(db);
  // The rollup row a day's figures go to at each grain, and the first day after that row's period.
  await sql`create function quickclaim.figure_row_day(g char, d date) returns date language sql immutable as
    $$ select case when g = 'M' then date_trunc('month', d)::date else d end $$`.execute(db);
  await sql`create function quickclaim.figure_row_end(g char, d date) returns date language sql immutable as
    $$ select case when g = 'M' then (d + interval '1 month')::date else d + 1 end $$`.execute(db);
  // Bucket histograms {"<bucket>": count}: a + sign × b, buckets that reach 0 dropped.
  await sql`create function quickclaim.figure_hist_add(a jsonb, b jsonb, sign int) returns jsonb
    language sql immutable as $$
      select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
        select k, sum(n)::int8 as n from (
          select key as k, value::text::int8 as n from jsonb_each(a)
          union all
          select key, value::text::int8 * sign from jsonb_each(b)
        ) x group by k having sum(n) <> 0
      ) y $$`.execute(db);

  await sql
    .raw(`create function quickclaim.figure_apply_cases(p_region text, p_centre text, p_day date, p_sign int,
      p_accidents int8, p_remote int8, p_no_dispute int8, p_sum int8, p_min int8, p_hist jsonb)
    returns void language plpgsql as $$
    declare cur int8; g char; d date;
    begin
      foreach g in array array['D', 'M'] loop
      d := quickclaim.figure_row_day(g, p_day);
      if p_sign > 0 then
        insert into quickclaim.figure_rollup as f (grain, day, region_code, centre_id, accidents, remote, no_dispute,
          handling_sum, handling_min, handling_hist)
        values (g, d, p_region, p_centre, p_accidents, p_remote, p_no_dispute, p_sum, p_min, p_hist)
        on conflict (grain, day, region_code, centre_id) do update set
          accidents = f.accidents + excluded.accidents, remote = f.remote + excluded.remote,
          no_dispute = f.no_dispute + excluded.no_dispute, handling_sum = f.handling_sum + excluded.handling_sum,
          handling_min = least(f.handling_min, excluded.handling_min),
          handling_hist = case when excluded.handling_hist = '{}'::jsonb then f.handling_hist
                               else quickclaim.figure_hist_add(f.handling_hist, excluded.handling_hist, 1) end;
      else
        update quickclaim.figure_rollup f set
          accidents = f.accidents - p_accidents, remote = f.remote - p_remote, no_dispute = f.no_dispute - p_no_dispute,
          handling_sum = f.handling_sum - p_sum,
          handling_hist = case when p_hist = '{}'::jsonb then f.handling_hist
                               else quickclaim.figure_hist_add(f.handling_hist, p_hist, -1) end
        where grain = g and day = d and region_code = p_region and centre_id = p_centre
        returning f.handling_min into cur;
        if p_min is not null and cur is not null and p_min <= cur then
          update quickclaim.figure_rollup set handling_min = (
            select min(c.handling_seconds) from quickclaim.cases c
            where c.reported_at >= quickclaim.figure_day_start(d)
              and c.reported_at < quickclaim.figure_day_start(quickclaim.figure_row_end(g, d))
              and c.region_code = p_region and c.centre_id = p_centre)
          where grain = g and day = d and region_code = p_region and centre_id = p_centre;
        end if;
      end if;
      end loop;
    end $$`)
    .execute(db);

  await sql
    .raw(`create function quickclaim.figure_apply_claims(p_region text, p_centre text, p_day date, p_sign int,
      p_payouts int8, p_sum int8, p_min int8, p_hist jsonb)
    returns void language plpgsql as $$
    declare cur int8; g char; d date;
    begin
      foreach g in array array['D', 'M'] loop
      d := quickclaim.figure_row_day(g, p_day);
      if p_sign > 0 then
        insert into quickclaim.figure_rollup as f (grain, day, region_code, centre_id, payouts, payout_sum, payout_min, payout_hist)
        values (g, d, p_region, p_centre, p_payouts, p_sum, p_min, p_hist)
        on conflict (grain, day, region_code, centre_id) do update set
          payouts = f.payouts + excluded.payouts, payout_sum = f.payout_sum + excluded.payout_sum,
          payout_min = least(f.payout_min, excluded.payout_min),
          payout_hist = case when excluded.payout_hist = '{}'::jsonb then f.payout_hist
                             else quickclaim.figure_hist_add(f.payout_hist, excluded.payout_hist, 1) end;
      else
        update quickclaim.figure_rollup f set
          payouts = f.payouts - p_payouts, payout_sum = f.payout_sum - p_sum,
          payout_hist = case when p_hist = '{}'::jsonb then f.payout_hist
                             else quickclaim.figure_hist_add(f.payout_hist, p_hist, -1) end
        where grain = g and day = d and region_code = p_region and centre_id = p_centre
        returning f.payout_min into cur;
        if p_min is not null and cur is not null and p_min <= cur then
          update quickclaim.figure_rollup set payout_min = (
            select min(c.payout_seconds) from quickclaim.claims c
            where c.case_reported_at >= quickclaim.figure_day_start(d)
              and c.case_reported_at < quickclaim.figure_day_start(quickclaim.figure_row_end(g, d))
              and c.region_code = p_region and c.centre_id = p_centre)
          where grain = g and day = d and region_code = p_region and centre_id = p_centre;
        end if;
      end if;
      end loop;
    end $$`)
    .execute(db);

  await sql
    .raw(`create function quickclaim.figure_apply_surveys(p_region text, p_centre text, p_day date, p_sign int,
      p_surveys int8, p_satisfied int8, p_suggestions int8)
    returns void language plpgsql as $$
    declare g char;
    begin
      foreach g in array array['D', 'M'] loop
        insert into quickclaim.figure_rollup as f (grain, day, region_code, centre_id, surveys, satisfied, suggestions)
        values (g, quickclaim.figure_row_day(g, p_day), p_region, p_centre,
                p_sign * p_surveys, p_sign * p_satisfied, p_sign * p_suggestions)
        on conflict (grain, day, region_code, centre_id) do update set
          surveys = f.surveys + excluded.surveys, satisfied = f.satisfied + excluded.satisfied,
          suggestions = f.suggestions + excluded.suggestions;
      end loop;
    end $$`)
    .execute(db);

  for (const { table, apply, watched, reset } of TABLES) {
    await sql.raw(statementFunction(`figure_rollup_${table}_stmt`, apply)).execute(db);
    await sql
      .raw(table === "cases" ? casesRowFunction() : rowFunction(`figure_rollup_${table}_row`, apply))
      .execute(db);
    await sql
      .raw(`create trigger figure_rollup_ins after insert on quickclaim.${table}
        referencing new table as new_rows for each statement
        execute function quickclaim.figure_rollup_${table}_stmt()`)
      .execute(db);
    await sql
      .raw(`create trigger figure_rollup_del after delete on quickclaim.${table}
        referencing old table as old_rows for each statement
        execute function quickclaim.figure_rollup_${table}_stmt()`)
      .execute(db);
    await sql
      .raw(`create trigger figure_rollup_upd after update on quickclaim.${table}
        for each row when (${distinct(watched)})
        execute function quickclaim.figure_rollup_${table}_row()`)
      .execute(db);
    // TRUNCATE skips row and statement triggers: it empties this table's part of the rollup.
    await sql
      .raw(`create function quickclaim.figure_rollup_${table}_truncate() returns trigger language plpgsql as $$
        begin update quickclaim.figure_rollup set ${reset}; return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger figure_rollup_truncate after truncate on quickclaim.${table}
        for each statement execute function quickclaim.figure_rollup_${table}_truncate()`)
      .execute(db);
  }

  // The dashboard's latest suggestions per group: newest first, stopping at the 20th of the period.
  await sql`create index surveys_suggestions_centre_idx on quickclaim.surveys (centre_id, at desc, id desc)
            include (region_code, case_reported_at, suggestion) where suggestion is not null`.execute(db);
  await sql`create index surveys_suggestions_county_idx on quickclaim.surveys (region_code, at desc, id desc)
            include (case_reported_at, suggestion) where suggestion is not null`.execute(db);
  await sql`create index surveys_suggestions_region_idx on quickclaim.surveys (at desc, id desc)
            include (region_code, case_reported_at, suggestion) where suggestion is not null`.execute(db);

  // Backfill from the rows already there, with the insert triggers' own aggregation.
  await sql
    .raw(`do $$ begin
      ${applyCases("quickclaim.cases", "1")};
      ${applyClaims("quickclaim.claims", "1")};
      ${applySurveys("quickclaim.surveys", "1")};
    end $$`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const g of ["centre", "county", "region"]) {
    await sql.raw(`drop index if exists quickclaim.surveys_suggestions_${g}_idx`).execute(db);
  }
  for (const { table } of TABLES) {
    for (const t of ["ins", "del", "upd", "truncate"]) {
      await sql.raw(`drop trigger if exists figure_rollup_${t} on quickclaim.${table}`).execute(db);
    }
    await sql.raw(`drop function if exists quickclaim.figure_rollup_${table}_stmt()`).execute(db);
    await sql.raw(`drop function if exists quickclaim.figure_rollup_${table}_row()`).execute(db);
    await sql.raw(`drop function if exists quickclaim.figure_rollup_${table}_truncate()`).execute(db);
  }
  await sql`drop function if exists quickclaim.figure_apply_surveys(text, text, date, int, int8, int8, int8)`.execute(
    db,
  );
  await sql`drop function if exists quickclaim.figure_apply_claims(text, text, date, int, int8, int8, int8, jsonb)`.execute(
    db,
  );
  await sql`drop function if exists quickclaim.figure_apply_cases(text, text, date, int, int8, int8, int8, int8, int8, jsonb)`.execute(
    db,
  );
  await sql`drop function if exists quickclaim.figure_hist_add(jsonb, jsonb, int)`.execute(db);
  await sql`drop function if exists quickclaim.figure_row_end(char, date)`.execute(db);
  await sql`drop function if exists quickclaim.figure_row_day(char, date)`.execute(db);
  await sql`drop function if exists quickclaim.figure_day_start(date)`.execute(db);
  await sql`drop function if exists quickclaim.figure_day(timestamptz)`.execute(db);
  await sql`drop table if exists quickclaim.figure_rollup`.execute(db);
}
