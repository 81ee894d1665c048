import { type RawBuilder, sql } from "kysely";
import { divRoundHalfUp, endOfBusinessDate, startOfBusinessDate } from "../../core/kernel/mod.ts";
import type { DurationStats, FigureGroup, FigureInputs, FigureQuery } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { regionPattern } from "./sql-helpers.ts";

/** Per group: counts and the duration statistics computed in SQL from a histogram. */
interface StatsRow {
  k: string;
  total_rows: number;
  remote: number;
  no_dispute: number;
  dur_sum: number | null;
  fastest: number | null;
  lo: number | null;
  hi: number | null;
}

function keyOf(q: FigureQuery): RawBuilder<string> {
  if (q.groupBy === "centre") return sql<string>`centre_id`;
  if (q.groupBy === "county") return sql<string>`region_code`;
  return sql<string>`${q.regionCode}::text`;
}

const halfUp = (num: number, den: number) => Number(divRoundHalfUp(BigInt(num), BigInt(den)));

function stats(r: StatsRow | undefined): DurationStats {
  if (!r || r.remote === 0 || r.lo === null || r.hi === null) {
    return { count: 0, medianSeconds: null, medianPrecisionSeconds: 1, averageSeconds: null, fastestSeconds: null };
  }
  return {
    count: r.remote,
    medianSeconds: halfUp(r.lo + r.hi, 2),
    medianPrecisionSeconds: 1,
    averageSeconds: halfUp(r.dur_sum ?? 0, r.remote),
    fastestSeconds: r.fastest,
  };
}

/**
 * Duration statistics over `durations` (rows k, s = whole seconds or null, d = excluded from
 * no-dispute) in one pass: a histogram by (group, seconds), then the count, sum, minimum and the
 * two middle values (median = their mean, half-up; the same definition as core `durationStats`).
 */
function statsSql(durations: RawBuilder<unknown>) {
  return sql<StatsRow>`
    with h as (
      select k, s, count(*)::int8 as n, count(*) filter (where not d)::int8 as nd
      from (${durations}) x group by k, s
    ),
    g as (
      select k, sum(n)::int8 as total_rows,
             coalesce(sum(n) filter (where s is not null), 0)::int8 as remote,
             coalesce(sum(nd) filter (where s is not null), 0)::int8 as no_dispute,
             sum(s * n)::int8 as dur_sum, min(s)::int8 as fastest
      from h group by k
    ),
    w as (
      select k, s, (sum(n) over (partition by k order by s rows unbounded preceding))::int8 as cum,
             (sum(n) over (partition by k))::int8 as tot
      from h where s is not null
    ),
    m as (
      select k, min(s) filter (where cum >= (tot + 1) / 2)::int8 as lo,
             min(s) filter (where cum >= tot / 2 + 1)::int8 as hi
      from w group by k
    )
    select g.k, g.total_rows, g.remote, g.no_dispute, g.dur_sum, g.fastest, m.lo, m.hi
    from g left join m on m.k = g.k`;
}

/**
 * Runs one figures query with JIT compilation off: the planner's row estimates for a year of
 * cases make Postgres JIT-compile, which costs more than the whole query. (PGlite ignores it.)
 */
function withoutJit<T>(db: AnyDb, query: RawBuilder<T>) {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return query.execute(trx);
  });
}

/**
 * The latest 20 suggestions (non-null, newest first) of each group of cases reported in the
 * period, read from the partial index of suggestions (surveys_suggestions_idx).
 */
export async function recentSuggestions(db: AnyDb, q: FigureQuery): Promise<Map<string, string[]>> {
  const k = keyOf(q);
  const r = await withoutJit(
    db,
    sql<{ k: string; suggestion: string }>`
      select k, suggestion from (
        select ${k} as k, suggestion, row_number() over (partition by ${k} order by at desc, id desc) as rn
        from quickclaim.surveys
        where case_reported_at >= ${startOfBusinessDate(q.from)} and case_reported_at < ${endOfBusinessDate(q.to)}
          and region_code like ${regionPattern(q.regionCode)} and suggestion is not null
      ) x where rn <= 20 order by k, rn`,
  );
  const out = new Map<string, string[]>();
  for (const row of r.rows) {
    const list = out.get(row.k);
    if (list) list.push(row.suggestion);
    else out.set(row.k, [row.suggestion]);
  }
  return out;
}

/**
 * QC-R08 figure inputs straight from the tables (the exact reference the rollup reader,
 * `figure-rollup-query.ts`, is tested against; its medians are exact to the second), for every group of cases reported in the
 * period (business dates, Asia/Shanghai): accidents, handled remotely, no dispute and the
 * handling time (report → first letter, stored as handling_seconds) from cases; the payout time (claim → paid) from the
 * claims of those cases; satisfaction and suggestions from their surveys. One aggregate query
 * per table, on covering indexes; the numbers equal core `aggregateFigureInputs` on the same rows.
 */
export async function figureInputs(db: AnyDb, q: FigureQuery): Promise<FigureGroup[]> {
  const from = startOfBusinessDate(q.from);
  const to = endOfBusinessDate(q.to);
  const like = regionPattern(q.regionCode);
  const k = keyOf(q);
  const period = (column: string) =>
    sql`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to} and region_code like ${like}`;

  // Four independent aggregates: run side by side on the pool (one after another on PGlite).
  const [caseRows, claimRows, surveyRows, recent] = await Promise.all([
    withoutJit(
      db,
      statsSql(
        sql`select ${k} as k, handling_seconds as s, disputed as d
            from quickclaim.cases where ${period("reported_at")}`,
      ),
    ),
    withoutJit(
      db,
      statsSql(
        sql`select ${k} as k, payout_seconds as s, false as d
            from quickclaim.claims where ${period("case_reported_at")}`,
      ),
    ),
    withoutJit(
      db,
      sql<{ k: string; surveys: number; satisfied: number; suggestions: number }>`
        select ${k} as k, count(*)::int8 as surveys, count(*) filter (where satisfied)::int8 as satisfied,
               count(*) filter (where suggestion ~ '[^[:space:]]')::int8 as suggestions
        from quickclaim.surveys where ${period("case_reported_at")} group by 1`,
    ),
    recentSuggestions(db, q),
  ]);
  if (caseRows.rows.length === 0) return [];
  const claimsBy = new Map(claimRows.rows.map((r) => [r.k, r]));
  const surveysBy = new Map(surveyRows.rows.map((r) => [r.k, r]));
  const keys = caseRows.rows.map((r) => r.k).sort();
  return keys.map((key) => {
    const c = caseRows.rows.find((r) => r.k === key) as StatsRow;
    const s = surveysBy.get(key);
    const inputs: FigureInputs = {
      accidents: c.total_rows,
      handledRemotely: c.remote,
      noDispute: c.no_dispute,
      handling: stats(c),
      payout: stats(claimsBy.get(key)),
      surveys: s?.surveys ?? 0,
      satisfied: s?.satisfied ?? 0,
      suggestions: s?.suggestions ?? 0,
    };
    return { key, inputs, recentSuggestions: recent.get(key) ?? [] };
  });
}
