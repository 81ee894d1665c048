import { addMonths, businessDateOf, endOfBusinessDate, type Hasher } from "../../kernel/mod.ts";
import { canonicalJson } from "../domain/canonical-json.ts";
import type { Consent } from "../domain/consent.ts";
import type { CategoryCode, CreditDataRecord, DataPeriod } from "../domain/credit-data.ts";
import type { PushRecord } from "../domain/push-record.ts";

/**
 * MKT-R03 push log. Every push records subject, recipient, categories, period, consent id, time
 * and a content hash, so the subject can list who received what and anyone holding the pushed
 * content can prove it is what the log says.
 */
export const PUSH_LOG_RULE = "MKT-R03";

/** What is hashed and delivered: records in a stable order so equal content hashes equally. */
export interface PushContent {
  readonly consentId: string;
  readonly recipientInstitutionId: string;
  readonly dataSubjectIndex: string;
  readonly categories: readonly CategoryCode[];
  readonly dataPeriod: DataPeriod;
  readonly records: readonly CreditDataRecord[];
}

function compareRecords(a: CreditDataRecord, b: CreditDataRecord): number {
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  if (a.observedOn !== b.observedOn) return a.observedOn < b.observedOn ? -1 : 1;
  const ca = canonicalJson(a.fields);
  const cb = canonicalJson(b.fields);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

export function pushContent(
  consent: Consent,
  categories: readonly CategoryCode[],
  records: readonly CreditDataRecord[],
): PushContent {
  return {
    consentId: consent.id,
    recipientInstitutionId: consent.recipientInstitutionId,
    dataSubjectIndex: consent.dataSubject.idIndex,
    categories: [...categories].sort(),
    dataPeriod: consent.dataPeriod,
    records: [...records].sort(compareRecords),
  };
}

/** Lower-case hex SHA-256 of the canonical JSON of the content. */
export function pushContentHash(hasher: Hasher, content: PushContent): string {
  return sealedPushContent(hasher, content).contentHash;
}

/**
 * The content's canonical JSON (what is sealed into the push log) and its hash, serialised
 * once for both.
 */
export function sealedPushContent(hasher: Hasher, content: PushContent): { text: string; contentHash: string } {
  const text = canonicalJson(content);
  return { text, contentHash: hasher.sha256Hex(text) };
}

/** The instant until which the recipient may keep a push: end of the date data-life months on. */
export function retainUntil(pushedAt: Date, dataLifeMonths: number): Date {
  return endOfBusinessDate(addMonths(businessDateOf(pushedAt, "pushedAt"), dataLifeMonths));
}

export interface NewPush {
  readonly id: string;
  readonly consent: Consent;
  readonly applicationId: string | null;
  readonly content: PushContent;
  readonly contentHash: string;
  readonly payloadCipher: string;
  readonly pushedAt: Date;
}

/** The push-log entry for a push under `consent`. */
export function pushRecordOf(p: NewPush): PushRecord {
  return {
    id: p.id,
    regionCode: p.consent.regionCode,
    subjectRef: p.consent.subjectRef,
    dataSubjectIndex: p.consent.dataSubject.idIndex,
    recipientInstitutionId: p.consent.recipientInstitutionId,
    consentId: p.consent.id,
    purpose: p.consent.purpose,
    applicationId: p.applicationId,
    categories: p.content.categories,
    dataPeriod: p.content.dataPeriod,
    pushedAt: p.pushedAt,
    retainUntil: retainUntil(p.pushedAt, p.consent.dataLifeMonths),
    contentHash: p.contentHash,
    recordCount: p.content.records.length,
    payloadCipher: p.payloadCipher,
    purgedAt: null,
  };
}

/** Is the pushed payload past its data life at `now` (to be purged)? */
export function isPastDataLife(push: Pick<PushRecord, "retainUntil">, now: Date): boolean {
  return now.getTime() >= push.retainUntil.getTime();
}
