import type { Fen } from "../../../kernel/mod.ts";
import type { CollateralUnit, Valuation } from "../../domain/collateral.ts";
import type { CreditProductTerms } from "../../domain/credit-product.ts";
import type { Lien } from "../../domain/lending.ts";
import type { FactorsTx } from "../../factors.ports.ts";
import type { FactorsPolicy } from "../../policy.ts";
import { productLtv } from "../../rules/credit-product.ts";
import { headroom, rankLiens } from "../../rules/lien-ranking.ts";
import { maxSecured } from "../../rules/loan-to-value.ts";
import { assertValuationCurrent } from "../../rules/valuation-path.ts";

/** A unit's secured position for a product on a date: FAC-R04 valuation, R05 limit, R06 headroom. */
export interface CollateralPosition {
  readonly valuation: Valuation;
  readonly ltvBp: number;
  readonly limit: Fen;
  readonly liens: readonly Lien[];
  readonly ranked: readonly Lien[];
  readonly headroom: Fen;
}

export async function collateralPosition(
  tx: FactorsTx,
  policy: FactorsPolicy,
  unit: CollateralUnit,
  product: CreditProductTerms,
  onDate: string,
): Promise<CollateralPosition> {
  const valuation = await tx.valuations.latestForUnit(unit.regionCode, unit.id);
  assertValuationCurrent(valuation, onDate);
  const v = valuation as Valuation;
  const ltvBp = productLtv(product, policy, unit, onDate);
  const limit = maxSecured(v.value, ltvBp);
  const liens = await tx.liens.listByUnit(unit.regionCode, unit.id);
  return { valuation: v, ltvBp, limit, liens, ranked: rankLiens(liens), headroom: headroom(limit, liens) };
}
