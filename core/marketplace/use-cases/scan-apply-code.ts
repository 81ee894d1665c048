import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import { APPLY_CODE_RULE } from "../rules/apply-code.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { verifyApplyCode } from "./verify-apply-code.ts";

/**
 * MKT-R08: someone scans a 码上贷 code. A valid code is counted and returns what pre-fills the
 * application (product, institution, branch, manager); a tampered, expired or withdrawn code is
 * refused and counts nothing.
 */
export interface ApplyCodePrefill {
  readonly applyCodeId: string;
  readonly productId: string;
  readonly institutionId: string;
  readonly branchId: string | null;
  readonly managerId: string | null;
  /** Pass back unchanged with the application. */
  readonly token: string;
}

export class ScanApplyCode {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode" | "applyCodeSigner">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode" | "applyCodeSigner">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal?: Principal): Promise<ApplyCodePrefill> {
    const d = this.#deps;
    const { token } = parseInput(
      v.strictObject({ token: v.pipe(v.string(), v.maxLength(512)) }),
      input,
      APPLY_CODE_RULE,
    );
    const code: ApplyCode = await verifyApplyCode(d, token, d.clock.now());
    await d.uow.run(async (tx) => {
      await tx.applyCodes.countScan(code.id);
      await recordChange(tx, {
        regionCode: code.regionCode,
        principal: principal ?? "system",
        action: "marketplace.apply-code.scan",
        objectType: "apply-code",
        objectId: code.id,
      });
    });
    return {
      applyCodeId: code.id,
      productId: code.productId,
      institutionId: code.institutionId,
      branchId: code.branchId,
      managerId: code.managerId,
      token,
    };
  }
}
