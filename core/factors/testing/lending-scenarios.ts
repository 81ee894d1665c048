import type { Principal } from "../../kernel/mod.ts";
import { ningdeDemoProducts } from "../demo/ningde-demo-products.ts";
import type { CreditProductTerms } from "../domain/credit-product.ts";
import { acceptMortgage } from "../use-cases/accept-mortgage.ts";
import { applyForMortgage } from "../use-cases/apply-for-mortgage.ts";
import { defineCreditProduct } from "../use-cases/define-credit-product.ts";
import { type RegisterLienResult, registerLien } from "../use-cases/register-lien.ts";
import type { FactorsTestbed } from "./testbed.ts";
import { demoPrincipals } from "./testbed.ts";

/** The terms of a demo product (without its id), for defineCreditProduct. */
export function demoProduct(id: string): CreditProductTerms {
  const found = ningdeDemoProducts.find((p) => p.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  const { id: _id, ...terms } = found;
  return terms;
}

/** Defines a demo product as its bank's admin. */
export async function offer(tb: FactorsTestbed, id: string): Promise<string> {
  const terms = demoProduct(id);
  const admin: Principal = {
    ...demoPrincipals.ruralBankAdmin,
    id: `inst:${terms.bankId}/admin`,
    institutionId: terms.bankId,
  };
  return (await defineCreditProduct(tb.deps, admin, terms)).id;
}

/**
 * Apply (as `borrower`), accept at `rateBp` and register the liens (as the product's bank).
 * `collateral` is one unit's factor ids, or a list of units.
 */
export async function mortgageLoan(
  tb: FactorsTestbed,
  borrower: Principal,
  productId: string,
  collateral: string[] | string[][],
  amountFen: number,
  rateBp = 450,
): Promise<RegisterLienResult> {
  const units = (collateral as unknown[]).every((x) => typeof x === "string")
    ? [collateral as string[]]
    : (collateral as string[][]);
  const app = await applyForMortgage(tb.deps, borrower, {
    productId,
    collateral: units.map((factorIds) => ({ factorIds })),
    amountFen,
    termMonths: 24,
  });
  const bank: Principal = { ...demoPrincipals.ruralBank, id: `inst:${app.bankId}/u1`, institutionId: app.bankId };
  await acceptMortgage(tb.deps, bank, { applicationId: app.id, decision: "accept", rateBp });
  return registerLien(tb.deps, bank, { applicationId: app.id });
}
