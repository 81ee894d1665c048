import type { Application, Consent, Institution, Product, PushRecord } from "../../../../core/marketplace/mod.ts";

/**
 * Plain domain values for adapter tests, complete in every field so that a round trip through
 * the database can be compared with `toEqual`.
 */
export const REGION = "350800";
const AT = new Date("2026-03-02T02:00:00.000Z");

export function institution(id: string, over: Partial<Institution> = {}): Institution {
  return {
    id,
    regionCode: REGION,
    name: { zh: `${id} 银行`, en: `${id} bank` },
    kind: "bank",
    uscc: `91350800MA${id.slice(-8).padStart(8, "0")}`,
    branches: [{ id: `${id}_xinluo`, name: { zh: "新罗支行", en: "Xinluo" }, regionCode: "350802" }],
    status: "ACTIVE",
    registeredAt: AT,
    ...over,
  };
}

export function product(id: string, institutionId: string, over: Partial<Product> = {}): Product {
  return {
    id,
    regionCode: REGION,
    institutionId,
    name: { zh: `产品${id}`, en: `Product ${id}` },
    type: "credit",
    description: "test product",
    amountMin: 1_000_00,
    amountMax: 500_000_00,
    termMonthsMin: 3,
    termMonthsMax: 36,
    rateMinBp: 385,
    rateMaxBp: 650,
    segments: ["small-firm", "individual-business"],
    specialActions: ["small-shop"],
    channel: "manual",
    dataNeeds: [{ category: "tax.paid", purpose: "size the business", required: true }],
    dataPeriodMonths: 24,
    dataLifeMonths: 12,
    status: "ACTIVE",
    registeredAt: AT,
    ...over,
  };
}

export function consent(id: string, recipientInstitutionId: string, over: Partial<Consent> = {}): Consent {
  return {
    id,
    regionCode: REGION,
    subjectRef: "acct_subject",
    dataSubject: { idKind: "uscc", idIndex: "bi_uscc_1", idCipher: "v1.cipher" },
    recipientInstitutionId,
    purpose: { module: "marketplace", kind: "product-application", ref: "prd_1", text: "申请 / applying" },
    categories: ["tax.paid"],
    dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
    dataLifeMonths: 12,
    grantedAt: AT,
    expiresAt: new Date(AT.getTime() + 30 * 86_400_000),
    status: "ACTIVE",
    revokedAt: null,
    ...over,
  };
}

export function push(id: string, c: Consent, over: Partial<PushRecord> = {}): PushRecord {
  return {
    id,
    regionCode: c.regionCode,
    subjectRef: c.subjectRef,
    dataSubjectIndex: c.dataSubject.idIndex,
    recipientInstitutionId: c.recipientInstitutionId,
    consentId: c.id,
    purpose: c.purpose,
    applicationId: null,
    categories: ["tax.paid"],
    dataPeriod: c.dataPeriod,
    pushedAt: AT,
    retainUntil: new Date("2027-03-02T16:00:00.000Z"),
    contentHash: "a".repeat(64),
    recordCount: 3,
    payloadCipher: "v1.payload",
    purgedAt: null,
    ...over,
  };
}

export function application(
  id: string,
  p: Product,
  c: Consent,
  pushId: string,
  over: Partial<Application> = {},
): Application {
  return {
    id,
    regionCode: p.regionCode,
    productId: p.id,
    institutionId: p.institutionId,
    productType: p.type,
    channel: p.channel,
    specialActions: p.specialActions,
    subjectRef: c.subjectRef,
    applicant: c.dataSubject,
    applicantName: "龙岩闽西茶业有限公司",
    contactMobileCipher: "v1.mobile",
    amountRequested: 100_000_00,
    termMonths: 12,
    consentId: c.id,
    pushId,
    source: "web",
    applyCodeId: null,
    branchId: null,
    managerId: null,
    firstLoan: false,
    state: "SUBMITTED",
    submittedAt: AT,
    submittedOn: "2026-03-02",
    contactDueAt: new Date("2026-03-04T16:00:00.000Z"),
    concludeDueAt: new Date("2026-03-23T16:00:00.000Z"),
    contactedAt: null,
    decidedAt: null,
    concludedAt: null,
    amountGranted: null,
    rateBp: null,
    grantedTermMonths: null,
    amountDisbursed: null,
    disbursedAt: null,
    reason: null,
    institutionReference: null,
    instantDecision: null,
    fellBackToManual: false,
    ...over,
  };
}
