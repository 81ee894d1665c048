import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { revokeConsent } from "../domain/consent.ts";
import { CONSENT_RULE } from "../rules/consent-before-data.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type ConsentView, consentView } from "./views.ts";

/**
 * MKT-R01 revocation: the account that gave a consent withdraws it, effective at once. The row
 * is locked, so a push running at the same moment either committed before (and is in the log)
 * or sees the revocation and pushes nothing.
 */
export class RevokeConsent {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<ConsentView> {
    const d = this.#deps;
    const { consentId } = parseInput(v.strictObject({ consentId: idSchema }), input, CONSENT_RULE);
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const consent = await tx.consents.getForUpdate(consentId);
      if (
        !consent ||
        consent.regionCode !== d.regionCode ||
        principal.subjectRef === undefined ||
        consent.subjectRef !== principal.subjectRef
      ) {
        throw new DomainError("consent not found", { ruleId: CONSENT_RULE, kind: "not_found", field: "consentId" });
      }
      const revoked = revokeConsent(consent, now);
      await tx.consents.update(revoked);
      await recordChange(tx, {
        regionCode: revoked.regionCode,
        principal,
        action: "marketplace.consent.revoke",
        objectType: "consent",
        objectId: revoked.id,
        event: {
          type: "marketplace.consent.revoked",
          payload: {
            consentId: revoked.id,
            recipientInstitutionId: revoked.recipientInstitutionId,
            revokedAt: now.toISOString(),
          },
        },
      });
      return consentView(revoked, now);
    });
  }
}
