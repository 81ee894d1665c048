import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import { APPLY_CODE_RULE } from "../rules/apply-code.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/** MKT-R08: an institution reads a code's scan and application counts, or withdraws the code. */
export class ManageApplyCode {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "regionCode">) {
    this.#deps = deps;
  }

  async get(input: unknown, principal: Principal): Promise<ApplyCode> {
    const { applyCodeId } = parseInput(v.strictObject({ applyCodeId: idSchema }), input, APPLY_CODE_RULE);
    const d = this.#deps;
    const code = await d.uow.run((tx) => tx.applyCodes.get(applyCodeId));
    if (!code || code.regionCode !== d.regionCode) {
      throw new DomainError("QR code not found", { ruleId: APPLY_CODE_RULE, kind: "not_found" });
    }
    assertActsFor(principal, code.institutionId, code.regionCode, "QR code");
    return code;
  }

  async withdraw(input: unknown, principal: Principal): Promise<ApplyCode> {
    const code = await this.get(input, principal);
    if (code.status === "REVOKED") return code;
    const next: ApplyCode = { ...code, status: "REVOKED" };
    await this.#deps.uow.run(async (tx) => {
      await tx.applyCodes.setStatus(code.id, "REVOKED");
      await recordChange(tx, {
        regionCode: code.regionCode,
        principal,
        action: "marketplace.apply-code.withdraw",
        objectType: "apply-code",
        objectId: code.id,
        event: { type: "marketplace.apply-code.withdrawn", payload: { applyCodeId: code.id } },
      });
    });
    return next;
  }
}
