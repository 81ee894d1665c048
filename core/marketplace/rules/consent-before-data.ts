import { addMonths, businessDateOf, DomainError, valueAsOf } from "../../kernel/mod.ts";
import { type Consent, effectiveConsentStatus } from "../domain/consent.ts";
import type { DataPeriod } from "../domain/credit-data.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * MKT-R01 consent before data (授权在先). No public-credit data reaches an institution without an
 * ACTIVE, unexpired consent from the data subject that names that institution, that purpose and
 * (checked by MKT-R02) the categories. Checked at the moment of every push (KRN-R05).
 */
export const CONSENT_RULE = "MKT-R01";

const DAY_MS = 86_400_000;

export interface ConsentTerms {
  /** Months of past data covered, ending on the business date of the grant. */
  readonly dataPeriod: DataPeriod;
  readonly dataLifeMonths: number;
  readonly expiresAt: Date;
}

/**
 * The terms of a consent given at `grantedAt`: the default period, data life and expiry in
 * force on that business date, or the shorter ones the subject or product asks for. Asking for
 * more than the pack's default (or a product's cap, passed as `limits`) is refused.
 */
export function consentTerms(
  policy: MarketplacePolicy,
  grantedAt: Date,
  asked: { readonly dataPeriodMonths?: number; readonly dataLifeMonths?: number } = {},
  limits: { readonly dataPeriodMonths?: number; readonly dataLifeMonths?: number } = {},
): ConsentTerms {
  const day = businessDateOf(grantedAt, "grantedAt");
  const maxPeriod =
    limits.dataPeriodMonths ?? valueAsOf(policy.consent.dataPeriodMonths, day, "consent.dataPeriodMonths");
  const maxLife = limits.dataLifeMonths ?? valueAsOf(policy.consent.dataLifeMonths, day, "consent.dataLifeMonths");
  const period = asked.dataPeriodMonths ?? maxPeriod;
  const life = asked.dataLifeMonths ?? maxLife;
  if (!Number.isInteger(period) || period < 1 || period > maxPeriod) {
    throw new DomainError(`the data period must be 1 to ${maxPeriod} months`, {
      ruleId: CONSENT_RULE,
      field: "dataPeriodMonths",
    });
  }
  if (!Number.isInteger(life) || life < 1 || life > maxLife) {
    throw new DomainError(`the data life must be 1 to ${maxLife} months`, {
      ruleId: CONSENT_RULE,
      field: "dataLifeMonths",
    });
  }
  const expiryDays = valueAsOf(policy.consent.expiryDays, day, "consent.expiryDays");
  return {
    dataPeriod: { from: addMonths(day, -period), to: day },
    dataLifeMonths: life,
    expiresAt: new Date(grantedAt.getTime() + expiryDays * DAY_MS),
  };
}

/** What a push is for; the consent must name exactly this. */
export interface PushIntent {
  readonly recipientInstitutionId: string;
  readonly purpose: { readonly module: string; readonly kind: string; readonly ref: string };
  /** Blind index of the identity the data is about. */
  readonly dataSubjectIndex: string;
}

function refuse(message: string, kind: "validation" | "conflict" = "validation"): never {
  throw new DomainError(message, { ruleId: CONSENT_RULE, kind, field: "consentId" });
}

/**
 * Throws unless `consent` lets data for `intent` be pushed at `now`: ACTIVE (not revoked, not
 * past its expiry), naming the same recipient, purpose and data subject.
 */
export function assertConsentAllowsPush(consent: Consent, intent: PushIntent, now: Date): void {
  const status = effectiveConsentStatus(consent, now);
  if (status === "REVOKED") refuse("the consent has been revoked; no data may be pushed under it");
  if (status === "EXPIRED") refuse("the consent has expired; no data may be pushed under it");
  if (consent.recipientInstitutionId !== intent.recipientInstitutionId) {
    refuse("the consent names another institution as recipient");
  }
  const p = consent.purpose;
  if (p.module !== intent.purpose.module || p.kind !== intent.purpose.kind || p.ref !== intent.purpose.ref) {
    refuse("the consent was given for another purpose");
  }
  if (consent.dataSubject.idIndex !== intent.dataSubjectIndex) {
    refuse("the consent was given for another data subject");
  }
}
