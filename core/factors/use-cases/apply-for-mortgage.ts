import * as v from "valibot";
import { DomainError, formatYuan, type Principal, requireRole } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { MortgageApplication } from "../domain/lending.ts";
import { assertProductFits, creditLimit, labourBenefit } from "../rules/credit-product.ts";
import { assertActsForHolder } from "./support/access.ts";
import { collateralPosition } from "./support/collateral-position.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { fen, id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";

export const applyForMortgageInput = v.object({
  productId: id("productId"),
  factorIds: v.pipe(v.array(id("factorId")), v.minLength(1, "name the factor or every member of its bundle")),
  amountFen: fen("amount"),
  termMonths: v.pipe(v.number(), v.integer("termMonths is a whole number"), v.minValue(1)),
  labourFactorIds: v.optional(v.array(id("labourFactorId")), []),
});

/**
 * A borrower applies for a mortgage loan of a product against one collateral unit. The product
 * must accept the unit (FAC-R11, FAC-R03 whole bundle), the valuation must be current (FAC-R04),
 * and the amount within the headroom under the LTV (FAC-R05/R06), raised by the borrower's
 * labour-quality credentials (FAC-R11).
 */
export async function applyForMortgage(deps: FactorsDeps, principal: Principal, input: unknown): Promise<MortgageApplication> {
  requireRole(principal, "citizen", "clerk", "institution_staff", "platform_admin");
  const i = parseInput(applyForMortgageInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const { unit, factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, i.factorIds, act.today, true);
    for (const f of factors) assertActsForHolder(principal, f);
    assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "mortgaged");
    const product = await tx.products.get(deps.regionCode, i.productId);
    if (!product || product.status !== "active") throw notFound("credit product", "productId");
    const policy = deps.policyFor(unit.countyCode);
    assertProductFits(product, policy, unit, i.amountFen, i.termMonths, act.today);
    const labour = await tx.factors.getMany(deps.regionCode, i.labourFactorIds);
    for (const l of labour) {
      if (l.category !== "L" || l.status !== "ACTIVE" || l.holder.ref !== unit.holderRef) {
        throw new DomainError(`factor ${l.id} is not an active labour-quality credential of the borrower`, {
          ruleId: "FAC-R11",
          field: "labourFactorIds",
        });
      }
    }
    if (labour.length !== new Set(i.labourFactorIds).size) throw notFound("factor", "labourFactorIds");
    const position = await collateralPosition(tx, policy, unit, product, act.today);
    const { upliftBp } = labourBenefit(product, labour.map((l) => l.typeCode));
    const limit = creditLimit(product, position.headroom, upliftBp);
    if (position.headroom === 0) {
      throw new DomainError("the collateral has no headroom left under its loan-to-value", {
        ruleId: "FAC-R06",
        field: "factorIds",
        detail: { limit: position.limit },
      });
    }
    if (i.amountFen > limit) {
      throw new DomainError(`at most ${formatYuan(limit)} yuan may be borrowed against this collateral with this product`, {
        ruleId: "FAC-R05",
        field: "amountFen",
        detail: { creditLimit: limit, headroom: position.headroom, upliftBp },
      });
    }
    const application: MortgageApplication = {
      id: deps.ids.next("app"),
      regionCode: deps.regionCode,
      countyCode: unit.countyCode,
      productId: product.id,
      bankId: product.bankId,
      unitId: unit.id,
      factorIds: unit.factorIds,
      borrowerRef: unit.holderRef,
      applicantRef: principal.subjectRef ?? principal.id,
      requestedAmount: i.amountFen,
      termMonths: i.termMonths,
      labourFactorIds: labour.map((l) => l.id),
      valuationId: position.valuation.id,
      status: "APPLIED",
      approved: null,
      declineReason: null,
      createdAt: act.at,
      updatedAt: act.at,
      version: 1,
    };
    await tx.applications.insert(application);
    for (const f of factors) {
      await recordFactorEvent(
        tx,
        f,
        "mortgage_applied",
        {
          reason: `applied for ${product.name.zh}`,
          ruleId: "FAC-R11",
          data: { applicationId: application.id, productId: product.id, bankId: product.bankId },
          patch: { institutionIds: withParties(f.institutionIds, product) },
        },
        act,
      );
    }
    return application;
  });
}

/** The bank (and the product's guarantor and insurer) gain sight of the factor (KRN-R06). */
function withParties(current: readonly string[], p: CreditProduct): string[] {
  const add = [p.bankId, p.guarantorId, p.insurerId].filter((x): x is string => x !== null);
  return [...new Set([...current, ...add])];
}
