import type { ConsentPurpose } from "./consent.ts";
import type { CategoryCode, DataPeriod } from "./credit-data.ts";

/**
 * MKT-R03 push log entry: one release of public-credit data to one institution under one
 * consent. The payload (the records themselves, class C2) is kept encrypted for the recipient
 * until `retainUntil` (the consent's data life) and then purged; the log line stays.
 */
export interface PushRecord {
  readonly id: string;
  readonly regionCode: string;
  /** The account that gave the consent (lists "who received what"). */
  readonly subjectRef: string;
  /** Blind index of the data subject's identity number. */
  readonly dataSubjectIndex: string;
  readonly recipientInstitutionId: string;
  readonly consentId: string;
  readonly purpose: ConsentPurpose;
  /** The application the push served, if any. */
  readonly applicationId: string | null;
  readonly categories: readonly CategoryCode[];
  readonly dataPeriod: DataPeriod;
  readonly pushedAt: Date;
  readonly retainUntil: Date;
  /** SHA-256 (hex) of the canonical JSON of what was pushed. */
  readonly contentHash: string;
  readonly recordCount: number;
  /** FieldCipher ciphertext of the pushed records' JSON; null once purged. */
  readonly payloadCipher: string | null;
  readonly purgedAt: Date | null;
}

export function pushVisibility(p: PushRecord): { regionCode: string; institutionId: string; subjectRef: string } {
  return { regionCode: p.regionCode, institutionId: p.recipientInstitutionId, subjectRef: p.subjectRef };
}
