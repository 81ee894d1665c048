import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Loan } from "../domain/lending.ts";
import { assertDisposalTrigger, daysOverdue } from "../rules/disposal.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate } from "./support/record.ts";

export const reportDefaultInput = v.object({ loanId: id("loanId") });

/**
 * FAC-R08 the bank reports a default: allowed once the loan is overdue the pack's days (90 by
 * default). The guarantor and insurer are told through the outbox.
 */
export async function reportDefault(deps: FactorsDeps, principal: Principal, input: unknown): Promise<Loan> {
  const i = parseInput(reportDefaultInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const loan = await tx.loans.get(deps.regionCode, i.loanId, { forUpdate: true });
    if (!loan) throw notFound("loan", "loanId");
    assertActsForInstitution(principal, loan.bankId, loan.countyCode, "loan");
    if (loan.status !== "OVERDUE" && loan.status !== "PERFORMING") {
      throw new DomainError(`a ${loan.status} loan cannot be reported in default`, {
        ruleId: "FAC-R08",
        kind: "conflict",
        field: "loanId",
      });
    }
    assertDisposalTrigger(deps.policyFor(loan.countyCode), loan.overdueSince, act.today);
    const next: Loan = { ...loan, status: "DEFAULTED", updatedAt: act.at, version: loan.version + 1 };
    await mustUpdate(tx.loans.update(next), "loan");
    const days = daysOverdue(loan.overdueSince, act.today);
    await audit(tx, act, loan.regionCode, "loan.defaulted", "loan", loan.id, { daysOverdue: days });
    await tx.outbox.enqueue({
      regionCode: loan.regionCode,
      type: "factors.loan.defaulted",
      aggregateId: loan.id,
      payload: {
        loanId: loan.id,
        bankId: loan.bankId,
        guarantorId: loan.guarantorId,
        insurerId: loan.insurerId,
        daysOverdue: days,
        outstandingPrincipal: loan.outstandingPrincipal,
        interestArrears: loan.interestArrears,
      },
    });
    return next;
  });
}
