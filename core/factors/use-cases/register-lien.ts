import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { ApprovedTerms, Lien, Loan, MortgageApplication } from "../domain/lending.ts";
import { assertWithinHeadroom, nextRegistrationSeq, rankLiens } from "../rules/lien-ranking.ts";
import { assertActsForInstitution } from "./support/access.ts";
import { collateralPosition } from "./support/collateral-position.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnits, notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate, recordFactorEvent } from "./support/record.ts";

export const registerLienInput = v.object({ applicationId: id("applicationId") });

export interface RegisterLienResult {
  /** One lien per collateral unit, with its rank among the unit's active liens (1 = first, FAC-R06). */
  readonly liens: readonly (Lien & { readonly rank: number })[];
  readonly loan: Loan;
}

/**
 * 抵押登记: registers the liens of an accepted mortgage and books the loan, in one transaction.
 * Every factor of every unit is locked first (in id order), so concurrent registrations on a
 * unit queue up; each lien ranks by the moment its registration completes (FAC-R06) and may take
 * only the headroom left under the LTV (FAC-R05) of a still-valid valuation (FAC-R04).
 */
export async function registerLien(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<RegisterLienResult> {
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
    const product = await tx.products.get(deps.regionCode, app.productId);
    if (!product) throw notFound("credit product", "productId");
    const loaded = await loadUnits(
      tx,
      deps.regionCode,
      deps.policyFor,
      app.collateral.map((c) => c.factorIds),
      act.today,
      true,
    );
    const loanId = deps.ids.next("loan");
    const liens: (Lien & { rank: number })[] = [];
    for (const { unit, factors } of loaded) {
      assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "mortgaged");
      const securedAmount = terms.secured.find((s) => s.unitId === unit.id)?.securedAmount ?? 0;
      if (securedAmount === 0) continue;
      const position = await collateralPosition(tx, deps.policyFor(unit.countyCode), unit, product, act.today);
      assertWithinHeadroom(securedAmount, position.limit, position.liens);
      const lien: Lien = {
        id: deps.ids.next("lien"),
        regionCode: deps.regionCode,
        unitId: unit.id,
        factorIds: unit.factorIds,
        loanId,
        bankId: app.bankId,
        securedAmount,
        registeredAt: act.at,
        registrationSeq: nextRegistrationSeq(position.liens),
        status: "active",
        endedAt: null,
      };
      await tx.liens.insert(lien);
      const rank = rankLiens([...position.liens, lien]).findIndex((l) => l.id === lien.id) + 1;
      liens.push({ ...lien, rank });
      for (const f of factors) {
        await recordFactorEvent(
          tx,
          f,
          "lien_registered",
          {
            reason: `lien of ${app.bankId} registered, rank ${rank}`,
            ruleId: "FAC-R06",
            data: { lienId: lien.id, loanId, bankId: app.bankId, securedAmount, rank },
          },
          act,
        );
      }
    }
    if (liens.length === 0) {
      throw new DomainError("an accepted mortgage secures something on at least one unit", {
        ruleId: "FAC-R06",
        field: "applicationId",
      });
    }
    const loan: Loan = {
      id: loanId,
      regionCode: deps.regionCode,
      countyCode: app.countyCode,
      applicationId: app.id,
      productId: app.productId,
      bankId: app.bankId,
      borrowerRef: app.borrowerRef,
      unitIds: liens.map((l) => l.unitId),
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
      lienIds: liens.map((l) => l.id),
      proceedsApplied: null,
      createdAt: act.at,
      updatedAt: act.at,
      version: 1,
    };
    await tx.loans.insert(loan);
    const registered: MortgageApplication = {
      ...app,
      status: "REGISTERED",
      updatedAt: act.at,
      version: app.version + 1,
    };
    await mustUpdate(tx.applications.update(registered), "application");
    await audit(tx, act, deps.regionCode, "loan.booked", "loan", loan.id, {
      amount: loan.principal,
      lienIds: loan.lienIds,
    });
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: "factors.loan.booked",
      aggregateId: loan.id,
      payload: {
        loanId,
        bankId: loan.bankId,
        guarantorId: loan.guarantorId,
        insurerId: loan.insurerId,
        amount: loan.principal,
        liens: liens.map((l) => ({ lienId: l.id, unitId: l.unitId, securedAmount: l.securedAmount, rank: l.rank })),
      },
    });
    return { liens, loan };
  });
}
