import { addMonths, DomainError, divRoundHalfUp, type Fen, valueAsOf } from "../../kernel/mod.ts";
import type { CollateralUnit } from "../domain/collateral.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R04";

export type Condition = "good" | "fair" | "poor";
export type ValuationMethod = "self_assessment" | "appraisal" | "revenue";

/**
 * 农村资产自主评估: unit price × quantity × condition factor, half-up to the fen. Quantity is in
 * thousandths of the unit, the condition factor in basis points.
 */
export function selfAssessedValue(unitPriceFen: Fen, quantityMilli: number, conditionBp: number): Fen {
  return Number(divRoundHalfUp(BigInt(unitPriceFen) * BigInt(quantityMilli) * BigInt(conditionBp), 10_000_000n));
}

/** The self-assessment table's value of one factor of `typeCode` on `onDate`. */
export function selfAssessmentOf(
  policy: FactorsPolicy,
  typeCode: string,
  quantityMilli: number,
  condition: Condition,
  onDate: string,
): Fen {
  const type = policy.catalogue[typeCode];
  if (type?.valuationBasis !== "self_assessment" || !type.selfAssessmentUnitPriceFen) {
    throw new DomainError(`type ${typeCode} has no self-assessment unit price: a licensed appraiser values it`, {
      ruleId: RULE,
      field: "method",
    });
  }
  const price = valueAsOf(
    type.selfAssessmentUnitPriceFen,
    onDate,
    `factors.catalogue.${typeCode}.selfAssessmentUnitPriceFen`,
  );
  const factors = valueAsOf(policy.valuation.conditionFactorsBp, onDate, "factors.valuation.conditionFactorsBp");
  return selfAssessedValue(price, quantityMilli, factors[condition]);
}

/**
 * FAC-R04 the path a unit's valuation takes: income rights by verified revenue; types without a
 * unit price, units whose self-assessed value is above the ceiling (300,000 yuan by default), or
 * a lender's request, by a licensed appraiser; otherwise the village collective's table.
 */
export function valuationPath(
  policy: FactorsPolicy,
  unit: Pick<CollateralUnit, "typeCodes">,
  selfAssessed: Fen | null,
  lenderRequestsAppraisal: boolean,
  onDate: string,
): ValuationMethod {
  const bases = unit.typeCodes.map((t) => policy.catalogue[t]?.valuationBasis);
  if (bases.some((b) => b === undefined || b === "none")) {
    throw new DomainError("only collateral types are valued", { ruleId: RULE, field: "factorIds" });
  }
  if (bases.every((b) => b === "revenue")) return "revenue";
  if (lenderRequestsAppraisal || selfAssessed === null || bases.some((b) => b !== "self_assessment"))
    return "appraisal";
  const ceiling = valueAsOf(policy.valuation.selfAssessmentMaxFen, onDate, "factors.valuation.selfAssessmentMaxFen");
  return selfAssessed <= ceiling ? "self_assessment" : "appraisal";
}

/** FAC-R05 an income right's value: the sum of the pack's window of monthly verified revenue. */
export function revenueValue(policy: FactorsPolicy, monthly: readonly Fen[], onDate: string): Fen {
  const months = valueAsOf(policy.valuation.revenueMonths, onDate, "factors.valuation.revenueMonths");
  if (monthly.length !== months) {
    throw new DomainError(`an income right is valued on exactly ${months} months of verified revenue`, {
      ruleId: RULE,
      field: "monthlyRevenue",
    });
  }
  let sum = 0;
  for (const m of monthly) {
    if (!Number.isSafeInteger(m) || m < 0) {
      throw new DomainError("monthly revenue is a non-negative number of fen", {
        ruleId: RULE,
        field: "monthlyRevenue",
      });
    }
    sum += m;
  }
  return sum;
}

/** The first day a valuation made on `valuedOn` no longer backs a new mortgage (12 months by default). */
export function valuationExpiresOn(policy: FactorsPolicy, valuedOn: string): string {
  return addMonths(valuedOn, valueAsOf(policy.valuation.validityMonths, valuedOn, "factors.valuation.validityMonths"));
}

/** An expired (or missing) valuation cannot back a new mortgage. */
export function assertValuationCurrent(
  valuation: { expiresOn: string; valuedOn: string } | null,
  onDate: string,
): void {
  if (valuation === null) {
    throw new DomainError("the collateral has no valuation yet", { ruleId: RULE, field: "valuation" });
  }
  if (onDate >= valuation.expiresOn) {
    throw new DomainError(
      `the valuation of ${valuation.valuedOn} expired on ${valuation.expiresOn}; value the collateral again`,
      { ruleId: RULE, field: "valuation", detail: { valuedOn: valuation.valuedOn, expiresOn: valuation.expiresOn } },
    );
  }
}
