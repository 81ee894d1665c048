import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import type { Valuation } from "../domain/collateral.ts";
import {
  type Condition,
  revenueValue,
  selfAssessmentOf,
  valuationExpiresOn,
  valuationPath,
} from "../rules/valuation-path.ts";
import { assertCanSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit } from "./support/load.ts";
import { fen, id, parseInput, text } from "./support/parse-input.ts";
import { actOf, audit, recordFactorEvent } from "./support/record.ts";

export const valueCollateralInput = v.object({
  factorIds: v.pipe(v.array(id("factorId")), v.minLength(1, "name the factor or every member of its bundle")),
  /** Self-assessment: the condition grade of each factor (default good). */
  conditions: v.optional(v.record(v.string(), v.picklist(["good", "fair", "poor"])), {}),
  /** Income rights: verified revenue of each month of the window, in fen, oldest first. */
  monthlyRevenueFen: v.optional(v.array(fen("monthly revenue"))),
  revenueVerifiedBy: v.optional(text("revenueVerifiedBy", 200)),
  /** The lender asks for a licensed appraiser even below the self-assessment ceiling. */
  requestAppraisal: v.optional(v.boolean(), false),
});

/**
 * FAC-R04 valuation of a collateral unit (a factor or a whole 三权合一 bundle): the village
 * collective's table up to the ceiling, a licensed appraiser above it or on the lender's request
 * (the appraiser is called before the transaction), verified revenue for income rights. The
 * valuation is valid for the pack's months.
 */
export async function valueCollateral(deps: FactorsDeps, principal: Principal, input: unknown): Promise<Valuation> {
  const i = parseInput(valueCollateralInput, input);
  const act = actOf(principal, deps.clock.now());
  const seen = await deps.uow.run((tx) => loadUnit(tx, deps.regionCode, deps.policyFor, i.factorIds, act.today));
  for (const f of seen.factors) assertCanSeeFactor(principal, f);
  assertUnitStatus(seen.factors, ["ACTIVE", "ENCUMBERED"], "valued");
  const policy = deps.policyFor(seen.unit.countyCode);
  const selfAssessable = seen.factors.every((f) => policy.catalogue[f.typeCode]?.valuationBasis === "self_assessment");
  const parts = selfAssessable
    ? seen.factors.map((f) => {
        const condition: Condition = i.conditions[f.id] ?? "good";
        return {
          factorId: f.id,
          condition,
          value: selfAssessmentOf(policy, f.typeCode, f.quantity.milli, condition, act.today),
        };
      })
    : [];
  const selfAssessed = selfAssessable ? parts.reduce((s, p) => s + p.value, 0) : null;
  const method = valuationPath(policy, seen.unit, selfAssessed, i.requestAppraisal, act.today);

  let value: number;
  let appraiserId: string | null = null;
  let reportRef: string | null = null;
  let detail: Record<string, unknown>;
  if (method === "revenue") {
    if (!i.monthlyRevenueFen || !i.revenueVerifiedBy) {
      throw new DomainError("an income right is valued on its verified monthly revenue and who verified it", {
        ruleId: "FAC-R04",
        field: "monthlyRevenueFen",
      });
    }
    value = revenueValue(policy, i.monthlyRevenueFen, act.today);
    detail = { monthlyRevenueFen: i.monthlyRevenueFen, verifiedBy: i.revenueVerifiedBy };
  } else if (method === "self_assessment") {
    value = selfAssessed as number;
    detail = { parts };
  } else {
    if (!hasRole(principal, "institution_staff", "platform_admin", "clerk", "citizen")) {
      throw new DomainError("this role may not order an appraisal", { ruleId: "KRN-R06", kind: "forbidden" });
    }
    try {
      const report = await deps.appraiser.appraise({
        regionCode: deps.regionCode,
        countyCode: seen.unit.countyCode,
        unitId: seen.unit.id,
        factors: seen.factors,
        requestedBy: principal.id,
      });
      value = report.value;
      appraiserId = report.appraiserId;
      reportRef = report.reportRef;
      detail = { selfAssessed, requested: i.requestAppraisal };
    } catch (e) {
      throw new DomainError(`the appraiser did not answer; try again later (${e instanceof Error ? e.message : e})`, {
        ruleId: "KRN-R10",
        kind: "unavailable",
      });
    }
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError("the valuation is not a whole number of fen", { ruleId: "FAC-R04", kind: "unavailable" });
  }
  const valuation: Valuation = {
    id: deps.ids.next("val"),
    regionCode: deps.regionCode,
    unitId: seen.unit.id,
    factorIds: seen.unit.factorIds,
    method,
    value,
    valuedOn: act.today,
    expiresOn: valuationExpiresOn(policy, act.today),
    appraiserId,
    reportRef,
    detail,
    createdAt: act.at,
    actor: principal.id,
  };
  return deps.uow.run(async (tx) => {
    const now = await loadUnit(tx, deps.regionCode, deps.policyFor, seen.unit.factorIds, act.today, true);
    assertUnitStatus(now.factors, ["ACTIVE", "ENCUMBERED"], "valued");
    await tx.valuations.insert(valuation);
    await audit(tx, act, deps.regionCode, "valuation.recorded", "valuation", valuation.id, {
      unitId: valuation.unitId,
      method,
      value,
    });
    for (const f of now.factors) {
      await recordFactorEvent(
        tx,
        f,
        "valued",
        {
          reason: `valued by ${method}`,
          ruleId: "FAC-R04",
          data: { valuationId: valuation.id, value, unitId: valuation.unitId },
        },
        act,
      );
    }
    return valuation;
  });
}
