import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import { CATALOGUE_RULE, type Product } from "../domain/product.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/** Catalogue: an institution withdraws a product from the marketplace or lists it again. */
export class SetProductStatus {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<Product> {
    const d = this.#deps;
    const p = parseInput(
      v.strictObject({ productId: idSchema, status: v.picklist(["ACTIVE", "WITHDRAWN"]) }),
      input,
      CATALOGUE_RULE,
    );
    return d.uow.run(async (tx) => {
      const product = await tx.products.get(p.productId);
      const own =
        product !== undefined &&
        (hasRole(principal, "platform_admin") ||
          (hasRole(principal, "institution_admin") && principal.institutionId === product.institutionId));
      if (!product || product.regionCode !== d.regionCode || !own) {
        throw new DomainError("product not found", { ruleId: CATALOGUE_RULE, kind: "not_found", field: "productId" });
      }
      if (product.status === p.status) return product;
      const next: Product = { ...product, status: p.status };
      await tx.products.update(next);
      await recordChange(tx, {
        regionCode: d.regionCode,
        principal,
        action: "marketplace.product.status",
        objectType: "product",
        objectId: product.id,
        detail: { from: product.status, to: next.status },
        event: { type: "marketplace.product.status-changed", payload: { productId: product.id, status: next.status } },
      });
      return next;
    });
  }
}
