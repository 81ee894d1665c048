import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Loan } from "../domain/lending.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { fen, id, isoDate, parseInput } from "./support/parse-input.ts";
import { recordPrincipalMovement } from "./support/principal-movement.ts";
import { actOf, audit, mustUpdate } from "./support/record.ts";
import { releaseLoanLiens } from "./support/release-liens.ts";

export const recordLoanServicingInput = v.object({
  loanId: id("loanId"),
  outstandingPrincipalFen: fen("outstanding principal"),
  interestArrearsFen: fen("interest arrears"),
  /** First business date of the current overdue run, or null when the loan is current. */
  overdueSince: v.nullable(isoDate("overdueSince")),
});

/**
 * The bank reports a loan's position (LenderGateway callback: repayment or overdue notice). A
 * loan repaid in full is SETTLED and its lien released: the factor is ACTIVE again once no other
 * lien remains on it.
 */
export async function recordLoanServicing(deps: FactorsDeps, principal: Principal, input: unknown): Promise<Loan> {
  const i = parseInput(recordLoanServicingInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const loan = await tx.loans.get(deps.regionCode, i.loanId, { forUpdate: true });
    if (!loan) throw notFound("loan", "loanId");
    assertActsForInstitution(principal, loan.bankId, loan.countyCode, "loan");
    if (!["PERFORMING", "OVERDUE", "DEFAULTED"].includes(loan.status)) {
      throw new DomainError(`a ${loan.status} loan takes no servicing updates`, {
        ruleId: "FAC-LIFECYCLE",
        kind: "conflict",
        field: "loanId",
      });
    }
    if (i.outstandingPrincipalFen > loan.principal) {
      throw new DomainError("outstanding principal cannot exceed the principal lent", {
        ruleId: "KRN-R01",
        field: "outstandingPrincipalFen",
      });
    }
    if (i.overdueSince !== null && i.overdueSince > act.today) {
      throw new DomainError("overdueSince cannot be in the future", { ruleId: "KRN-R03", field: "overdueSince" });
    }
    const settled = i.outstandingPrincipalFen === 0 && i.interestArrearsFen === 0;
    const status: Loan["status"] = settled
      ? "SETTLED"
      : i.overdueSince === null
        ? "PERFORMING"
        : loan.status === "DEFAULTED"
          ? "DEFAULTED"
          : "OVERDUE";
    const next: Loan = {
      ...loan,
      outstandingPrincipal: i.outstandingPrincipalFen,
      interestArrears: i.interestArrearsFen,
      overdueSince: settled ? null : i.overdueSince,
      status,
      updatedAt: act.at,
      version: loan.version + 1,
    };
    await mustUpdate(tx.loans.update(next), "loan");
    await recordPrincipalMovement(tx, next, "serviced", next.outstandingPrincipal - loan.outstandingPrincipal, act);
    await audit(tx, act, loan.regionCode, "loan.serviced", "loan", loan.id, {
      outstandingPrincipal: next.outstandingPrincipal,
      interestArrears: next.interestArrears,
      status,
    });
    if (settled) await releaseLoanLiens(deps, tx, next, act);
    await tx.outbox.enqueue({
      regionCode: loan.regionCode,
      type: "factors.loan.serviced",
      aggregateId: loan.id,
      payload: {
        loanId: loan.id,
        status,
        outstandingPrincipal: next.outstandingPrincipal,
        interestArrears: next.interestArrears,
      },
    });
    return next;
  });
}
