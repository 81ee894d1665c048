import { DomainError, type Fen, formatYuan, valueAsOf } from "../../kernel/mod.ts";
import type { CollateralUnit } from "../domain/collateral.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R05";
const BP = 10000;

/** FAC-R05 the loan-to-value of a unit on `onDate`: the bundle's for a 三权合一 bundle, else its type's. */
export function ltvOf(policy: FactorsPolicy, unit: Pick<CollateralUnit, "kind" | "typeCodes">, onDate: string): number {
  if (unit.kind === "bundle") return valueAsOf(policy.marineBundle.ltvBp, onDate, "factors.marineBundle.ltvBp");
  const code = unit.typeCodes[0] ?? "";
  const type = policy.catalogue[code];
  if (!type?.collateral || !type.ltvBp) {
    throw new DomainError(`type ${code} is not collateral: it cannot secure a loan`, {
      ruleId: RULE,
      field: "factorIds",
    });
  }
  return valueAsOf(type.ltvBp, onDate, `factors.catalogue.${code}.ltvBp`);
}

/**
 * FAC-R05 the most a mortgage may secure: value × LTV, rounded down to the fen (it is a ceiling).
 * Exact for every non-negative safe-integer value: the product is computed in doubles only while
 * it is an exact integer, else in bigint.
 */
export function maxSecured(value: Fen, ltvBp: number): Fen {
  const p = value * ltvBp;
  if (p <= Number.MAX_SAFE_INTEGER) return (p - (p % BP)) / BP;
  return Number((BigInt(value) * BigInt(ltvBp)) / 10000n);
}

/** A mortgage asking more than value × LTV is refused, naming the limit. */
export function assertWithinLtv(requested: Fen, value: Fen, ltvBp: number, field = "securedAmount"): void {
  const limit = maxSecured(value, ltvBp);
  if (requested > limit) {
    throw new DomainError(
      `at most ${formatYuan(limit)} yuan may be secured (value ${formatYuan(value)} × LTV ${ltvBp / 100} %)`,
      { ruleId: RULE, field, detail: { limit, value, ltvBp } },
    );
  }
}
