import type * as v from "valibot";
import { hasRole, type Principal, requireRole } from "../../kernel/mod.ts";
import { type CreditProduct, creditProductTermsSchema } from "../domain/credit-product.ts";
import { assertProductValid } from "../rules/credit-product.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { actOf, audit } from "./support/record.ts";

export const defineCreditProductInput = creditProductTermsSchema;

/**
 * FAC-R11 a bank puts a credit product on the platform: accepted factor types, LTV override
 * (never above FAC-R05), amount, term and rate ranges, required guarantor/insurer, the sharing
 * agreement of FAC-R09 and the category-L benefits.
 */
export async function defineCreditProduct(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<CreditProduct> {
  requireRole(principal, "institution_admin", "platform_admin");
  const terms = parseInput(defineCreditProductInput, input);
  if (!hasRole(principal, "platform_admin")) {
    assertActsForInstitution(principal, terms.bankId, deps.regionCode, "bank");
  }
  const act = actOf(principal, deps.clock.now());
  assertProductValid(terms, deps.policyFor(null), act.today);
  const product: CreditProduct = {
    ...terms,
    id: deps.ids.next("prd"),
    regionCode: deps.regionCode,
    status: "active",
    createdAt: act.at,
    version: 1,
  };
  return deps.uow.run(async (tx) => {
    await tx.products.insert(product);
    await audit(tx, act, product.regionCode, "product.defined", "credit_product", product.id, {
      bankId: product.bankId,
    });
    await tx.outbox.enqueue({
      regionCode: product.regionCode,
      type: "factors.product.defined",
      aggregateId: product.id,
      payload: { productId: product.id, bankId: product.bankId, name: product.name.zh },
    });
    return product;
  });
}

export type DefineCreditProductInput = v.InferInput<typeof defineCreditProductInput>;
