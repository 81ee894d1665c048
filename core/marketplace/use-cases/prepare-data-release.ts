import { businessDateOf, DomainError, type Principal, valueAsOf } from "../../kernel/mod.ts";
import type { Consent } from "../domain/consent.ts";
import { type CategoryCode, type CreditDataRecord, findCategory } from "../domain/credit-data.ts";
import type { DataSubject } from "../domain/data-subject.ts";
import type { DataNeed } from "../domain/product.ts";
import type { CreditDataRequest } from "../marketplace.ports.ts";
import { assertConsentAllowsPush, CONSENT_RULE, type PushIntent } from "../rules/consent-before-data.ts";
import { minimisedCategories, minimiseRecords } from "../rules/minimisation.ts";
import type { MarketplaceDeps } from "./deps.ts";

/**
 * First half of a data release (MKT-R01/R02), outside any transaction: the consent is found and
 * checked, the categories minimised, and the data fetched live. The second half,
 * commitDataRelease, re-checks the consent under a row lock and writes the push log in the
 * caller's transaction. Other modules (machinery credit) use both through ReleaseData.
 */
export interface DataReleaseRequest {
  readonly consentId: string;
  /** The data subject, validated; its blind index must match the consent's. */
  readonly subject: DataSubject;
  readonly recipientInstitutionId: string;
  readonly purpose: PushIntent["purpose"];
  /** What the recipient's product (or scorecard) declares it needs. */
  readonly needs: readonly DataNeed[];
}

export interface PreparedRelease {
  readonly consent: Consent;
  readonly intent: PushIntent;
  readonly subject: DataSubject;
  readonly categories: readonly CategoryCode[];
}

/** Fetches records for a prepared release; defaults to the region's CreditDataSource. */
export type ReleaseFetcher = (request: CreditDataRequest) => Promise<readonly CreditDataRecord[]>;

export async function prepareDataRelease(
  deps: Pick<MarketplaceDeps, "uow" | "blindIndex" | "policy" | "regionCode">,
  req: DataReleaseRequest,
  principal: Principal,
  now: Date,
): Promise<PreparedRelease> {
  const consent = await deps.uow.run((tx) => tx.consents.get(req.consentId));
  if (!consent || consent.regionCode !== deps.regionCode || consent.subjectRef !== principal.subjectRef) {
    throw new DomainError("consent not found", { ruleId: CONSENT_RULE, kind: "not_found", field: "consentId" });
  }
  const intent: PushIntent = {
    recipientInstitutionId: req.recipientInstitutionId,
    purpose: req.purpose,
    dataSubjectIndex: deps.blindIndex.index(req.subject.idKind, req.subject.idNumber),
  };
  assertConsentAllowsPush(consent, intent, now);
  const catalogue = valueAsOf(deps.policy.creditData, businessDateOf(now), "creditData");
  const nameOf = (code: CategoryCode) => {
    const c = findCategory(catalogue, code);
    return c ? `${c.name.zh} ${c.name.en}` : code;
  };
  const categories = minimisedCategories(req.needs, consent.categories, nameOf);
  return { consent, intent, subject: req.subject, categories };
}

/**
 * Fetches the prepared categories for the consented period and keeps only what MKT-R02 allows.
 * A source that does not answer is a 503 naming KRN-R10: nothing has been written yet.
 */
export async function fetchReleaseRecords(
  deps: Pick<MarketplaceDeps, "regionCode">,
  prepared: PreparedRelease,
  fetch: ReleaseFetcher,
): Promise<CreditDataRecord[]> {
  if (prepared.categories.length === 0) return [];
  let raw: readonly CreditDataRecord[];
  try {
    raw = await fetch({
      regionCode: deps.regionCode,
      subject: prepared.subject,
      categories: prepared.categories,
      period: prepared.consent.dataPeriod,
      purpose: `push:${prepared.consent.id}`,
    });
  } catch {
    throw new DomainError("the public-credit data source did not answer; nothing was pushed, please try again", {
      ruleId: "KRN-R10",
      kind: "unavailable",
    });
  }
  return minimiseRecords(raw, {
    subjectId: prepared.subject.idNumber,
    categories: prepared.categories,
    period: prepared.consent.dataPeriod,
  });
}
