import { z } from "@hono/zod-openapi";
import { YuanOut } from "./wire-money.ts";

/** Response schemas of the marketplace API (amounts as yuan strings, instants as ISO 8601). */
const Instant = z.string().openapi({ example: "2026-03-02T02:00:00.000Z" });
const Name = z.object({ zh: z.string(), en: z.string() });
const Period = z.object({ from: z.string(), to: z.string() });
const Purpose = z.object({ module: z.string(), kind: z.string(), ref: z.string(), text: z.string() });

export const InstitutionView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    name: Name,
    kind: z.enum(["bank", "guarantor", "insurer"]),
    uscc: z.string(),
    branches: z.array(z.object({ id: z.string(), name: Name, regionCode: z.string() })),
    status: z.string(),
    registeredAt: Instant,
  })
  .openapi("MarketplaceInstitution");

export const ProductView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    institutionId: z.string(),
    name: Name,
    type: z.enum(["credit", "mortgage", "guarantee", "insurance"]),
    description: z.string(),
    amountMin: YuanOut,
    amountMax: YuanOut,
    termMonthsMin: z.number(),
    termMonthsMax: z.number(),
    rateMinBp: z.number(),
    rateMaxBp: z.number(),
    segments: z.array(z.string()),
    specialActions: z.array(z.string()),
    channel: z.enum(["direct", "manual"]),
    dataNeeds: z.array(z.object({ category: z.string(), purpose: z.string(), required: z.boolean() })),
    dataPeriodMonths: z.number(),
    dataLifeMonths: z.number(),
    status: z.enum(["ACTIVE", "WITHDRAWN"]),
    registeredAt: Instant,
  })
  .openapi("MarketplaceProduct");

export const ProductPage = z.object({ items: z.array(ProductView), total: z.number() });

export const ProductDetailView = z.object({
  product: ProductView,
  institution: z.object({ id: z.string(), name: Name, kind: z.string() }),
  consentScreen: z.object({
    recipient: z.object({ id: z.string(), name: Name }),
    categories: z.array(
      z.object({
        code: z.string(),
        name: Name,
        department: z.object({ code: z.string(), name: Name }),
        purpose: z.string(),
        required: z.boolean(),
      }),
    ),
    terms: z.object({ dataPeriod: Period, dataLifeMonths: z.number(), expiresAt: Instant }),
  }),
});

export const ConsentView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    recipientInstitutionId: z.string(),
    recipientName: Name.optional(),
    purpose: Purpose,
    categories: z.array(z.string()),
    dataPeriod: Period,
    dataLifeMonths: z.number(),
    grantedAt: Instant,
    expiresAt: Instant,
    status: z.enum(["ACTIVE", "REVOKED", "EXPIRED"]),
    effectiveStatus: z.enum(["ACTIVE", "REVOKED", "EXPIRED"]),
    revokedAt: Instant.nullable(),
  })
  .openapi("MarketplaceConsent");

export const PushView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    recipientInstitutionId: z.string(),
    recipientName: Name.optional(),
    consentId: z.string(),
    purpose: Purpose,
    applicationId: z.string().nullable(),
    categories: z.array(z.string()),
    dataPeriod: Period,
    pushedAt: Instant,
    retainUntil: Instant,
    contentHash: z.string(),
    recordCount: z.number(),
    payloadHeld: z.boolean(),
    purgedAt: Instant.nullable(),
  })
  .openapi("MarketplacePush");

export const MyDataView = z.object({ consents: z.array(ConsentView), pushes: z.array(PushView) });

export const PushedDataView = z.object({
  push: PushView,
  records: z.array(
    z.object({
      category: z.string(),
      subjectId: z.string(),
      observedOn: z.string(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});

export const ApplicationView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    productId: z.string(),
    institutionId: z.string(),
    productType: z.string(),
    channel: z.enum(["direct", "manual"]),
    specialActions: z.array(z.string()),
    applicantName: z.string(),
    applicantIdKind: z.enum(["resident-id", "uscc"]),
    contactMobile: z.string(),
    amountRequested: YuanOut,
    termMonths: z.number(),
    consentId: z.string(),
    pushId: z.string(),
    source: z.enum(["web", "qr"]),
    applyCodeId: z.string().nullable(),
    branchId: z.string().nullable(),
    managerId: z.string().nullable(),
    firstLoan: z.boolean(),
    state: z.string(),
    submittedAt: Instant,
    submittedOn: z.string(),
    contactDueAt: Instant,
    concludeDueAt: Instant,
    contactedAt: Instant.nullable(),
    decidedAt: Instant.nullable(),
    concludedAt: Instant.nullable(),
    amountGranted: YuanOut.nullable(),
    rateBp: z.number().nullable(),
    grantedTermMonths: z.number().nullable(),
    amountDisbursed: YuanOut.nullable(),
    disbursedAt: Instant.nullable(),
    reason: z.string().nullable(),
    institutionReference: z.string().nullable(),
    instantDecision: z
      .object({ outcome: z.string(), at: Instant, latencyMs: z.number(), error: z.string().nullable().optional() })
      .nullable(),
    fellBackToManual: z.boolean(),
  })
  .openapi("MarketplaceApplication");

export const SubmittedView = z.object({
  application: ApplicationView,
  push: z.object({
    id: z.string(),
    categories: z.array(z.string()),
    contentHash: z.string(),
    recordCount: z.number(),
  }),
});

export const MortgageView = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    applicationId: z.string(),
    institutionId: z.string(),
    property: z.object({ titleCertificateNo: z.string(), address: z.string() }),
    securedAmount: YuanOut,
    state: z.string(),
    requestedAt: Instant,
    branchId: z.string().nullable(),
    signedAt: Instant.nullable(),
    submittedAt: Instant.nullable(),
    registryRef: z.string().nullable(),
    registeredAt: Instant.nullable(),
    registrationCertificateNo: z.string().nullable(),
    refusedReason: z.string().nullable(),
    attempts: z.number(),
    lastError: z.string().nullable(),
  })
  .openapi("MarketplaceMortgageRegistration");

export const ApplicationDetailView = z.object({
  application: ApplicationView,
  mortgageRegistration: MortgageView.nullable(),
});
