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
  readonly unit: CollateralUnit;
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
  return { unit, valuation: v, ltvBp, limit, liens, ranked: rankLiens(liens), headroom: headroom(limit, liens) };
}

/**
 * The default split of a loan's secured part over its units: each unit in turn secures what it
 * can (its headroom) until the amount is covered. Returns one entry per unit.
 */
export function fillSecured(
  amount: Fen,
  positions: readonly CollateralPosition[],
): { unitId: string; securedAmount: Fen }[] {
  let left = amount;
  return positions.map((p) => {
    const take = Math.min(left, p.headroom);
    left -= take;
    return { unitId: p.unit.id, securedAmount: take };
  });
}
