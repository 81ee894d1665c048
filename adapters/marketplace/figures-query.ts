import { type RawBuilder, type SqlBool, sql } from "kysely";
import { addDays, divRoundHalfUp } from "../../core/kernel/mod.ts";
import type { FigureLine, FiguresGroupBy, FiguresQuery, FiguresResult } from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { toBigInt } from "./sql-values.ts";

/**
 * Outcome figures in SQL, agreeing with rules/figures.ts, read from the rollup the database keeps
 * in step with the applications (migration 2026112764): a financing is APPROVED or DISBURSED
 * with an amount granted and a decision time; the period and the month are business dates in
 * Asia/Shanghai (UTC+8, no daylight saving since 1991 — the kernel's fixed offset); first-loan
 * borrowers are distinct by the applicant's blind index; the average is rounded half-up to the
 * fen from the exact sum.
 *
 * Financings and amounts are sums over the day cells (at most days × products rows). Distinct
 * first-loan borrowers are counted over the first-loan cells — except where the rollup keeps the
 * count itself, region-wide or for one institution: all time (also per institution), and per
 * month when the period is whole months (the board's view), each one row.
 */
interface LineRow {
  key: string;
  financings: number | string;
  amount: string | null;
}

function line(key: string, r: LineRow | undefined, borrowers: number): FigureLine {
  const financings = Number(r?.financings ?? 0);
  const amount = toBigInt(r?.amount);
  return {
    key,
    financings,
    firstLoanBorrowers: borrowers,
    amountGranted: Number(amount),
    averagePerFinancing: financings === 0 ? null : Number(divRoundHalfUp(amount, BigInt(financings))),
  };
}

/** The month, grouped as a date (cheap per row) and formatted once per group. */
const MONTH = sql<Date>`date_trunc('month', c.decided_on)`;

function keyOf(by: FiguresGroupBy): RawBuilder<unknown> {
  switch (by) {
    case "institution":
      return sql<string>`c.institution_id`;
    case "product":
      return sql<string>`c.product_id`;
    case "month":
      return MONTH;
    case "special-action":
      return sql<string>`sa.key`;
  }
}

/** The group's key as text (a month as YYYY-MM). */
function label(by: FiguresGroupBy): RawBuilder<string> {
  return by === "month" ? sql<string>`to_char(${MONTH}, 'YYYY-MM')` : (keyOf(by) as RawBuilder<string>);
}

/** `from c` (a rollup table), with the special actions unnested when grouping by them. */
function source(table: string, by: FiguresGroupBy | undefined) {
  const t = sql.table(`marketplace.${table}`);
  return by === "special-action"
    ? sql`${t} as c cross join lateral unnest(c.special_actions) as sa(key)`
    : sql`${t} as c`;
}

const monthNumber = (isoDate: string) => Number(isoDate.slice(0, 4)) * 100 + Number(isoDate.slice(5, 7));

/** The whole months [first, last] (as yyyymm) a period covers exactly, or undefined. */
function wholeMonths(q: FiguresQuery): { first: number; last: number } | undefined {
  if (q.from !== undefined && !q.from.endsWith("-01")) return undefined;
  if (q.to !== undefined && addDays(q.to, 1).slice(8) !== "01") return undefined;
  return { first: q.from ? monthNumber(q.from) : 0, last: q.to ? monthNumber(q.to) : 999999 };
}

export async function figuresQuery(db: AnyDb, q: FiguresQuery): Promise<FiguresResult> {
  const where = [sql<SqlBool>`c.region_code = ${q.regionCode}`];
  if (q.institutionId !== undefined) where.push(sql<SqlBool>`c.institution_id = ${q.institutionId}`);
  if (q.from !== undefined) where.push(sql<SqlBool>`c.decided_on >= ${q.from}::date`);
  if (q.to !== undefined) where.push(sql<SqlBool>`c.decided_on <= ${q.to}::date`);
  const filter = sql.join(where, sql` and `);
  const allTime = q.from === undefined && q.to === undefined;
  const months = wholeMonths(q);

  // Totals: the sums, and the distinct borrowers (all time: one counter row).
  const totalSums = sql<LineRow>`select 'total' as key, coalesce(sum(c.financings), 0) as financings,
      sum(c.amount_granted)::text as amount from ${source("figure_cells", undefined)} where ${filter}`.execute(db);
  const totalBorrowers = allTime
    ? sql<{ n: string }>`select coalesce(sum(borrowers), 0) as n from marketplace.figure_borrower_counts
          where region_code = ${q.regionCode} and institution_id = ${q.institutionId ?? ""} and month = 0`.execute(db)
    : sql<{ n: string }>`select count(distinct c.applicant_index) as n
          from ${source("figure_first_loans", undefined)} where ${filter}`.execute(db);

  const grouped = q.groupBy === undefined ? Promise.resolve([]) : groupLines(db, q, q.groupBy, filter, months);
  const [sums, borrowers, groups] = await Promise.all([totalSums, totalBorrowers, grouped]);
  return { total: line("total", sums.rows[0], Number(borrowers.rows[0]?.n ?? 0)), groups };
}

async function groupLines(
  db: AnyDb,
  q: FiguresQuery,
  by: FiguresGroupBy,
  filter: RawBuilder<unknown>,
  months: { first: number; last: number } | undefined,
): Promise<FigureLine[]> {
  const [sums, counted] = await Promise.all([
    sql<LineRow>`select ${label(by)} as key, sum(c.financings) as financings, sum(c.amount_granted)::text as amount
      from ${source("figure_cells", by)} where ${filter} group by ${keyOf(by)}`.execute(db),
    groupBorrowers(db, q, by, filter, months),
  ]);
  return sums.rows
    .map((r) => line(r.key, r, counted.get(r.key) ?? 0))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type KeyCount = { key: string; n: string };

/** Distinct first-loan borrowers per group: from the kept counts where they answer, else counted. */
async function groupBorrowers(
  db: AnyDb,
  q: FiguresQuery,
  by: FiguresGroupBy,
  filter: RawBuilder<unknown>,
  months: { first: number; last: number } | undefined,
): Promise<Map<string, number>> {
  const counts = sql.table("marketplace.figure_borrower_counts");
  let rows: KeyCount[];
  if (by === "month" && months) {
    const first = Math.max(months.first, 1);
    rows = (
      await sql<KeyCount>`select to_char(to_date(month::text, 'YYYYMM'), 'YYYY-MM') as key, borrowers as n
        from ${counts} where region_code = ${q.regionCode} and institution_id = ${q.institutionId ?? ""}
          and month between ${first} and ${months.last}`.execute(db)
    ).rows;
  } else if (by === "institution" && q.from === undefined && q.to === undefined) {
    const which = q.institutionId === undefined ? sql`institution_id <> ''` : sql`institution_id = ${q.institutionId}`;
    rows = (
      await sql<KeyCount>`select institution_id as key, borrowers as n
        from ${counts} where region_code = ${q.regionCode} and month = 0 and ${which}`.execute(db)
    ).rows;
  } else {
    rows = (
      await sql<KeyCount>`select ${label(by)} as key, count(distinct c.applicant_index) as n
        from ${source("figure_first_loans", by)} where ${filter} group by ${keyOf(by)}`.execute(db)
    ).rows;
  }
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}
