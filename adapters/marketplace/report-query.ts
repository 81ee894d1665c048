import { type Expression, type SqlBool, sql } from "kysely";
import {
  type Application,
  compareReportRows,
  type InstitutionReport,
  type InstitutionReportRow,
  type ReportColumn,
} from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { type ApplicationRow, applicationFromRow } from "./application-row.ts";
import { APPLICATIONS, selectApplications } from "./application-store.ts";

/**
 * 银行机构对接实时通报 in SQL, agreeing with rules/institution-report.ts: the deadlines are on the
 * row, so at `now` "overdue for contact" is `state = 'SUBMITTED' and contact_due_at <= now`
 * (MKT-R04) and "long unfinished" is an open state with `conclude_due_at <= now` (MKT-R05).
 * The counts read only the partial index over open applications; fallbacks (MKT-R06) their own.
 */
const OPEN = sql<SqlBool>`state in ('SUBMITTED', 'CONTACTED')`;

export function reportColumnFilter(column: ReportColumn, now: Date): Expression<SqlBool> {
  switch (column) {
    case "pending":
      return sql<SqlBool>`state = 'SUBMITTED'`;
    case "overdue-for-contact":
      return sql<SqlBool>`(state = 'SUBMITTED' and contact_due_at <= ${now})`;
    case "long-unfinished":
      return sql<SqlBool>`(${OPEN} and conclude_due_at <= ${now})`;
    case "open":
      return OPEN;
  }
}

type Counts = { -readonly [K in keyof Omit<InstitutionReportRow, "institutionId">]: number };
const zero = (): Counts => ({ pending: 0, overdueForContact: 0, longUnfinished: 0, open: 0, instantFallbacks: 0 });

export async function institutionReportQuery(
  db: AnyDb,
  q: { readonly regionCode: string; readonly now: Date; readonly institutionId?: string },
): Promise<InstitutionReport> {
  const ids =
    q.institutionId !== undefined
      ? [q.institutionId]
      : (
          await db.selectFrom("marketplace.institutions").select("id").where("region_code", "=", q.regionCode).execute()
        ).map((r) => r.id as string);
  const one = q.institutionId === undefined ? sql<SqlBool>`true` : sql<SqlBool>`institution_id = ${q.institutionId}`;
  const counts = await sql<{
    institution_id: string;
    pending: number;
    overdue: number;
    long_unfinished: number;
    open: number;
  }>`select institution_id,
            count(*) filter (where state = 'SUBMITTED') as pending,
            count(*) filter (where state = 'SUBMITTED' and contact_due_at <= ${q.now}) as overdue,
            count(*) filter (where conclude_due_at <= ${q.now}) as long_unfinished,
            count(*) as open
       from ${sql.table(APPLICATIONS)}
      where region_code = ${q.regionCode} and ${OPEN} and ${one}
      group by institution_id`.execute(db);
  const fallbacks = await sql<{ institution_id: string; n: number }>`
     select institution_id, count(*) as n
       from ${sql.table(APPLICATIONS)}
      where region_code = ${q.regionCode} and fell_back_to_manual and ${one}
      group by institution_id`.execute(db);

  const by = new Map<string, Counts>(ids.map((id) => [id, zero()]));
  const only = ids.length > 0 ? new Set(ids) : undefined;
  const slot = (id: string): Counts | undefined => {
    if (only && !only.has(id)) return undefined;
    let c = by.get(id);
    if (!c) {
      c = zero();
      by.set(id, c);
    }
    return c;
  };
  for (const r of counts.rows) {
    const c = slot(r.institution_id);
    if (!c) continue;
    c.pending = Number(r.pending);
    c.overdueForContact = Number(r.overdue);
    c.longUnfinished = Number(r.long_unfinished);
    c.open = Number(r.open);
  }
  for (const r of fallbacks.rows) {
    const c = slot(r.institution_id);
    if (c) c.instantFallbacks = Number(r.n);
  }
  const rows = [...by].map(([institutionId, c]) => ({ institutionId, ...c })).sort(compareReportRows);
  const totals = zero();
  for (const r of rows) {
    totals.pending += r.pending;
    totals.overdueForContact += r.overdueForContact;
    totals.longUnfinished += r.longUnfinished;
    totals.open += r.open;
    totals.instantFallbacks += r.instantFallbacks;
  }
  return { regionCode: q.regionCode, at: q.now, rows, totals };
}

/** The applications of one report column (oldest first) with the column's total. */
export async function reportListQuery(
  db: AnyDb,
  q: {
    readonly regionCode: string;
    readonly now: Date;
    readonly column: ReportColumn;
    readonly institutionId?: string;
    readonly limit: number;
    readonly offset: number;
  },
): Promise<{ items: Application[]; total: number }> {
  const filter = reportColumnFilter(q.column, q.now);
  const scope = (qb: ReturnType<typeof selectApplications>) => {
    let b = qb.where("region_code", "=", q.regionCode).where(filter);
    if (q.institutionId !== undefined) b = b.where("institution_id", "=", q.institutionId);
    return b;
  };
  const rows = await scope(selectApplications(db))
    .orderBy("submitted_at")
    .orderBy("id")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  let count = db
    .selectFrom(APPLICATIONS)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("region_code", "=", q.regionCode)
    .where(filter);
  if (q.institutionId !== undefined) count = count.where("institution_id", "=", q.institutionId);
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  return { items: rows.map((r) => applicationFromRow(r as ApplicationRow)), total };
}
