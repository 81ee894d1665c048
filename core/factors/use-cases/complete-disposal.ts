import * as v from "valibot";
import { DomainError, formatYuan, type Principal } from "../../kernel/mod.ts";
import type { Lien, Loan } from "../domain/lending.ts";
import type { Disposal } from "../domain/market.ts";
import { rankLiens } from "../rules/lien-ranking.ts";
import { applyProceeds, type Waterfall } from "../rules/priority-repayment.ts";
import { assertListingClosed, winningBid } from "../rules/transfer.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { fen, id, parseInput, text } from "./support/parse-input.ts";
import { recordPrincipalMovement } from "./support/principal-movement.ts";
import { actOf, audit, mustUpdate, recordFactorEvent } from "./support/record.ts";
import { releaseLoanLiens } from "./support/release-liens.ts";
import { type DisposalView, disposalView } from "./support/views.ts";

export const completeDisposalInput = v.object({
  disposalId: id("disposalId"),
  costsFen: fen("disposal costs"),
  /** Auction only: the hammer price and buyer, as the auction house reports them. */
  auctionProceedsFen: v.optional(fen("auction proceeds")),
  auctionBuyer: v.optional(text("auction buyer", 200)),
});

/**
 * FAC-R07 优先受偿: closes a disposal and applies its proceeds — costs, then the platform liens in
 * rank order (interest arrears before principal), then claims recorded outside the platform,
 * then the holder. Liens are discharged, each loan is credited with what it received, and the
 * factors are DISPOSED; a loan repaid in full releases its liens on other units, a loan left
 * short awaits loss allocation (FAC-R09) once all its collateral is disposed of.
 */
export async function completeDisposal(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ disposal: DisposalView; waterfall: Waterfall }> {
  const i = parseInput(completeDisposalInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const disposal = await tx.disposals.get(deps.regionCode, i.disposalId, { forUpdate: true });
    if (!disposal) throw notFound("disposal", "disposalId");
    assertActsForInstitution(principal, disposal.bankId, disposal.countyCode, "disposal");
    if (disposal.status !== "open") {
      throw new DomainError(`the disposal is already ${disposal.status}`, {
        ruleId: "FAC-R08",
        kind: "conflict",
        field: "disposalId",
      });
    }
    let proceeds: number;
    let buyerRef: string | null;
    if (disposal.channel === "listing") {
      assertListingClosed(disposal.closesOn ?? act.today, act.today, "FAC-R08");
      const winner = winningBid(disposal.bids);
      if (!winner) {
        throw new DomainError("the listing drew no bid: withdraw it or choose another channel", {
          ruleId: "FAC-R08",
          kind: "conflict",
          field: "disposalId",
        });
      }
      proceeds = winner.amount;
      buyerRef = winner.bidderRef;
    } else if (disposal.channel === "buy_out") {
      proceeds = disposal.buyOut?.offer ?? 0;
      buyerRef = disposal.buyOut?.companyId ?? null;
    } else {
      if (i.auctionProceedsFen === undefined || !i.auctionBuyer) {
        throw new DomainError("an auction is completed with its proceeds and buyer", {
          ruleId: "FAC-R08",
          field: "auctionProceedsFen",
        });
      }
      proceeds = i.auctionProceedsFen;
      buyerRef = i.auctionBuyer;
    }
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, disposal.factorIds, act.today, true);
    assertUnitStatus(factors, ["DISPOSING"], "disposed of");
    const liens = rankLiens(await tx.liens.listByUnit(deps.regionCode, disposal.unitId));
    const loans = new Map(
      (
        await tx.loans.getMany(
          deps.regionCode,
          liens.map((l) => l.loanId),
        )
      ).map((l) => [l.id, l]),
    );
    const claimOf = (l: Lien) => {
      const loan = loans.get(l.loanId) as Loan;
      return { lienId: l.id, interestArrears: loan.interestArrears, principal: loan.outstandingPrincipal };
    };
    const outside = factors
      .flatMap((f) => f.offPlatformClaims)
      .sort((a, b) =>
        a.recordedOn === b.recordedOn ? a.id.localeCompare(b.id) : a.recordedOn < b.recordedOn ? -1 : 1,
      );
    const waterfall = applyProceeds(proceeds, i.costsFen, liens.map(claimOf), outside);

    const settled: Loan[] = [];
    for (const [k, lien] of liens.entries()) {
      const paid = waterfall.liens[k];
      const loan = loans.get(lien.loanId) as Loan;
      if (!paid) continue;
      await tx.liens.update({ ...lien, status: "discharged", endedAt: act.at });
      const outstandingPrincipal = loan.outstandingPrincipal - paid.principal;
      const interestArrears = loan.interestArrears - paid.interest;
      const whole = outstandingPrincipal === 0 && interestArrears === 0;
      const status: Loan["status"] = whole ? "SETTLED" : loan.status === "DISPOSING" ? "DEFAULTED" : loan.status;
      const before = loan.proceedsApplied ?? { interest: 0, principal: 0 };
      const next: Loan = {
        ...loan,
        outstandingPrincipal,
        interestArrears,
        proceedsApplied: { interest: before.interest + paid.interest, principal: before.principal + paid.principal },
        status,
        updatedAt: act.at,
        version: loan.version + 1,
      };
      await mustUpdate(tx.loans.update(next), "loan");
      await recordPrincipalMovement(tx, next, "proceeds", -paid.principal, act);
      if (whole) settled.push(next);
    }
    const done: Disposal = {
      ...disposal,
      status: "completed",
      proceeds,
      costs: i.costsFen,
      buyerRef,
      distribution: { ...waterfall },
      completedAt: act.at,
      version: disposal.version + 1,
    };
    await mustUpdate(tx.disposals.update(done), "disposal");
    for (const f of factors) {
      await recordFactorEvent(
        tx,
        f,
        "disposed",
        {
          reason: `disposed of by ${disposal.channel} for ${formatYuan(proceeds)} yuan`,
          ruleId: "FAC-R07",
          data: { disposalId: disposal.id, proceeds, dischargedLienIds: liens.map((l) => l.id) },
        },
        act,
      );
    }
    for (const loan of settled) await releaseLoanLiens(deps, tx, loan, act);
    await audit(tx, act, deps.regionCode, "disposal.completed", "disposal", disposal.id, {
      proceeds,
      costs: i.costsFen,
    });
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: "factors.disposal.completed",
      aggregateId: disposal.id,
      payload: { disposalId: disposal.id, unitId: disposal.unitId, proceeds, distribution: { ...waterfall } },
    });
    return { disposal: disposalView(done), waterfall };
  });
}
