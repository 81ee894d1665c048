import type { Application } from "../domain/application.ts";
import { isOverdueForContact } from "./contact-deadline.ts";
import { isLongUnfinished } from "./long-unfinished.ts";

/**
 * 银行机构对接实时通报 the real-time institution report: per institution, applications pending
 * contact (待对接), overdue for contact (逾期未对接, MKT-R04) and long unfinished (长期未办结,
 * MKT-R05), plus direct-connect answers that timed out or failed (MKT-R06). Snapshots of it are
 * the periodic notices (定期通报).
 */
export type ReportColumn = "pending" | "overdue-for-contact" | "long-unfinished" | "open";

export interface InstitutionReportRow {
  readonly institutionId: string;
  /** Not yet contacted (SUBMITTED), overdue or not. */
  readonly pending: number;
  readonly overdueForContact: number;
  readonly longUnfinished: number;
  /** Not concluded (SUBMITTED or CONTACTED). */
  readonly open: number;
  /** Instant decisions that timed out or failed and fell back to the manual queue. */
  readonly instantFallbacks: number;
}

export interface InstitutionReport {
  readonly regionCode: string;
  readonly at: Date;
  readonly rows: readonly InstitutionReportRow[];
  readonly totals: Omit<InstitutionReportRow, "institutionId">;
}

export interface ReportSnapshot {
  readonly id: string;
  readonly regionCode: string;
  /** The notice period, e.g. "2026-03" or "2026-W10". */
  readonly label: string;
  readonly takenAt: Date;
  readonly takenBy: string;
  readonly report: InstitutionReport;
}

/** Is the application in the column at `now`? */
export function inReportColumn(app: Application, column: ReportColumn, now: Date): boolean {
  switch (column) {
    case "pending":
      return app.state === "SUBMITTED";
    case "overdue-for-contact":
      return isOverdueForContact(app, now);
    case "long-unfinished":
      return isLongUnfinished(app, now);
    case "open":
      return app.state === "SUBMITTED" || app.state === "CONTACTED";
  }
}

interface Counts {
  pending: number;
  overdueForContact: number;
  longUnfinished: number;
  open: number;
  instantFallbacks: number;
}

const zero = (): Counts => ({ pending: 0, overdueForContact: 0, longUnfinished: 0, open: 0, instantFallbacks: 0 });

/** Worst first: overdue, then long unfinished, then pending, then institution id. */
export function compareReportRows(a: InstitutionReportRow, b: InstitutionReportRow): number {
  return (
    b.overdueForContact - a.overdueForContact ||
    b.longUnfinished - a.longUnfinished ||
    b.pending - a.pending ||
    (a.institutionId < b.institutionId ? -1 : a.institutionId > b.institutionId ? 1 : 0)
  );
}

/**
 * The report over `apps` at `now`. `institutionIds` lists institutions to show even with
 * nothing waiting (all of the region's, or just the viewer's own).
 */
export function buildInstitutionReport(
  regionCode: string,
  apps: Iterable<Application>,
  now: Date,
  institutionIds: readonly string[] = [],
): InstitutionReport {
  const by = new Map<string, Counts>();
  for (const id of institutionIds) by.set(id, zero());
  const only = institutionIds.length > 0 ? new Set(institutionIds) : undefined;
  for (const app of apps) {
    if (app.regionCode !== regionCode || (only && !only.has(app.institutionId))) continue;
    let c = by.get(app.institutionId);
    if (!c) {
      c = zero();
      by.set(app.institutionId, c);
    }
    if (app.state === "SUBMITTED") c.pending++;
    if (app.state === "SUBMITTED" || app.state === "CONTACTED") c.open++;
    if (isOverdueForContact(app, now)) c.overdueForContact++;
    if (isLongUnfinished(app, now)) c.longUnfinished++;
    if (app.fellBackToManual) c.instantFallbacks++;
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
  return { regionCode, at: now, rows, totals };
}
