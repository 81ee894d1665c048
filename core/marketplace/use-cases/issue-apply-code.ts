import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import { findBranch } from "../domain/institution.ts";
import {
  APPLY_CODE_RULE,
  applyCodeExpiry,
  applyCodeMessage,
  applyCodeToken,
  assertTokenSafe,
} from "../rules/apply-code.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema, safeIdSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * MKT-R08: an institution issues a 码上贷 code for one of its products, optionally for one of
 * its branches or a customer manager, valid for the pack's default or a given number of days
 * (at most the pack's maximum). Returns the signed token the page turns into a QR image.
 */
export const issueApplyCodeInput = v.strictObject({
  productId: idSchema,
  branchId: v.optional(safeIdSchema),
  managerId: v.optional(safeIdSchema),
  validDays: v.optional(v.pipe(v.number(), v.integer("must be whole days"))),
});

export class IssueApplyCode {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "policy" | "regionCode" | "applyCodeSigner">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "policy" | "regionCode" | "applyCodeSigner">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<{ code: ApplyCode; token: string }> {
    const d = this.#deps;
    const p = parseInput(issueApplyCodeInput, input, APPLY_CODE_RULE);
    const now = d.clock.now();
    const found = await d.uow.run(async (tx) => {
      const product = await tx.products.get(p.productId);
      const institution = product ? await tx.institutions.get(product.institutionId) : undefined;
      return { product, institution };
    });
    const { product, institution } = found;
    if (!product || !institution || product.regionCode !== d.regionCode) {
      throw new DomainError("product not found", { ruleId: APPLY_CODE_RULE, kind: "not_found", field: "productId" });
    }
    assertActsFor(principal, product.institutionId, product.regionCode, "product");
    if (product.status !== "ACTIVE") {
      throw new DomainError("a withdrawn product gets no QR code", {
        ruleId: APPLY_CODE_RULE,
        kind: "conflict",
        field: "productId",
      });
    }
    if (p.branchId !== undefined && !findBranch(institution, p.branchId)) {
      throw new DomainError("the branch is not one of the institution's", {
        ruleId: APPLY_CODE_RULE,
        field: "branchId",
      });
    }
    const code: ApplyCode = {
      id: d.ids.next("qr"),
      regionCode: d.regionCode,
      productId: product.id,
      institutionId: product.institutionId,
      branchId: p.branchId ?? null,
      managerId: p.managerId ?? null,
      issuedAt: now,
      expiresAt: applyCodeExpiry(d.policy, now, p.validDays),
      issuedBy: principal.id,
      status: "ACTIVE",
      scans: 0,
      applications: 0,
    };
    assertTokenSafe(code.id, "id");
    assertTokenSafe(code.productId, "productId");
    const claims = { ...code, codeId: code.id };
    const token = applyCodeToken(claims, await d.applyCodeSigner.sign(applyCodeMessage(claims)));
    await d.uow.run(async (tx) => {
      await tx.applyCodes.insert(code);
      await recordChange(tx, {
        regionCode: code.regionCode,
        principal,
        action: "marketplace.apply-code.issue",
        objectType: "apply-code",
        objectId: code.id,
        detail: { productId: code.productId, branchId: code.branchId, managerId: code.managerId },
        event: {
          type: "marketplace.apply-code.issued",
          payload: { applyCodeId: code.id, productId: code.productId, expiresAt: code.expiresAt.toISOString() },
        },
      });
    });
    return { code, token };
  }
}
