import type { z } from "@hono/zod-openapi";
import { hasRole, type Principal } from "../../../core/kernel/mod.ts";
import type {
  ApplicationView as CoreApplication,
  ConsentView as CoreConsent,
  PushView as CorePush,
  Institution,
  MortgageRegistration,
  Product,
} from "../../../core/marketplace/mod.ts";
import type {
  ApplicationView,
  ConsentView,
  InstitutionView,
  MortgageView,
  ProductView,
  PushView,
} from "./response-schemas.ts";
import { yuan, yuanOrNull } from "./wire-money.ts";

/** Core values → wire values: fen → yuan strings, Date → ISO 8601, internal refs left out. */
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());
type Name = { readonly zh: string; readonly en: string };

export function institutionWire(i: Institution): z.infer<typeof InstitutionView> {
  return {
    id: i.id,
    regionCode: i.regionCode,
    name: { ...i.name },
    kind: i.kind,
    uscc: i.uscc,
    branches: i.branches.map((b) => ({ id: b.id, name: { ...b.name }, regionCode: b.regionCode })),
    status: i.status,
    registeredAt: iso(i.registeredAt),
  };
}

export function productWire(p: Product): z.infer<typeof ProductView> {
  return {
    id: p.id,
    regionCode: p.regionCode,
    institutionId: p.institutionId,
    name: { ...p.name },
    type: p.type,
    description: p.description,
    amountMin: yuan(p.amountMin),
    amountMax: yuan(p.amountMax),
    termMonthsMin: p.termMonthsMin,
    termMonthsMax: p.termMonthsMax,
    rateMinBp: p.rateMinBp,
    rateMaxBp: p.rateMaxBp,
    segments: [...p.segments],
    specialActions: [...p.specialActions],
    channel: p.channel,
    dataNeeds: p.dataNeeds.map((n) => ({ category: n.category, purpose: n.purpose, required: n.required })),
    dataPeriodMonths: p.dataPeriodMonths,
    dataLifeMonths: p.dataLifeMonths,
    status: p.status,
    registeredAt: iso(p.registeredAt),
  };
}

/** A consent as its subject sees it (the account's own blind index is not repeated back). */
export function consentWire(c: CoreConsent & { readonly recipientName?: Name }): z.infer<typeof ConsentView> {
  return {
    id: c.id,
    regionCode: c.regionCode,
    recipientInstitutionId: c.recipientInstitutionId,
    ...(c.recipientName ? { recipientName: { ...c.recipientName } } : {}),
    purpose: { ...c.purpose },
    categories: [...c.categories],
    dataPeriod: { ...c.dataPeriod },
    dataLifeMonths: c.dataLifeMonths,
    grantedAt: iso(c.grantedAt),
    expiresAt: iso(c.expiresAt),
    status: c.status,
    effectiveStatus: c.effectiveStatus,
    revokedAt: isoOrNull(c.revokedAt),
  };
}

export function pushWire(p: CorePush & { readonly recipientName?: Name }): z.infer<typeof PushView> {
  return {
    id: p.id,
    regionCode: p.regionCode,
    recipientInstitutionId: p.recipientInstitutionId,
    ...(p.recipientName ? { recipientName: { ...p.recipientName } } : {}),
    consentId: p.consentId,
    purpose: { ...p.purpose },
    applicationId: p.applicationId,
    categories: [...p.categories],
    dataPeriod: { ...p.dataPeriod },
    pushedAt: iso(p.pushedAt),
    retainUntil: iso(p.retainUntil),
    contentHash: p.contentHash,
    recordCount: p.recordCount,
    payloadHeld: p.payloadHeld,
    purgedAt: isoOrNull(p.purgedAt),
  };
}

/**
 * An application for `p`. The core has masked what `p` may not read in full (KRN-R04); the
 * reason an instant decision failed is the platform's and the institution's business, never the
 * applicant's, so it is left out for citizens (MKT-R06).
 */
export function applicationWire(a: CoreApplication, p: Principal | undefined): z.infer<typeof ApplicationView> {
  const d = a.instantDecision;
  const staff = p !== undefined && hasRole(p, "institution_staff", "institution_admin", "regulator", "platform_admin");
  return {
    id: a.id,
    regionCode: a.regionCode,
    productId: a.productId,
    institutionId: a.institutionId,
    productType: a.productType,
    channel: a.channel,
    specialActions: [...a.specialActions],
    applicantName: a.applicantName,
    applicantIdKind: a.applicantIdKind,
    contactMobile: a.contactMobile,
    amountRequested: yuan(a.amountRequested),
    termMonths: a.termMonths,
    consentId: a.consentId,
    pushId: a.pushId,
    source: a.source,
    applyCodeId: a.applyCodeId,
    branchId: a.branchId,
    managerId: a.managerId,
    firstLoan: a.firstLoan,
    state: a.state,
    submittedAt: iso(a.submittedAt),
    submittedOn: a.submittedOn,
    contactDueAt: iso(a.contactDueAt),
    concludeDueAt: iso(a.concludeDueAt),
    contactedAt: isoOrNull(a.contactedAt),
    decidedAt: isoOrNull(a.decidedAt),
    concludedAt: isoOrNull(a.concludedAt),
    amountGranted: yuanOrNull(a.amountGranted),
    rateBp: a.rateBp,
    grantedTermMonths: a.grantedTermMonths,
    amountDisbursed: yuanOrNull(a.amountDisbursed),
    disbursedAt: isoOrNull(a.disbursedAt),
    reason: a.reason,
    institutionReference: a.institutionReference,
    instantDecision: d
      ? { outcome: d.outcome, at: iso(d.at), latencyMs: d.latencyMs, ...(staff ? { error: d.error } : {}) }
      : null,
    fellBackToManual: a.fellBackToManual,
  };
}

/** The title certificate number in full for the lender and the borrower; masked for regulators. */
export function mortgageWire(m: MortgageRegistration, p: Principal): z.infer<typeof MortgageView> {
  const full = p.institutionId === m.institutionId || p.subjectRef === m.subjectRef || hasRole(p, "platform_admin");
  const title = m.property.titleCertificateNo;
  const masked =
    title.length <= 6
      ? "*".repeat(title.length)
      : `${title.slice(0, 4)}${"*".repeat(title.length - 6)}${title.slice(-2)}`;
  return {
    id: m.id,
    regionCode: m.regionCode,
    applicationId: m.applicationId,
    institutionId: m.institutionId,
    property: { titleCertificateNo: full ? title : masked, address: full ? m.property.address : "***" },
    securedAmount: yuan(m.securedAmount),
    state: m.state,
    requestedAt: iso(m.requestedAt),
    branchId: m.branchId,
    signedAt: isoOrNull(m.signedAt),
    submittedAt: isoOrNull(m.submittedAt),
    registryRef: m.registryRef,
    registeredAt: isoOrNull(m.registeredAt),
    registrationCertificateNo: m.registrationCertificateNo,
    refusedReason: m.refusedReason,
    attempts: m.attempts,
    lastError: m.lastError,
  };
}
