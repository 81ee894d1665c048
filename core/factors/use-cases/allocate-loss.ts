import * as v from "valibot";
import { DomainError, type Principal, valueAsOf } from "../../kernel/mod.ts";
import type { Loan } from "../domain/lending.ts";
import type { LossAllocation } from "../domain/market.ts";
import { lossOnLoan, shareLoss } from "../rules/loss-sharing.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { recordPrincipalMovement } from "./support/principal-movement.ts";
import { actOf, audit, mustUpdate } from "./support/record.ts";

export const allocateLossInput = v.object({ loanId: id("loanId") });

/**
 * FAC-R09 政银保担: after disposal, a defaulted loan's loss (principal + interest arrears − the
 * proceeds applied to it) is shared among bank, guarantor, insurer and government fund by the
 * loan's agreement, with per-loan caps and the annual cap of the loan's county fund (the county's
 * finance bureau runs it; the cap is the county's pack value, which a county may override). The
 * guarantor and insurer are sent their claims; the fund's claim is on the fund ledger
 * (getFundLedger) that the county finance bureau reads and exports to file it.
 */
export async function allocateLoss(deps: FactorsDeps, principal: Principal, input: unknown): Promise<LossAllocation> {
  const i = parseInput(allocateLossInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const loan = await tx.loans.get(deps.regionCode, i.loanId, { forUpdate: true });
    if (!loan) throw notFound("loan", "loanId");
    assertActsForInstitution(principal, loan.bankId, loan.countyCode, "loan");
    if (loan.status !== "DEFAULTED" || loan.proceedsApplied === null) {
      throw new DomainError("a loss is shared once the defaulted loan's collateral has been disposed of", {
        ruleId: "FAC-R09",
        kind: "conflict",
        field: "loanId",
      });
    }
    for (const unitId of loan.unitIds) {
      const liens = await tx.liens.listByUnit(deps.regionCode, unitId);
      if (liens.some((l) => l.loanId === loan.id && l.status === "active")) {
        throw new DomainError("the loan still has collateral to dispose of; share the loss after that", {
          ruleId: "FAC-R09",
          kind: "conflict",
          field: "loanId",
          detail: { unitId },
        });
      }
    }
    if (await tx.losses.forLoan(deps.regionCode, loan.id)) {
      throw new DomainError("this loan's loss was already shared", {
        ruleId: "FAC-R09",
        kind: "conflict",
        field: "loanId",
      });
    }
    const applied = loan.proceedsApplied;
    const loss = lossOnLoan(
      loan.outstandingPrincipal + applied.principal,
      loan.interestArrears + applied.interest,
      applied.principal + applied.interest,
    );
    const year = Number(act.today.slice(0, 4));
    const annualCap = valueAsOf(
      deps.policyFor(loan.countyCode).riskSharing.governmentFundAnnualCapFen,
      act.today,
      "factors.riskSharing.governmentFundAnnualCapFen",
    );
    const fundLeft =
      annualCap === null
        ? null
        : Math.max(0, annualCap - (await tx.losses.fundTotalForYear(deps.regionCode, loan.countyCode, year)));
    const parts = shareLoss(loss, loan.sharing, fundLeft);
    const allocation: LossAllocation = {
      id: deps.ids.next("loss"),
      regionCode: deps.regionCode,
      countyCode: loan.countyCode,
      loanId: loan.id,
      bankId: loan.bankId,
      guarantorId: loan.guarantorId,
      insurerId: loan.insurerId,
      loss,
      parts,
      year,
      allocatedOn: act.today,
      createdAt: act.at,
      actor: principal.id,
    };
    await tx.losses.insert(allocation);
    const closed: Loan = { ...loan, status: "CLOSED_WITH_LOSS", updatedAt: act.at, version: loan.version + 1 };
    await mustUpdate(tx.loans.update(closed), "loan");
    // The principal still owed leaves the balance when the loss is shared (written off).
    await recordPrincipalMovement(tx, closed, "written_off", -closed.outstandingPrincipal, act);
    await audit(tx, act, deps.regionCode, "loss.allocated", "loan", loan.id, { loss, ...parts });
    const claims: [string, string | null, number][] = [
      ["guarantor", loan.guarantorId, parts.guarantor],
      ["insurer", loan.insurerId, parts.insurer],
      ["governmentFund", null, parts.governmentFund],
    ];
    for (const [party, institutionId, amount] of claims) {
      if (amount === 0) continue;
      await tx.outbox.enqueue({
        regionCode: deps.regionCode,
        type: "factors.loss.claim",
        aggregateId: allocation.id,
        payload: { allocationId: allocation.id, loanId: loan.id, party, institutionId, amount },
      });
    }
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: "factors.loss.allocated",
      aggregateId: allocation.id,
      payload: { allocationId: allocation.id, loanId: loan.id, loss, parts },
    });
    return allocation;
  });
}
