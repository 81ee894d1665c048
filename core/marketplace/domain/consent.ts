import type { CategoryCode, DataPeriod } from "./credit-data.ts";
import type { StoredDataSubject } from "./data-subject.ts";
import { nextState, type TransitionTable } from "./state-machine.ts";

/**
 * MKT-R01 consent (授权): from one data subject to one recipient institution, for one purpose,
 * over named categories and a period of data, with a data life and an expiry. Written for reuse:
 * machinery credit records its consents with its own `purpose.module`.
 */
export type ConsentStatus = "ACTIVE" | "REVOKED" | "EXPIRED";
export type ConsentEvent = "revoke" | "expire";

export const consentTransitions: TransitionTable<ConsentStatus, ConsentEvent> = {
  ACTIVE: { revoke: "REVOKED", expire: "EXPIRED" },
  REVOKED: {},
  EXPIRED: {},
};

/** What the data may be used for; pushes must name the same purpose. */
export interface ConsentPurpose {
  /** Module asking, e.g. "marketplace" or "machinery-credit". */
  readonly module: string;
  /** Kind of purpose, e.g. "product-application". */
  readonly kind: string;
  /** The object the purpose is about, e.g. the product id applied for. */
  readonly ref: string;
  /** The purpose in the words shown to the subject. */
  readonly text: string;
}

export interface Consent {
  readonly id: string;
  readonly regionCode: string;
  /** The account (principal.subjectRef) that gave the consent and may list and revoke it. */
  readonly subjectRef: string;
  /** Whom the data is about. */
  readonly dataSubject: StoredDataSubject;
  readonly recipientInstitutionId: string;
  readonly purpose: ConsentPurpose;
  readonly categories: readonly CategoryCode[];
  readonly dataPeriod: DataPeriod;
  /** Months the recipient may keep what it receives. */
  readonly dataLifeMonths: number;
  readonly grantedAt: Date;
  readonly expiresAt: Date;
  readonly status: ConsentStatus;
  readonly revokedAt: Date | null;
}

/** The status in force at `now`: an ACTIVE consent past its expiry is EXPIRED even before a sweep. */
export function effectiveConsentStatus(consent: Pick<Consent, "status" | "expiresAt">, now: Date): ConsentStatus {
  if (consent.status === "ACTIVE" && now.getTime() >= consent.expiresAt.getTime()) return "EXPIRED";
  return consent.status;
}

/** The consent after revocation at `at` (conflict when it is no longer active). */
export function revokeConsent(consent: Consent, at: Date): Consent {
  const status = effectiveConsentStatus(consent, at);
  const to = nextState(consentTransitions, status, "revoke", { ruleId: "MKT-R01", what: "consent" });
  return { ...consent, status: to, revokedAt: at };
}

/** The consent marked expired (sweep); only for consents past their expiry. */
export function expireConsent(consent: Consent, at: Date): Consent {
  if (effectiveConsentStatus(consent, at) !== "EXPIRED") {
    return consent;
  }
  if (consent.status === "EXPIRED") return consent;
  return {
    ...consent,
    status: nextState(consentTransitions, consent.status, "expire", { ruleId: "MKT-R01", what: "consent" }),
  };
}

/** The fields assertCanSee needs: recipient institution and the granting account. */
export function consentVisibility(c: Consent): { regionCode: string; institutionId: string; subjectRef: string } {
  return { regionCode: c.regionCode, institutionId: c.recipientInstitutionId, subjectRef: c.subjectRef };
}
