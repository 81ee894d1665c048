import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import { ISOLATION_RULE } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { type PushView, pushView } from "./views.ts";

/** An institution's list of what was pushed to it, and only to it (MKT-R09). */
export class ListReceivedPushes {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<PushView[]> {
    const { applicationId } = parseInput(
      v.strictObject({ applicationId: v.optional(idSchema) }),
      input ?? {},
      ISOLATION_RULE,
    );
    const institutionId = principal.institutionId;
    if (institutionId === undefined || !hasRole(principal, "institution_staff", "institution_admin")) {
      throw new DomainError("the received-data list is for institution staff", {
        ruleId: ISOLATION_RULE,
        kind: "forbidden",
      });
    }
    const d = this.#deps;
    const pushes = await d.uow.run((tx) => tx.pushes.listByRecipient(institutionId, d.regionCode, applicationId));
    return pushes.filter((p) => p.recipientInstitutionId === institutionId).map(pushView);
  }
}
