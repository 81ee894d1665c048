import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { ApprovedTerms, Lien, Loan, MortgageApplication } from "../domain/lending.ts";
import { assertWithinHeadroom, nextRegistrationSeq, rankLiens } from "../rules/lien-ranking.ts";
import { assertActsForInstitution } from "./support/access.ts";
import { collateralPosition } from "./support/collateral-position.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate, recordFactorEvent } from "./support/record.ts";

export const registerLienInput = v.object({ applicationId: id("applicationId") });

export interface RegisterLienResult {
  readonly lien: Lien;
  readonly loan: Loan;
  /** 1 = first rank among the unit's active liens (FAC-R06). */
  readonly rank: number;
}

/**
 * 抵押登记: registers the lien of an accepted mortgage and books the loan, in one transaction.
 * The unit's factors are locked first, so concurrent registrations on one unit queue up; the
 * lien ranks by the moment its registration completes (FAC-R06) and may take only the headroom
 * left under the LTV (FAC-R05) of a still-valid valuation (FAC-R04).
 */
export async function registerLien(deps: FactorsDeps, principal: Principal, input: unknown): Promise<RegisterLienResult> {
  const i = parseInput(registerLienInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const app = await tx.applications.get(deps.regionCode, i.applicationId);
    if (!app) throw notFound("application", "applicationId");
    assertActsForInstitution(principal, app.bankId, app.countyCode, "application");
    if (app.status !== "ACCEPTED" || !app.approved) {
      throw new DomainError(`only an accepted application is registered; it is ${app.status}`, {
        ruleId: "FAC-LIFECYCLE",
        kind: "conflict",
        field: "applicationId",
      });
    }
    const terms: ApprovedTerms = app.approved;
    const { unit, factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, app.factorIds, act.today, true);
    assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "mortgaged");
    const product = await tx.products.get(deps.regionCode, app.productId);
    if (!product) throw notFound("credit product", "productId");
    const position = await collateralPosition(tx, deps.policyFor(unit.countyCode), unit, product, act.today);
    assertWithinHeadroom(terms.securedAmount, position.limit, position.liens);
    const loanId = deps.ids.next("loan");
    const lien: Lien = {
      id: deps.ids.next("lien"),
      regionCode: deps.regionCode,
      unitId: unit.id,
      factorIds: unit.factorIds,
      loanId,
      bankId: app.bankId,
      securedAmount: terms.securedAmount,
      registeredAt: act.at,
      registrationSeq: nextRegistrationSeq(position.liens),
      status: "active",
      endedAt: null,
    };
    const loan: Loan = {
      id: loanId,
      regionCode: deps.regionCode,
      countyCode: unit.countyCode,
      applicationId: app.id,
      productId: app.productId,
      bankId: app.bankId,
      borrowerRef: app.borrowerRef,
      unitId: unit.id,
      principal: terms.amount,
      outstandingPrincipal: terms.amount,
      interestArrears: 0,
      rateBp: terms.rateBp,
      termMonths: terms.termMonths,
      startedOn: act.today,
      overdueSince: null,
      status: "PERFORMING",
      guarantorId: terms.guarantorId,
      insurerId: terms.insurerId,
      sharing: terms.sharing,
      lienId: lien.id,
      proceedsApplied: null,
      createdAt: act.at,
      updatedAt: act.at,
      version: 1,
    };
    await tx.liens.insert(lien);
    await tx.loans.insert(loan);
    const registered: MortgageApplication = { ...app, status: "REGISTERED", updatedAt: act.at, version: app.version + 1 };
    await mustUpdate(tx.applications.update(registered), "application");
    const rank = rankLiens([...position.liens, lien]).findIndex((l) => l.id === lien.id) + 1;
    for (const f of factors) {
      await recordFactorEvent(
        tx,
        f,
        "lien_registered",
        {
          reason: `lien of ${app.bankId} registered, rank ${rank}`,
          ruleId: "FAC-R06",
          data: { lienId: lien.id, loanId, bankId: app.bankId, securedAmount: lien.securedAmount, rank },
        },
        act,
      );
    }
    await audit(tx, act, deps.regionCode, "loan.booked", "loan", loan.id, { amount: loan.principal, lienId: lien.id });
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: "factors.loan.booked",
      aggregateId: loan.id,
      payload: {
        loanId,
        lienId: lien.id,
        bankId: loan.bankId,
        guarantorId: loan.guarantorId,
        insurerId: loan.insurerId,
        amount: loan.principal,
        securedAmount: lien.securedAmount,
        rank,
      },
    });
    return { lien, loan, rank };
  });
}
