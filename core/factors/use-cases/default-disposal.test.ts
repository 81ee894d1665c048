import { describe, expect, it } from "vitest";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { activeFactor, huangHolder, marineBundle, marineInputs } from "../testing/scenarios.ts";
import { demoIds, type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { allocateLoss } from "./allocate-loss.ts";
import { completeDisposal } from "./complete-disposal.ts";
import { getFactorHistory } from "./get-factor-history.ts";
import { placeBid } from "./place-bid.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { reportDefault } from "./report-default.ts";
import { startDisposal } from "./start-disposal.ts";
import { valueCollateral } from "./value-collateral.ts";

/** 黄先生 in 霞浦: a raft bundle mortgaged for 150,000 yuan, overdue from 1 June 2026 after a typhoon. */
async function huangOverdue(tb: FactorsTestbed) {
  const { factorIds } = await marineBundle(tb, who.huang, marineInputs(huangHolder, "350921", "三沙-0002"));
  const productId = await offer(tb, "fish-raft-farming");
  await valueCollateral(tb.deps, who.huang, { factorIds });
  const { loan } = await mortgageLoan(tb, who.huang, productId, factorIds, 150_000_00);
  tb.clock.set("2026-06-15T02:00:00.000Z");
  await recordLoanServicing(tb.deps, who.ruralBank, {
    loanId: loan.id,
    outstandingPrincipalFen: 150_000_00,
    interestArrearsFen: 3_000_00,
    overdueSince: "2026-06-01",
  });
  return { factorIds, loanId: loan.id };
}

describe("黄先生: default, buy-out by 霞浦 福宁海投 and 政银保担 loss sharing (FAC-R07..R09)", () => {
  it("120 days overdue, re-valued after the typhoon, bought out at 75 % and the shortfall shared 40/20/20/20", async () => {
    const tb = factorsTestbed();
    const { factorIds, loanId } = await huangOverdue(tb);
    tb.clock.set("2026-09-29T02:00:00.000Z"); // 120 days after 1 June
    expect((await reportDefault(tb.deps, who.ruralBank, { loanId })).status).toBe("DEFAULTED");

    tb.appraiser.value = 150_000_00; // typhoon damage
    await valueCollateral(tb.deps, who.ruralBank, { factorIds, requestAppraisal: true });
    const disposal = await startDisposal(tb.deps, who.ruralBank, { loanId, channel: "buy_out" });
    expect(disposal.buyOut).toMatchObject({ companyId: "xiapu-funing-haitou", offer: 112_500_00 });
    expect(tb.collection.requests[0]).toMatchObject({ companyId: "xiapu-funing-haitou", valuationValue: 150_000_00 });

    const { waterfall } = await completeDisposal(tb.deps, who.ruralBank, {
      disposalId: disposal.id,
      costsFen: 1_000_00,
    });
    expect(waterfall.costs).toBe(1_000_00);
    expect(waterfall.liens[0]).toMatchObject({ interest: 3_000_00, principal: 108_500_00 });
    expect(waterfall.holder).toBe(0);

    const allocation = await allocateLoss(tb.deps, who.ruralBank, { loanId });
    expect(allocation.loss).toBe(41_500_00);
    expect(allocation.parts).toEqual({
      bank: 8_300_00,
      guarantor: 16_600_00,
      insurer: 8_300_00,
      governmentFund: 8_300_00,
    });
    expect(tb.store.state.loans.get(loanId)?.status).toBe("CLOSED_WITH_LOSS");
    expect(tb.store.state.outbox.filter((e) => e.type === "factors.loss.claim").map((e) => e.payload.party)).toEqual([
      "guarantor",
      "insurer",
      "governmentFund",
    ]);
    const history = await getFactorHistory(tb.deps, who.huang, { factorId: factorIds[0] as string });
    expect(history.factor.status).toBe("DISPOSED");
    expect(history.liens[0]).toMatchObject({ status: "discharged" });
    await expect(allocateLoss(tb.deps, who.ruralBank, { loanId })).rejects.toMatchObject({
      ruleId: "FAC-R09",
      kind: "conflict",
    });
  });

  it("disposal before the 90-day trigger is refused naming FAC-R08, nothing written", async () => {
    const tb = factorsTestbed();
    const { loanId } = await huangOverdue(tb);
    tb.clock.set("2026-08-01T02:00:00.000Z"); // 61 days
    const before = tb.snapshot();
    await expect(reportDefault(tb.deps, who.ruralBank, { loanId })).rejects.toMatchObject({
      ruleId: "FAC-R08",
      kind: "conflict",
    });
    await expect(startDisposal(tb.deps, who.ruralBank, { loanId, channel: "auction" })).rejects.toMatchObject({
      ruleId: "FAC-R08",
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("a buy-out offer under 70 % of the valuation is refused, nothing written", async () => {
    const tb = factorsTestbed();
    const { loanId } = await huangOverdue(tb);
    tb.clock.set("2026-09-29T02:00:00.000Z");
    await reportDefault(tb.deps, who.ruralBank, { loanId });
    tb.collection.offerBp = 6500;
    const before = tb.snapshot();
    await expect(startDisposal(tb.deps, who.ruralBank, { loanId, channel: "buy_out" })).rejects.toMatchObject({
      ruleId: "FAC-R08",
      field: "offer",
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("only the lending bank disposes of its loan's collateral", async () => {
    const tb = factorsTestbed();
    const { loanId } = await huangOverdue(tb);
    tb.clock.set("2026-09-29T02:00:00.000Z");
    await expect(reportDefault(tb.deps, who.postalBank, { loanId })).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("FAC-R08 a county without a collection company: 寿宁 lists and auctions only", () => {
  async function shouningDefault(tb: FactorsTestbed) {
    const house = await activeFactor(tb, who.chen, {
      countyCode: "350924",
      typeCode: "A07",
      holder: { kind: "person", idNumber: demoIds.chen, name: "陈姐" },
      title: "农村住房",
      location: "寿宁县犀溪镇",
      quantity: "150",
      certificateNo: "闽(2019)寿宁县不动产权第0000777号",
    });
    const productId = await offer(tb, "rural-house");
    await valueCollateral(tb.deps, who.chen, { factorIds: [house.id] }); // 150 m² × 1,200 = 180,000 yuan
    const { loan } = await mortgageLoan(tb, who.chen, productId, [house.id], 80_000_00);
    tb.clock.set("2026-05-01T02:00:00.000Z");
    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 80_000_00,
      interestArrearsFen: 1_200_00,
      overdueSince: "2026-04-01",
    });
    tb.clock.set("2026-07-15T02:00:00.000Z");
    await reportDefault(tb.deps, who.ruralBank, { loanId: loan.id });
    return { houseId: house.id, loanId: loan.id };
  }

  it("a buy-out is refused; a listing open 15 days goes to the highest bid and repays the bank first", async () => {
    const tb = factorsTestbed();
    const { loanId } = await shouningDefault(tb);
    await expect(startDisposal(tb.deps, who.ruralBank, { loanId, channel: "buy_out" })).rejects.toMatchObject({
      ruleId: "FAC-R08",
      field: "channel",
    });
    const listing = await startDisposal(tb.deps, who.ruralBank, {
      loanId,
      channel: "listing",
      reservePriceFen: 90_000_00,
    });
    expect(listing.closesOn).toBe("2026-07-30");
    const bidder = { kind: "person" as const, idNumber: demoIds.lin, name: "林阿伯" };
    await expect(
      placeBid(tb.deps, who.lin, { listing: "disposal", listingId: listing.id, amountFen: 89_999_99, bidder }),
    ).rejects.toMatchObject({ ruleId: "FAC-R08", field: "amount" });
    await placeBid(tb.deps, who.lin, { listing: "disposal", listingId: listing.id, amountFen: 95_000_00, bidder });
    await expect(
      completeDisposal(tb.deps, who.ruralBank, { disposalId: listing.id, costsFen: 500_00 }),
    ).rejects.toMatchObject({
      ruleId: "FAC-R08",
      kind: "conflict",
    });
    tb.clock.set("2026-07-31T02:00:00.000Z");
    const { waterfall } = await completeDisposal(tb.deps, who.ruralBank, { disposalId: listing.id, costsFen: 500_00 });
    expect(waterfall).toMatchObject({ costs: 500_00, holder: 95_000_00 - 500_00 - 81_200_00 });
    expect(waterfall.liens[0]).toMatchObject({ interest: 1_200_00, principal: 80_000_00, shortfall: 0 });
    expect(tb.store.state.loans.get(loanId)).toMatchObject({
      outstandingPrincipal: 0,
      interestArrears: 0,
      status: "SETTLED",
    });
    await expect(allocateLoss(tb.deps, who.ruralBank, { loanId })).rejects.toMatchObject({ ruleId: "FAC-R09" });
  });
});
