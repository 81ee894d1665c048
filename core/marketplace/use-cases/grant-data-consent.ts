import * as v from "valibot";
import {
  actsForSubject,
  businessDateOf,
  DomainError,
  type Principal,
  requireRole,
  valueAsOf,
} from "../../kernel/mod.ts";
import type { Consent, ConsentPurpose } from "../domain/consent.ts";
import { codeSchema, findCategory } from "../domain/credit-data.ts";
import type { DataNeed } from "../domain/product.ts";
import type { MarketplaceTx } from "../marketplace.ports.ts";
import { CONSENT_RULE, consentTerms } from "../rules/consent-before-data.ts";
import { assertConsentWithinNeeds, MINIMISATION_RULE } from "../rules/minimisation.ts";
import { storeDataSubject, validDataSubject } from "./data-subject.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { dataSubjectInputSchema, idSchema, monthsSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type ConsentView, consentView } from "./views.ts";

/**
 * MKT-R01 giving consent, for any module: the data subject's account names the recipient, the
 * purpose, the categories (only among those the caller's product or scorecard needs), and gets
 * the period, data life and expiry of the region's pack (or the shorter ones asked for).
 * Consent is its own act: nothing else is agreed with it.
 */
export const grantDataConsentInput = v.strictObject({
  recipientInstitutionId: idSchema,
  purpose: v.strictObject({ module: idSchema, kind: idSchema, ref: idSchema, text: textSchema(300) }),
  subject: dataSubjectInputSchema,
  categories: v.pipe(v.array(codeSchema, "must be a list of category codes"), v.maxLength(100)),
  dataPeriodMonths: v.optional(monthsSchema),
  dataLifeMonths: v.optional(monthsSchema),
});
export type GrantDataConsentInput = v.InferOutput<typeof grantDataConsentInput>;

/** What the calling module declares about the use: needed categories and its caps. */
export interface ConsentScope {
  readonly needs: readonly DataNeed[];
  readonly limits?: { readonly dataPeriodMonths?: number; readonly dataLifeMonths?: number };
}

export type GrantDataConsentDeps = Pick<
  MarketplaceDeps,
  "uow" | "clock" | "ids" | "cipher" | "blindIndex" | "policy" | "regionCode"
>;

/** Writes a consent inside `tx` after every check; shared by GrantDataConsent and GrantConsent. */
export async function writeConsent(
  tx: MarketplaceTx,
  deps: GrantDataConsentDeps,
  input: Omit<GrantDataConsentInput, "purpose"> & { readonly purpose: ConsentPurpose },
  scope: ConsentScope,
  principal: Principal,
  now: Date,
): Promise<Consent> {
  requireRole(principal, "citizen");
  if (principal.subjectRef === undefined) {
    throw new DomainError("consent is given from a signed-in citizen account", {
      ruleId: CONSENT_RULE,
      kind: "forbidden",
    });
  }
  const subject = validDataSubject(input.subject, now, "subject.idNumber");
  if (!actsForSubject(principal, deps.blindIndex.index(subject.idKind, subject.idNumber))) {
    throw new DomainError(
      "a consent comes from the data subject: prove this ID on your account first (实名认证, /identity)",
      { ruleId: CONSENT_RULE, kind: "forbidden", field: "subject.idNumber" },
    );
  }
  const recipient = await tx.institutions.get(input.recipientInstitutionId);
  if (!recipient || recipient.regionCode !== deps.regionCode || recipient.status !== "ACTIVE") {
    throw new DomainError("recipient institution not found", {
      ruleId: CONSENT_RULE,
      kind: "not_found",
      field: "recipientInstitutionId",
    });
  }
  assertConsentWithinNeeds(scope.needs, input.categories);
  const catalogue = valueAsOf(deps.policy.creditData, businessDateOf(now), "creditData");
  for (const c of input.categories) {
    if (!findCategory(catalogue, c)) {
      throw new DomainError(`category ${c} is not in the region's catalogue`, {
        ruleId: MINIMISATION_RULE,
        field: "categories",
      });
    }
  }
  const asked = {
    ...(input.dataPeriodMonths !== undefined ? { dataPeriodMonths: input.dataPeriodMonths } : {}),
    ...(input.dataLifeMonths !== undefined ? { dataLifeMonths: input.dataLifeMonths } : {}),
  };
  const terms = consentTerms(deps.policy, now, asked, scope.limits);
  const consent: Consent = {
    id: deps.ids.next("cns"),
    regionCode: deps.regionCode,
    subjectRef: principal.subjectRef,
    dataSubject: storeDataSubject(subject, deps.blindIndex, deps.cipher),
    recipientInstitutionId: recipient.id,
    purpose: input.purpose,
    categories: [...input.categories],
    dataPeriod: terms.dataPeriod,
    dataLifeMonths: terms.dataLifeMonths,
    grantedAt: now,
    expiresAt: terms.expiresAt,
    status: "ACTIVE",
    revokedAt: null,
  };
  await tx.consents.insert(consent);
  await recordChange(tx, {
    regionCode: consent.regionCode,
    principal,
    action: "marketplace.consent.grant",
    objectType: "consent",
    objectId: consent.id,
    detail: { recipient: recipient.id, purpose: consent.purpose, categories: consent.categories },
    event: {
      type: "marketplace.consent.granted",
      payload: {
        consentId: consent.id,
        recipientInstitutionId: recipient.id,
        purpose: { module: consent.purpose.module, kind: consent.purpose.kind, ref: consent.purpose.ref },
        categories: consent.categories,
        expiresAt: consent.expiresAt.toISOString(),
      },
    },
  });
  return consent;
}

export class GrantDataConsent {
  readonly #deps: GrantDataConsentDeps;

  constructor(deps: GrantDataConsentDeps) {
    this.#deps = deps;
  }

  /** `scope` comes from the calling module's code (its product or scorecard), never from the user. */
  async execute(input: unknown, principal: Principal, scope: ConsentScope): Promise<ConsentView> {
    const parsed = parseInput(grantDataConsentInput, input, CONSENT_RULE);
    const now = this.#deps.clock.now();
    const consent = await this.#deps.uow.run((tx) => writeConsent(tx, this.#deps, parsed, scope, principal, now));
    return consentView(consent, now);
  }
}
