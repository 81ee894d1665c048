import { z } from "@hono/zod-openapi";
import { ApplicationView } from "./response-schemas.ts";
import { YuanOut } from "./wire-money.ts";

/** Response schemas of QR codes, the institution report, notices and figures. */
const Instant = z.string().openapi({ example: "2026-03-02T02:00:00.000Z" });
const Name = z.object({ zh: z.string(), en: z.string() });

export const ApplyCodeView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    productId: z.string(),
    institutionId: z.string(),
    branchId: z.string().nullable(),
    managerId: z.string().nullable(),
    issuedAt: Instant,
    expiresAt: Instant,
    issuedBy: z.string(),
    status: z.enum(["ACTIVE", "REVOKED"]),
    scans: z.number(),
    applications: z.number(),
  })
  .openapi("MarketplaceApplyCode");

export const IssuedApplyCodeView = z.object({
  code: ApplyCodeView,
  token: z.string(),
  /** The page a scan opens (what the QR code encodes, after the site's origin). */
  link: z.string(),
  qrPng: z.string(),
  qrSvg: z.string(),
});

export const ScanView = z.object({
  applyCodeId: z.string(),
  productId: z.string(),
  institutionId: z.string(),
  branchId: z.string().nullable(),
  managerId: z.string().nullable(),
  token: z.string(),
});

const Counts = {
  pending: z.number(),
  overdueForContact: z.number(),
  longUnfinished: z.number(),
  open: z.number(),
  instantFallbacks: z.number(),
};

export const InstitutionReportView = z
  .object({
    regionCode: z.string(),
    at: Instant,
    rows: z.array(z.object({ institutionId: z.string(), ...Counts })),
    totals: z.object(Counts),
  })
  .openapi("MarketplaceInstitutionReport");

export const ReportAnswerView = z.object({
  report: InstitutionReportView,
  institutionNames: z.record(z.string(), Name),
  list: z.object({ items: z.array(ApplicationView), total: z.number() }).optional(),
});

export const SnapshotView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    label: z.string(),
    takenAt: Instant,
    takenBy: z.string(),
    report: InstitutionReportView,
  })
  .openapi("MarketplaceReportSnapshot");

const Line = z.object({
  key: z.string(),
  financings: z.number(),
  firstLoanBorrowers: z.number(),
  amountGranted: YuanOut,
  averagePerFinancing: YuanOut.nullable(),
});
export const FiguresView = z.object({ total: Line, groups: z.array(Line) }).openapi("MarketplaceFigures");

export const CreditDataCatalogueView = z.object({
  departments: z.array(z.object({ code: z.string(), kind: z.string(), name: Name })),
  categories: z.array(
    z.object({
      code: z.string(),
      department: z.string(),
      name: Name,
      description: z.string(),
      subjects: z.array(z.string()),
      personal: z.boolean(),
    }),
  ),
  specialActions: z.array(z.object({ code: z.string(), name: Name, description: z.string() })),
  institutions: z.array(z.object({ id: z.string(), name: Name, kind: z.string() })),
});

export const JobView = z.object({ expired: z.number().optional(), purged: z.number().optional() });
