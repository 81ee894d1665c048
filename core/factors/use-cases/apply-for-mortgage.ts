import * as v from "valibot";
import { DomainError, formatYuan, type Principal, requireRole } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { MortgageApplication } from "../domain/lending.ts";
import { assertProductFits, creditLimit, labourBenefit } from "../rules/credit-product.ts";
import { assertActsForHolder } from "./support/access.ts";
import { type CollateralPosition, collateralPosition } from "./support/collateral-position.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnits, notFound } from "./support/load.ts";
import { fen, id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";

export const collateralInput = v.pipe(
  v.array(
    v.object({
      factorIds: v.pipe(v.array(id("factorId")), v.minLength(1, "name the factor or every member of its bundle")),
    }),
  ),
  v.minLength(1, "offer at least one collateral unit"),
  v.maxLength(5, "at most 5 collateral units per loan"),
);

export const applyForMortgageInput = v.object({
  productId: id("productId"),
  /** One entry per collateral unit: a factor, or every member of a 三权合一 bundle. */
  collateral: collateralInput,
  amountFen: fen("amount"),
  termMonths: v.pipe(v.number(), v.integer("termMonths is a whole number"), v.minValue(1)),
  labourFactorIds: v.optional(v.array(id("labourFactorId")), []),
});

/**
 * A borrower applies for a mortgage loan of a product against one or more collateral units of
 * theirs. The product must accept each unit (FAC-R11; a bundle only whole, FAC-R03), each
 * valuation must be current (FAC-R04), and the amount must fit the headroom left under the LTVs
 * (FAC-R05/R06), raised by the borrower's labour-quality credentials (FAC-R11).
 */
export async function applyForMortgage(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<MortgageApplication> {
  requireRole(principal, "citizen", "clerk", "institution_staff", "platform_admin");
  const i = parseInput(applyForMortgageInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const loaded = await loadUnits(
      tx,
      deps.regionCode,
      deps.policyFor,
      i.collateral.map((c) => c.factorIds),
      act.today,
      true,
    );
    const holderRef = loaded[0]?.unit.holderRef;
    for (const { factors, unit } of loaded) {
      for (const f of factors) assertActsForHolder(principal, f);
      assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "mortgaged");
      if (unit.holderRef !== holderRef) {
        throw new DomainError("all collateral of one loan belongs to the borrower", {
          ruleId: "FAC-R11",
          field: "collateral",
        });
      }
    }
    const product = await tx.products.get(deps.regionCode, i.productId);
    if (product?.status !== "active") throw notFound("credit product", "productId");
    const positions: CollateralPosition[] = [];
    for (const { unit } of loaded) {
      const policy = deps.policyFor(unit.countyCode);
      assertProductFits(product, policy, unit, i.amountFen, i.termMonths, act.today);
      positions.push(await collateralPosition(tx, policy, unit, product, act.today));
    }
    const labour = await tx.factors.getMany(deps.regionCode, i.labourFactorIds);
    if (labour.length !== new Set(i.labourFactorIds).size) throw notFound("factor", "labourFactorIds");
    for (const l of labour) {
      if (l.category !== "L" || l.status !== "ACTIVE" || l.holder.ref !== holderRef) {
        throw new DomainError(`factor ${l.id} is not an active labour-quality credential of the borrower`, {
          ruleId: "FAC-R11",
          field: "labourFactorIds",
        });
      }
    }
    const room = positions.reduce((s, p) => s + p.headroom, 0);
    if (room === 0) {
      throw new DomainError("the collateral has no headroom left under its loan-to-value", {
        ruleId: "FAC-R06",
        field: "collateral",
        detail: { limits: positions.map((p) => p.limit) },
      });
    }
    const { upliftBp } = labourBenefit(
      product,
      labour.map((l) => l.typeCode),
    );
    const limit = creditLimit(product, room, upliftBp);
    if (i.amountFen > limit) {
      throw new DomainError(
        `at most ${formatYuan(limit)} yuan may be borrowed against this collateral with this product`,
        {
          ruleId: "FAC-R05",
          field: "amountFen",
          detail: { creditLimit: limit, headroom: room, upliftBp },
        },
      );
    }
    const application: MortgageApplication = {
      id: deps.ids.next("app"),
      regionCode: deps.regionCode,
      countyCode: loaded[0]?.unit.countyCode ?? "",
      productId: product.id,
      bankId: product.bankId,
      collateral: positions.map((p) => ({
        unitId: p.unit.id,
        factorIds: p.unit.factorIds,
        valuationId: p.valuation.id,
      })),
      borrowerRef: holderRef ?? "",
      applicantRef: principal.subjectRef ?? principal.id,
      requestedAmount: i.amountFen,
      termMonths: i.termMonths,
      labourFactorIds: labour.map((l) => l.id),
      status: "APPLIED",
      approved: null,
      declineReason: null,
      createdAt: act.at,
      updatedAt: act.at,
      version: 1,
    };
    await tx.applications.insert(application);
    for (const { factors } of loaded) {
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
    }
    return application;
  });
}

/** The bank (and the product's guarantor and insurer) gain sight of the factor (KRN-R06). */
function withParties(current: readonly string[], p: CreditProduct): string[] {
  const add = [p.bankId, p.guarantorId, p.insurerId].filter((x): x is string => x !== null);
  return [...new Set([...current, ...add])];
}
