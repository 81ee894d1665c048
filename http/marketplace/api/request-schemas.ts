import { z } from "@hono/zod-openapi";
import { YuanIn } from "./wire-money.ts";

/** Request schemas of the marketplace API: strict (an unknown or misspelt field is a 400). */
const Id = z.string().min(1).max(100);
const SafeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '_' and '-' (at most 64)");
const Code = z.string().min(1).max(64);
const Name = z.strictObject({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const Months = z.number().int().min(1).max(600);
const Bp = z.number().int().min(0).max(100_000);
const Region = z
  .string()
  .regex(/^\d{6}$/, "a 6-digit GB/T 2260 prefecture code")
  .openapi({ example: "350800" });
const Subject = z.strictObject({
  idKind: z.enum(["resident-id", "uscc"]),
  idNumber: z.string().max(40).openapi({ example: "92350802MA31XK5R2X" }),
});
const Limit = z.coerce.number().int().min(1).max(500).optional();
const Offset = z.coerce.number().int().min(0).optional();

export const RegionParam = z.strictObject({ region: Region });
export const ProductParams = z.strictObject({ region: Region, productId: Id });
export const ApplicationParams = z.strictObject({ region: Region, applicationId: Id });
export const ConsentParams = z.strictObject({ region: Region, consentId: Id });
export const PushParams = z.strictObject({ region: Region, pushId: Id });
export const ApplyCodeParams = z.strictObject({ region: Region, applyCodeId: Id });
export const RegistrationParams = z.strictObject({ region: Region, registrationId: Id });

export const ProductQuery = z.strictObject({
  type: z.enum(["credit", "mortgage", "guarantee", "insurance"]).optional(),
  segment: z.enum(["small-firm", "individual-business", "farmer", "new-agri-entity"]).optional(),
  specialAction: Code.optional(),
  institutionId: Id.optional(),
  channel: z.enum(["direct", "manual"]).optional(),
  amount: YuanIn.optional(),
  termMonths: z.coerce.number().int().min(1).max(600).optional(),
  text: z.string().max(100).optional(),
  limit: Limit,
  offset: Offset,
});

export const RegisterInstitutionBody = z.strictObject({
  name: Name,
  kind: z.enum(["bank", "guarantor", "insurer"]),
  uscc: z.string().max(40),
  branches: z.array(z.strictObject({ id: SafeId, name: Name, regionCode: Region })).max(500),
});

export const RegisterProductBody = z.strictObject({
  institutionId: Id,
  name: Name,
  type: z.enum(["credit", "mortgage", "guarantee", "insurance"]),
  description: z.string().min(1).max(2000),
  amountMin: YuanIn,
  amountMax: YuanIn,
  termMonthsMin: Months,
  termMonthsMax: Months,
  rateMinBp: Bp,
  rateMaxBp: Bp,
  segments: z.array(z.enum(["small-firm", "individual-business", "farmer", "new-agri-entity"])).min(1),
  specialActions: z.array(Code).max(20).optional(),
  channel: z.enum(["direct", "manual"]),
  dataNeeds: z
    .array(z.strictObject({ category: Code, purpose: z.string().min(1).max(300), required: z.boolean() }))
    .min(1)
    .max(60),
  dataPeriodMonths: Months.optional(),
  dataLifeMonths: Months.optional(),
});

export const ProductStatusBody = z.strictObject({ status: z.enum(["ACTIVE", "WITHDRAWN"]) });

export const GrantConsentBody = z.strictObject({
  productId: Id,
  subject: Subject,
  categories: z
    .array(Code)
    .max(100)
    .openapi({ example: ["tax.paid", "unionpay.acquiring-flow"] }),
  dataPeriodMonths: Months.optional(),
  dataLifeMonths: Months.optional(),
});

export const SubmitApplicationBody = z.strictObject({
  productId: Id,
  consentId: Id,
  applicant: z.strictObject({
    idKind: z.enum(["resident-id", "uscc"]),
    idNumber: z.string().max(40),
    name: z.string().min(1).max(100),
  }),
  contactMobile: z.string().max(20).openapi({ example: "13859012345" }),
  amount: YuanIn,
  termMonths: Months,
  applyCodeToken: z.string().max(512).optional(),
});

export const WithdrawBody = z.strictObject({ reason: z.string().min(1).max(500).optional() });

const Reference = z.string().min(1).max(100).optional();
export const OutcomeBody = z.discriminatedUnion("event", [
  z.strictObject({ event: z.literal("contact"), institutionReference: Reference }),
  z.strictObject({
    event: z.literal("approve"),
    amountGranted: YuanIn,
    rateBp: Bp,
    grantedTermMonths: Months,
    institutionReference: Reference,
  }),
  z.strictObject({ event: z.literal("reject"), reason: z.string().min(1).max(500), institutionReference: Reference }),
  z.strictObject({ event: z.literal("disburse"), amountDisbursed: YuanIn }),
  z.strictObject({ event: z.literal("decline"), reason: z.string().min(1).max(500).optional() }),
]);

export const PushQuery = z.strictObject({ applicationId: Id.optional() });

export const IssueApplyCodeBody = z.strictObject({
  productId: Id,
  branchId: SafeId.optional(),
  managerId: SafeId.optional(),
  validDays: z.number().int().min(1).max(3650).optional(),
});

export const ScanBody = z.strictObject({ token: z.string().min(1).max(512) });

export const ReportQuery = z.strictObject({
  column: z.enum(["pending", "overdue-for-contact", "long-unfinished", "open"]).optional(),
  institutionId: Id.optional(),
  limit: Limit,
  offset: Offset,
});

export const SnapshotBody = z.strictObject({ label: z.string().min(1).max(40).openapi({ example: "2026-03" }) });
export const SnapshotQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });

export const FiguresQuery = z.strictObject({
  from: z.string().max(10).optional().openapi({ example: "2026-01-01" }),
  to: z.string().max(10).optional().openapi({ example: "2026-03-31" }),
  groupBy: z.enum(["institution", "product", "special-action", "month"]).optional(),
  institutionId: Id.optional(),
});

export const MortgageRequestBody = z.strictObject({
  applicationId: Id,
  titleCertificateNo: z.string().min(1).max(60),
  address: z.string().min(1).max(300),
  securedAmount: YuanIn,
});
export const SignAtBranchBody = z.strictObject({ branchId: SafeId });

export const JobBody = z.strictObject({ batch: z.number().int().min(1).max(5000).optional() });
