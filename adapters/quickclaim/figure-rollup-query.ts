import { sql } from "kysely";
import { endOfBusinessDate, startOfBusinessDate } from "../../core/kernel/mod.ts";
import {
  bucketedDurationStats,
  type DurationHistogram,
  type FigureGroup,
  type FigureQuery,
} from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { regionPattern } from "./sql-helpers.ts";

/** The width of the rollup's duration buckets (migration 2026112753): medians are to the minute. */
export const FIGURE_BUCKET_SECONDS = 60;

type Hist = Record<string, number> | string;

interface RollupRow {
  k: string;
  accidents: number;
  remote: number;
  no_dispute: number;
  handling_sum: number;
  handling_min: number | null;
  handling_hist: Hist;
  payouts: number;
  payout_sum: number;
  payout_min: number | null;
  payout_hist: Hist;
  surveys: number;
  satisfied: number;
  suggestions: number;
}

interface Acc {
  accidents: number;
  remote: number;
  noDispute: number;
  handling: { count: number; sumSeconds: number; fastestSeconds: number | null; buckets: Map<number, number> };
  payout: { count: number; sumSeconds: number; fastestSeconds: number | null; buckets: Map<number, number> };
  surveys: number;
  satisfied: number;
  suggestions: number;
}

const emptyHist = () => ({ count: 0, sumSeconds: 0, fastestSeconds: null as number | null, buckets: new Map() });

function addHist(into: Acc["handling"], count: number, sum: number, min: number | null, hist: Hist): void {
  into.count += count;
  into.sumSeconds += sum;
  if (min !== null) into.fastestSeconds = into.fastestSeconds === null ? min : Math.min(into.fastestSeconds, min);
  const buckets = typeof hist === "string" ? (JSON.parse(hist) as Record<string, number>) : hist;
  for (const b in buckets) {
    const n = Number(buckets[b]);
    const key = Number(b);
    into.buckets.set(key, (into.buckets.get(key) ?? 0) + n);
  }
}

const DAY_MS = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const addMonths = (date: string, n: number) => {
  const d = new Date(msOf(date));
  d.setUTCMonth(d.getUTCMonth() + n);
  return dateOf(d.getTime());
};

/**
 * The rollup rows that cover business dates from–to exactly once: the whole months inside the
 * period from the month rows ('M'), the days before and after them from the day rows ('D').
 */
export function rollupSlices(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstFull = from.endsWith("-01") ? from : addMonths(monthStart(from), 1);
  const toIsMonthEnd = dateOf(msOf(to) + DAY_MS).endsWith("-01");
  const lastFull = toIsMonthEnd ? monthStart(to) : addMonths(monthStart(to), -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, dateOf(msOf(firstFull) - DAY_MS)]);
  const afterMonths = addMonths(lastFull, 1);
  if (afterMonths <= to) days.push([afterMonths, to]);
  return { months: [firstFull, lastFull], days };
}

/**
 * QC-R08 figure inputs from the rollup (quickclaim.figure_rollup, kept by the database in the
 * transaction of every write, see migration 2026112753): the period's whole months from the
 * month rows and the days around them from the day rows — about a hundred rows per centre at
 * most — summed per group. Counts, shares, average and fastest equal the exact query
 * (`figure-inputs-query.ts`); the median comes from minute buckets (`medianPrecisionSeconds` 60).
 * The latest suggestions are read per group, newest first, from their partial indexes.
 */
export async function figureInputsFromRollup(db: AnyDb, q: FigureQuery): Promise<FigureGroup[]> {
  const k =
    q.groupBy === "centre"
      ? sql<string>`centre_id`
      : q.groupBy === "county"
        ? sql<string>`region_code`
        : sql<string>`${q.regionCode}::text`;
  const { months, days } = rollupSlices(q.from, q.to);
  const slices = [
    ...(months ? [sql`(grain = 'M' and day >= ${months[0]}::date and day <= ${months[1]}::date)`] : []),
    ...days.map(([a, b]) => sql`(grain = 'D' and day >= ${a}::date and day <= ${b}::date)`),
  ];
  const rows = await sql<RollupRow>`
      select ${k} as k, accidents, remote, no_dispute, handling_sum, handling_min, handling_hist,
             payouts, payout_sum, payout_min, payout_hist, surveys, satisfied, suggestions
      from quickclaim.figure_rollup
      where (${sql.join(slices, sql` or `)}) and region_code like ${regionPattern(q.regionCode)}`.execute(db);
  const groups = new Map<string, Acc>();
  for (const r of rows.rows) {
    let g = groups.get(r.k);
    if (!g) {
      g = {
        accidents: 0,
        remote: 0,
        noDispute: 0,
        handling: emptyHist(),
        payout: emptyHist(),
        surveys: 0,
        satisfied: 0,
        suggestions: 0,
      };
      groups.set(r.k, g);
    }
    g.accidents += r.accidents;
    g.remote += r.remote;
    g.noDispute += r.no_dispute;
    addHist(g.handling, r.remote, r.handling_sum, r.handling_min, r.handling_hist);
    addHist(g.payout, r.payouts, r.payout_sum, r.payout_min, r.payout_hist);
    g.surveys += r.surveys;
    g.satisfied += r.satisfied;
    g.suggestions += r.suggestions;
  }
  const stats = (h: DurationHistogram) => bucketedDurationStats(h, FIGURE_BUCKET_SECONDS);
  const keys = [...groups.entries()]
    .filter(([, g]) => g.accidents > 0)
    .map(([key]) => key)
    .sort();
  const recent = await latestSuggestions(db, q, keys);
  return keys
    .map((key) => [key, groups.get(key) as Acc] as const)
    .map(([key, g]) => ({
      key,
      inputs: {
        accidents: g.accidents,
        handledRemotely: g.remote,
        noDispute: g.noDispute,
        handling: stats(g.handling),
        payout: stats(g.payout),
        surveys: g.surveys,
        satisfied: g.satisfied,
        suggestions: g.suggestions,
      },
      recentSuggestions: recent.get(key) ?? [],
    }));
}

/**
 * The latest 20 suggestions (non-null, newest first) of each group's cases reported in the
 * period: per group an index scan newest-first (surveys_suggestions_{centre,county,region}_idx)
 * that stops at the 20th suggestion of a case in the period — the same list as the exact query's
 * window over all of the period's suggestions.
 */
async function latestSuggestions(db: AnyDb, q: FigureQuery, keys: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (keys.length === 0) return out;
  const from = startOfBusinessDate(q.from);
  const to = endOfBusinessDate(q.to);
  const match =
    q.groupBy === "centre" ? sql`s.centre_id = g.k` : q.groupBy === "county" ? sql`s.region_code = g.k` : sql`true`;
  const r = await sql<{ k: string; suggestion: string }>`
    select g.k, x.suggestion
    from unnest(${keys as string[]}::text[]) with ordinality g(k, o)
    cross join lateral (
      select s.suggestion from quickclaim.surveys s
      where ${match} and s.suggestion is not null and s.region_code like ${regionPattern(q.regionCode)}
        and s.case_reported_at >= ${from} and s.case_reported_at < ${to}
      order by s.at desc, s.id desc limit 20
    ) x`.execute(db);
  for (const row of r.rows) {
    const list = out.get(row.k);
    if (list) list.push(row.suggestion);
    else out.set(row.k, [row.suggestion]);
  }
  return out;
}
