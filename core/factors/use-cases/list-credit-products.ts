import type { Principal } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { FactorsDeps } from "./support/deps.ts";

/** FAC-R11 the region's credit products on offer (public terms: anyone signed in may read them). */
export async function listCreditProducts(deps: FactorsDeps, _principal: Principal): Promise<readonly CreditProduct[]> {
  return deps.queries.activeProducts(deps.regionCode);
}
