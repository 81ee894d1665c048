import type { z } from "@hono/zod-openapi";
import type { Principal } from "../../../core/kernel/mod.ts";
import type {
  ApplyCode,
  FigureLine,
  FiguresResult,
  InstitutionReport,
  InstitutionReportAnswer,
  ReportSnapshot,
} from "../../../core/marketplace/mod.ts";
import type {
  ApplyCodeView,
  FiguresView,
  InstitutionReportView,
  ReportAnswerView,
  SnapshotView,
} from "./response-schemas-report.ts";
import { yuan, yuanOrNull } from "./wire-money.ts";
import { applicationWire } from "./wire-views.ts";

export function applyCodeWire(c: ApplyCode): z.infer<typeof ApplyCodeView> {
  return {
    id: c.id,
    regionCode: c.regionCode,
    productId: c.productId,
    institutionId: c.institutionId,
    branchId: c.branchId,
    managerId: c.managerId,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    issuedBy: c.issuedBy,
    status: c.status,
    scans: c.scans,
    applications: c.applications,
  };
}

export function reportWire(r: InstitutionReport): z.infer<typeof InstitutionReportView> {
  return {
    regionCode: r.regionCode,
    at: r.at.toISOString(),
    rows: r.rows.map((x) => ({ ...x })),
    totals: { ...r.totals },
  };
}

export function reportAnswerWire(a: InstitutionReportAnswer, p: Principal): z.infer<typeof ReportAnswerView> {
  return {
    report: reportWire(a.report),
    institutionNames: Object.fromEntries(Object.entries(a.institutionNames).map(([k, v]) => [k, { ...v }])),
    ...(a.list ? { list: { items: a.list.items.map((x) => applicationWire(x, p)), total: a.list.total } } : {}),
  };
}

export function snapshotWire(s: ReportSnapshot): z.infer<typeof SnapshotView> {
  return {
    id: s.id,
    regionCode: s.regionCode,
    label: s.label,
    takenAt: s.takenAt.toISOString(),
    takenBy: s.takenBy,
    report: reportWire(s.report),
  };
}

function lineWire(l: FigureLine) {
  return {
    key: l.key,
    financings: l.financings,
    firstLoanBorrowers: l.firstLoanBorrowers,
    amountGranted: yuan(l.amountGranted),
    averagePerFinancing: yuanOrNull(l.averagePerFinancing),
  };
}

export function figuresWire(f: FiguresResult): z.infer<typeof FiguresView> {
  return { total: lineWire(f.total), groups: f.groups.map(lineWire) };
}
