import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { applicationVisibility } from "../domain/application.ts";
import type { MortgageRegistration } from "../domain/mortgage-registration.ts";
import { assertMaySee, ISOLATION_RULE } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { type ApplicationView, applicationView } from "./views.ts";

/**
 * One application, for its applicant, the institution it is addressed to, or the region's
 * regulators (MKT-R09); anyone else gets "not found".
 */
export class GetApplication {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "cipher" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "cipher" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(
    input: unknown,
    principal: Principal,
  ): Promise<{ application: ApplicationView; mortgageRegistration: MortgageRegistration | null }> {
    const d = this.#deps;
    const { applicationId } = parseInput(v.strictObject({ applicationId: idSchema }), input, ISOLATION_RULE);
    const found = await d.uow.run(async (tx) => {
      const app = await tx.applications.get(applicationId);
      const reg = app ? await tx.mortgageRegistrations.findByApplication(app.id) : undefined;
      return { app, reg };
    });
    if (!found.app || found.app.regionCode !== d.regionCode) {
      throw new DomainError("application not found", { ruleId: ISOLATION_RULE, kind: "not_found" });
    }
    assertMaySee(principal, applicationVisibility(found.app), "application");
    return { application: applicationView(found.app, d.cipher, principal), mortgageRegistration: found.reg ?? null };
  }
}
