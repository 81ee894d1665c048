import * as v from "valibot";
import { DomainError, formatYuan, type Principal } from "../../kernel/mod.ts";
import type { MortgageApplication } from "../domain/lending.ts";
import {
  assertProductFits,
  assertRequiredParties,
  creditLimit,
  discountedRate,
  labourBenefit,
} from "../rules/credit-product.ts";
import { assertWithinHeadroom } from "../rules/lien-ranking.ts";
import { sharingAgreementFor } from "../rules/loss-sharing.ts";
import { assertActsForInstitution } from "./support/access.ts";
import { type CollateralPosition, collateralPosition, fillSecured } from "./support/collateral-position.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnits, notFound } from "./support/load.ts";
import { fen, id, parseInput, text } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate } from "./support/record.ts";

export const acceptMortgageInput = v.variant("decision", [
  v.object({
    applicationId: id("applicationId"),
    decision: v.literal("accept"),
    amountFen: v.optional(fen("amount")),
    termMonths: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** The bank's annual rate before the borrower's labour-quality discount, in basis points. */
    rateBp: v.pipe(v.number(), v.integer("rateBp is whole basis points"), v.minValue(0), v.maxValue(10000)),
    /** What each unit's lien secures, by unit id; by default each unit in turn up to its headroom. */
    securedFen: v.optional(v.record(v.string(), fen("secured amount"))),
    guarantorId: v.optional(v.nullable(id("guarantorId"))),
    insurerId: v.optional(v.nullable(id("insurerId"))),
  }),
  v.object({ applicationId: id("applicationId"), decision: v.literal("decline"), reason: text("reason", 1000) }),
]);

/**
 * The bank accepts (with its terms) or declines a mortgage application. Accepted terms stay
 * within the product (FAC-R11: range, required guarantor/insurer, labour discount); each lien
 * secures at most its unit's headroom (FAC-R05/R06), together no more than the loan; the loss is
 * shared by the product's agreement (FAC-R09), whose parties the loan must name.
 */
export async function acceptMortgage(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<MortgageApplication> {
  const i = parseInput(acceptMortgageInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const app = await tx.applications.get(deps.regionCode, i.applicationId);
    if (!app) throw notFound("application", "applicationId");
    assertActsForInstitution(principal, app.bankId, app.countyCode, "application");
    if (app.status !== "APPLIED") {
      throw new DomainError(`the application is already ${app.status}`, {
        ruleId: "FAC-LIFECYCLE",
        kind: "conflict",
        field: "applicationId",
      });
    }
    if (i.decision === "decline") {
      const declined: MortgageApplication = {
        ...app,
        status: "DECLINED",
        declineReason: i.reason,
        updatedAt: act.at,
        version: app.version + 1,
      };
      await mustUpdate(tx.applications.update(declined), "application");
      await audit(tx, act, app.regionCode, "mortgage.declined", "mortgage_application", app.id, { reason: i.reason });
      await tx.outbox.enqueue({
        regionCode: app.regionCode,
        type: "factors.mortgage.declined",
        aggregateId: app.id,
        payload: { applicationId: app.id },
      });
      return declined;
    }
    const product = await tx.products.get(deps.regionCode, app.productId);
    if (!product) throw notFound("credit product", "productId");
    const amount = i.amountFen ?? app.requestedAmount;
    const termMonths = i.termMonths ?? app.termMonths;
    const policy = deps.policyFor(app.countyCode);
    const loaded = await loadUnits(
      tx,
      deps.regionCode,
      deps.policyFor,
      app.collateral.map((c) => c.factorIds),
      act.today,
    );
    const positions: CollateralPosition[] = [];
    for (const { unit, factors } of loaded) {
      assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "mortgaged");
      assertProductFits(product, deps.policyFor(unit.countyCode), unit, amount, termMonths, act.today);
      positions.push(await collateralPosition(tx, deps.policyFor(unit.countyCode), unit, product, act.today));
    }
    if (i.rateBp < product.rateMinBp || i.rateBp > product.rateMaxBp) {
      throw new DomainError(`the product's rate is ${product.rateMinBp / 100}–${product.rateMaxBp / 100} %`, {
        ruleId: "FAC-R11",
        field: "rateBp",
      });
    }
    const guarantorId = i.guarantorId === undefined ? product.guarantorId : i.guarantorId;
    const insurerId = i.insurerId === undefined ? product.insurerId : i.insurerId;
    assertRequiredParties(product, guarantorId, insurerId);
    const labour = await tx.factors.getMany(deps.regionCode, app.labourFactorIds);
    const benefit = labourBenefit(
      product,
      labour.filter((l) => l.status === "ACTIVE").map((l) => l.typeCode),
    );
    const secured = i.securedFen
      ? positions.map((p) => ({ unitId: p.unit.id, securedAmount: i.securedFen?.[p.unit.id] ?? 0 }))
      : fillSecured(amount, positions);
    for (const [k, p] of positions.entries()) assertWithinHeadroom(secured[k]?.securedAmount ?? 0, p.limit, p.liens);
    const securedTotal = secured.reduce((s, x) => s + x.securedAmount, 0);
    if (securedTotal > amount) {
      throw new DomainError("the liens secure no more than the loan", { ruleId: "FAC-R05", field: "securedFen" });
    }
    const room = positions.reduce((s, p) => s + p.headroom, 0);
    const limit = creditLimit(product, room, benefit.upliftBp);
    if (amount > limit) {
      throw new DomainError(`at most ${formatYuan(limit)} yuan may be lent against this collateral`, {
        ruleId: "FAC-R05",
        field: "amountFen",
        detail: { creditLimit: limit, headroom: room },
      });
    }
    const sharing = sharingAgreementFor(policy, product.sharing, act.today);
    if ((sharing.sharesBp.guarantor > 0 && !guarantorId) || (sharing.sharesBp.insurer > 0 && !insurerId)) {
      throw new DomainError("the sharing agreement gives a share to a guarantor or insurer the loan does not name", {
        ruleId: "FAC-R09",
        field: sharing.sharesBp.guarantor > 0 && !guarantorId ? "guarantorId" : "insurerId",
      });
    }
    const accepted: MortgageApplication = {
      ...app,
      status: "ACCEPTED",
      approved: {
        amount,
        secured,
        rateBp: discountedRate(product, i.rateBp, benefit.discountBp),
        termMonths,
        guarantorId,
        insurerId,
        sharing,
      },
      updatedAt: act.at,
      version: app.version + 1,
    };
    await mustUpdate(tx.applications.update(accepted), "application");
    await audit(tx, act, app.regionCode, "mortgage.accepted", "mortgage_application", app.id, { amount, securedTotal });
    await tx.outbox.enqueue({
      regionCode: app.regionCode,
      type: "factors.mortgage.accepted",
      aggregateId: app.id,
      payload: { applicationId: app.id, bankId: app.bankId, amount, secured, guarantorId, insurerId },
    });
    return accepted;
  });
}
