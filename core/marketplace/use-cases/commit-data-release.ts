import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import type { PushRecord } from "../domain/push-record.ts";
import type { MarketplaceTx } from "../marketplace.ports.ts";
import { assertConsentAllowsPush, CONSENT_RULE } from "../rules/consent-before-data.ts";
import { minimiseRecords } from "../rules/minimisation.ts";
import { type PushContent, pushContent, pushRecordOf, sealedPushContent } from "../rules/push-log.ts";
import type { MarketplaceDeps } from "./deps.ts";
import type { PreparedRelease } from "./prepare-data-release.ts";
import { recordChange } from "./record-change.ts";

/**
 * Second half of a data release, inside the caller's transaction: the consent is read again
 * under a row lock and checked at `now` (a revocation that committed first stops the push), the
 * records are minimised once more, and the push log entry with its content hash, the audit entry
 * and the outbox event are written (MKT-R01..R03).
 */
export async function commitDataRelease(
  tx: MarketplaceTx,
  deps: Pick<MarketplaceDeps, "ids" | "hasher" | "cipher">,
  prepared: PreparedRelease,
  records: readonly CreditDataRecord[],
  ctx: { readonly principal: Principal; readonly now: Date; readonly applicationId: string | null },
): Promise<{ push: PushRecord; content: PushContent }> {
  const consent = await tx.consents.getForUpdate(prepared.consent.id);
  if (!consent)
    throw new DomainError("consent not found", { ruleId: CONSENT_RULE, kind: "not_found", field: "consentId" });
  assertConsentAllowsPush(consent, prepared.intent, ctx.now);
  const kept = minimiseRecords(records, {
    subjectId: prepared.subject.idNumber,
    categories: prepared.categories.filter((c) => consent.categories.includes(c)),
    period: consent.dataPeriod,
  });
  const content = pushContent(consent, prepared.categories, kept);
  const { text, contentHash } = sealedPushContent(deps.hasher, content);
  const push = pushRecordOf({
    id: deps.ids.next("push"),
    consent,
    applicationId: ctx.applicationId,
    content,
    contentHash,
    payloadCipher: deps.cipher.encrypt(text),
    pushedAt: ctx.now,
  });
  await tx.pushes.insert(push);
  await recordChange(tx, {
    regionCode: push.regionCode,
    principal: ctx.principal,
    action: "marketplace.data.push",
    objectType: "push",
    objectId: push.id,
    detail: {
      consentId: push.consentId,
      recipient: push.recipientInstitutionId,
      categories: push.categories,
      contentHash,
    },
    event: {
      type: "marketplace.data.pushed",
      payload: {
        pushId: push.id,
        consentId: push.consentId,
        recipientInstitutionId: push.recipientInstitutionId,
        applicationId: push.applicationId,
        categories: push.categories,
        dataPeriod: push.dataPeriod,
        contentHash,
        recordCount: push.recordCount,
      },
    },
  });
  return { push, content };
}
