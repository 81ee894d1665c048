import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Factor } from "../domain/factor.ts";
import type { Disposal } from "../domain/market.ts";
import {
  assertBuyOutOffer,
  assertChannelOpen,
  assertDisposalTrigger,
  collectionCompanyOf,
  disposalListingClosesOn,
} from "../rules/disposal.ts";
import { assertValuationCurrent } from "../rules/valuation-path.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { fen, id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate, recordFactorEvent } from "./support/record.ts";
import { type DisposalView, disposalView } from "./support/views.ts";

export const startDisposalInput = v.object({
  loanId: id("loanId"),
  /** Which of the loan's collateral units (factor or bundle id); needed when it has more than one. */
  unitId: v.optional(id("unitId")),
  channel: v.picklist(["listing", "auction", "buy_out"], "channel is listing, auction or buy_out"),
  /** Listing: least bid taken. */
  reservePriceFen: v.optional(fen("reserve price"), 0),
});

/**
 * FAC-R08 disposal of a defaulted loan's collateral: by public listing (open the pack's days),
 * by auction, or — where the county has one — by buy-out by its collection company at no less
 * than the pack's share of the current valuation. The company's offer is asked for before the
 * transaction; an offer under the floor is refused with nothing written.
 */
export async function startDisposal(deps: FactorsDeps, principal: Principal, input: unknown): Promise<DisposalView> {
  const i = parseInput(startDisposalInput, input);
  const act = actOf(principal, deps.clock.now());
  const seen = await deps.uow.run(async (tx) => {
    const loan = await tx.loans.get(deps.regionCode, i.loanId);
    if (!loan) throw notFound("loan", "loanId");
    assertActsForInstitution(principal, loan.bankId, loan.countyCode, "loan");
    const unitId = i.unitId ?? (loan.unitIds.length === 1 ? loan.unitIds[0] : undefined);
    if (unitId === undefined || !loan.unitIds.includes(unitId)) {
      throw new DomainError("name which of the loan's collateral units to dispose of", {
        ruleId: "FAC-R08",
        field: "unitId",
      });
    }
    const valuation = await tx.valuations.latestForUnit(deps.regionCode, unitId);
    return { loan, valuation, unitId };
  });
  const { loan, valuation, unitId } = seen;
  const policy = deps.policyFor(loan.countyCode);
  if (loan.status !== "DEFAULTED") {
    assertDisposalTrigger(policy, loan.overdueSince, act.today);
    throw new DomainError("report the default before starting disposal", {
      ruleId: "FAC-R08",
      kind: "conflict",
      field: "loanId",
    });
  }
  assertDisposalTrigger(policy, loan.overdueSince, act.today);
  assertChannelOpen(policy, loan.countyCode, i.channel, act.today);
  assertValuationCurrent(valuation, act.today);
  const value = valuation?.value ?? 0;
  const disposalId = deps.ids.next("dsp");
  let buyOut: Disposal["buyOut"] = null;
  if (i.channel === "buy_out") {
    const company = collectionCompanyOf(policy, loan.countyCode, act.today);
    if (!company)
      throw new DomainError("the county has no collection company", { ruleId: "FAC-R08", field: "channel" });
    let offer: { offer: number; offerRef: string };
    try {
      offer = await deps.collection.requestBuyOut({
        companyId: company.institutionId,
        regionCode: deps.regionCode,
        countyCode: loan.countyCode,
        disposalId,
        unitId,
        valuationValue: value,
      });
    } catch (e) {
      throw new DomainError(
        `the collection company did not answer; try again (${e instanceof Error ? e.message : e})`,
        {
          ruleId: "KRN-R10",
          kind: "unavailable",
        },
      );
    }
    assertBuyOutOffer(policy, offer.offer, value, act.today);
    buyOut = { companyId: company.institutionId, offer: offer.offer, offerRef: offer.offerRef };
  }

  return deps.uow.run(async (tx) => {
    const current = await tx.loans.get(deps.regionCode, loan.id, { forUpdate: true });
    if (!current || current.version !== loan.version || current.status !== "DEFAULTED") {
      throw new DomainError("the loan changed meanwhile; try again", {
        ruleId: "KRN-R09",
        kind: "conflict",
        field: "loanId",
      });
    }
    const liens = await tx.liens.listByUnit(deps.regionCode, unitId);
    const lien = liens.find((l) => l.loanId === loan.id && l.status === "active");
    if (lien?.status !== "active") {
      throw new DomainError("the loan's lien is no longer active", {
        ruleId: "FAC-R07",
        kind: "conflict",
        field: "loanId",
      });
    }
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, lien.factorIds, act.today, true);
    assertUnitStatus(factors, ["ENCUMBERED"], "put to disposal");
    if (await tx.disposals.openForUnit(deps.regionCode, unitId)) {
      throw new DomainError("a disposal of this collateral is already under way", {
        ruleId: "FAC-R08",
        kind: "conflict",
        field: "loanId",
      });
    }
    const disposal: Disposal = {
      id: disposalId,
      regionCode: deps.regionCode,
      countyCode: loan.countyCode,
      unitId,
      factorIds: lien.factorIds,
      loanId: loan.id,
      bankId: loan.bankId,
      channel: i.channel,
      startedOn: act.today,
      closesOn: i.channel === "listing" ? disposalListingClosesOn(policy, act.today) : null,
      reservePrice: i.reservePriceFen,
      valuationValue: value,
      valuationId: valuation?.id ?? "",
      buyOut,
      bids: [],
      status: "open",
      proceeds: null,
      costs: null,
      buyerRef: null,
      distribution: null,
      completedAt: null,
      createdAt: act.at,
      version: 1,
    };
    await tx.disposals.insert(disposal);
    await mustUpdate(
      tx.loans.update({ ...current, status: "DISPOSING", updatedAt: act.at, version: current.version + 1 }),
      "loan",
    );
    for (const f of factors) {
      const patch: Partial<Factor> = buyOut
        ? { institutionIds: [...new Set([...f.institutionIds, buyOut.companyId])] }
        : {};
      await recordFactorEvent(
        tx,
        f,
        "disposal_started",
        {
          reason: `disposal by ${i.channel}`,
          ruleId: "FAC-R08",
          data: { disposalId, loanId: loan.id, channel: i.channel },
          patch,
        },
        act,
      );
    }
    await audit(tx, act, deps.regionCode, "disposal.started", "disposal", disposalId, {
      channel: i.channel,
      loanId: loan.id,
    });
    return disposalView(disposal);
  });
}
