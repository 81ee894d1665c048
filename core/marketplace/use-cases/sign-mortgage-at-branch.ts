import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { findBranch } from "../domain/institution.ts";
import {
  MORTGAGE_REGISTRATION,
  type MortgageRegistration,
  moveMortgageRegistration,
} from "../domain/mortgage-registration.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema, safeIdSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * The borrower signs the mortgage at one of the lender's branches (no trip to the registry).
 * The outbox event "marketplace.mortgage-registration.signed" triggers SubmitMortgageRegistration.
 * Also: the lender cancels a registration not yet submitted.
 */
export class SignMortgageAtBranch {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<MortgageRegistration> {
    const p = parseInput(
      v.strictObject({ registrationId: idSchema, branchId: safeIdSchema }),
      input,
      MORTGAGE_REGISTRATION,
    );
    return this.#move(
      p.registrationId,
      principal,
      async (reg, tx) => {
        const institution = await tx.institutions.get(reg.institutionId);
        if (!institution || !findBranch(institution, p.branchId)) {
          throw new DomainError("the branch is not one of the lender's", {
            ruleId: MORTGAGE_REGISTRATION,
            field: "branchId",
          });
        }
        const now = this.#deps.clock.now();
        return {
          ...reg,
          state: moveMortgageRegistration(reg, "sign_at_branch"),
          branchId: p.branchId,
          signedAt: now,
        };
      },
      "signed",
    );
  }

  async cancel(input: unknown, principal: Principal): Promise<MortgageRegistration> {
    const p = parseInput(v.strictObject({ registrationId: idSchema }), input, MORTGAGE_REGISTRATION);
    return this.#move(
      p.registrationId,
      principal,
      async (reg) => ({ ...reg, state: moveMortgageRegistration(reg, "cancel") }),
      "cancelled",
    );
  }

  async #move(
    id: string,
    principal: Principal,
    change: (
      reg: MortgageRegistration,
      tx: Parameters<Parameters<MarketplaceDeps["uow"]["run"]>[0]>[0],
    ) => Promise<MortgageRegistration>,
    verb: string,
  ): Promise<MortgageRegistration> {
    const d = this.#deps;
    return d.uow.run(async (tx) => {
      const reg = await tx.mortgageRegistrations.getForUpdate(id);
      if (!reg || reg.regionCode !== d.regionCode) {
        throw new DomainError("mortgage registration not found", { ruleId: "MKT-R09", kind: "not_found" });
      }
      assertActsFor(principal, reg.institutionId, reg.regionCode, "mortgage registration");
      const next = await change(reg, tx);
      await tx.mortgageRegistrations.update(next);
      await recordChange(tx, {
        regionCode: next.regionCode,
        principal,
        action: `marketplace.mortgage-registration.${verb}`,
        objectType: "mortgage-registration",
        objectId: next.id,
        detail: { from: reg.state, to: next.state, branchId: next.branchId },
        event: {
          type: `marketplace.mortgage-registration.${verb}`,
          payload: { registrationId: next.id, applicationId: next.applicationId, state: next.state },
        },
      });
      return next;
    });
  }
}
