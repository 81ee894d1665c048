import { type SqlBool, sql } from "kysely";
import { addDays, divRoundHalfUp, startOfBusinessDate } from "../../core/kernel/mod.ts";
import type { FigureLine, FiguresQuery, FiguresResult } from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { APPLICATIONS } from "./application-store.ts";
import { toBigInt } from "./sql-values.ts";

/**
 * Outcome figures in SQL, agreeing with rules/figures.ts: a financing is APPROVED or DISBURSED
 * with an amount granted and a decision time; the period and the month are business dates in
 * Asia/Shanghai (UTC+8, no daylight saving since 1991 — the kernel's fixed offset); first-loan
 * borrowers are distinct by the applicant's blind index; the average is rounded half-up to the
 * fen from the exact sum.
 */
interface LineRow {
  key: string;
  financings: number;
  first_loan_borrowers: number;
  amount: string | null;
}

function line(key: string, r: LineRow | undefined): FigureLine {
  const financings = Number(r?.financings ?? 0);
  const amount = toBigInt(r?.amount);
  return {
    key,
    financings,
    firstLoanBorrowers: Number(r?.first_loan_borrowers ?? 0),
    amountGranted: Number(amount),
    averagePerFinancing: financings === 0 ? null : Number(divRoundHalfUp(amount, BigInt(financings))),
  };
}

const MONTH = sql<string>`to_char((a.decided_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

export async function figuresQuery(db: AnyDb, q: FiguresQuery): Promise<FiguresResult> {
  const where = [
    sql<SqlBool>`a.region_code = ${q.regionCode}`,
    sql<SqlBool>`a.state in ('APPROVED', 'DISBURSED')`,
    sql<SqlBool>`a.amount_granted is not null`,
    sql<SqlBool>`a.decided_at is not null`,
  ];
  if (q.institutionId !== undefined) where.push(sql<SqlBool>`a.institution_id = ${q.institutionId}`);
  if (q.from !== undefined) where.push(sql<SqlBool>`a.decided_at >= ${startOfBusinessDate(q.from)}`);
  if (q.to !== undefined) where.push(sql<SqlBool>`a.decided_at < ${startOfBusinessDate(addDays(q.to, 1))}`);
  const filter = sql.join(where, sql` and `);
  const measures = sql`count(*) as financings,
      count(distinct a.applicant_index) filter (where a.first_loan) as first_loan_borrowers,
      sum(a.amount_granted)::text as amount`;

  const total = await sql<LineRow>`select 'total' as key, ${measures}
      from ${sql.table(APPLICATIONS)} as a where ${filter}`.execute(db);
  if (q.groupBy === undefined) return { total: line("total", total.rows[0]), groups: [] };

  const grouped =
    q.groupBy === "special-action"
      ? sql<LineRow>`select sa.key, ${measures}
          from ${sql.table(APPLICATIONS)} as a cross join lateral unnest(a.special_actions) as sa(key)
         where ${filter} group by sa.key`
      : sql<LineRow>`select ${
          q.groupBy === "institution" ? sql`a.institution_id` : q.groupBy === "product" ? sql`a.product_id` : MONTH
        } as key, ${measures}
          from ${sql.table(APPLICATIONS)} as a where ${filter} group by 1`;
  const groups = (await grouped.execute(db)).rows
    .map((r) => line(r.key, r))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: line("total", total.rows[0]), groups };
}
