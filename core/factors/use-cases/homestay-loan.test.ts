import { describe, expect, it } from "vitest";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { activeFactor } from "../testing/scenarios.ts";
import { demoIds, type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { allocateLoss } from "./allocate-loss.ts";
import { completeDisposal } from "./complete-disposal.ts";
import { getFactorHistory } from "./get-factor-history.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { reportDefault } from "./report-default.ts";
import { startDisposal } from "./start-disposal.ts";
import { valueCollateral } from "./value-collateral.ts";

const chen = { kind: "person" as const, idNumber: demoIds.chen, name: "陈姐" };

/** 陈姐 near 太姥山: her homestay revenue right (8,000 yuan a month) and her house (150 m²). */
async function chenCollateral(tb: FactorsTestbed) {
  const base = { countyCode: "350982", holder: chen, location: "福鼎市秦屿镇 太姥山下" };
  const revenue = await activeFactor(tb, who.chen, {
    ...base,
    typeCode: "I01",
    title: "山海民宿经营收益权",
    quantity: "1",
    certificateNo: "福鼎民宿备案2023-045",
  });
  const house = await activeFactor(tb, who.chen, {
    ...base,
    typeCode: "A07",
    title: "民宿用房",
    quantity: "150",
    certificateNo: "闽(2021)福鼎市不动产权第0003456号",
  });
  await expect(valueCollateral(tb.deps, who.chen, { factorIds: [revenue.id] })).rejects.toMatchObject({
    ruleId: "FAC-R04",
    field: "monthlyRevenueFen",
  });
  const r = await valueCollateral(tb.deps, who.chen, {
    factorIds: [revenue.id],
    monthlyRevenueFen: Array.from({ length: 12 }, () => 8_000_00),
    revenueVerifiedBy: "福鼎市文旅局民宿平台流水",
  });
  const h = await valueCollateral(tb.deps, who.chen, { factorIds: [house.id] });
  return { revenue, house, revenueValue: r.value, houseValue: h.value };
}

describe("陈姐: a 民宿贷 on her homestay revenue right plus her house (FAC-R05, R06, R11)", () => {
  it("values revenue at 12 months (96,000) and the house by the table (180,000), and secures 120,000 over both", async () => {
    const tb = factorsTestbed();
    const { revenue, house, revenueValue, houseValue } = await chenCollateral(tb);
    expect([revenueValue, houseValue]).toEqual([96_000_00, 180_000_00]);
    const productId = await offer(tb, "homestay");
    const { liens, loan } = await mortgageLoan(tb, who.chen, productId, [[revenue.id], [house.id]], 120_000_00);
    expect(liens.map((l) => [l.unitId, l.securedAmount, l.rank])).toEqual([
      [revenue.id, 48_000_00, 1],
      [house.id, 72_000_00, 1],
    ]);
    expect(loan.unitIds).toEqual([revenue.id, house.id]);

    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 0,
      interestArrearsFen: 0,
      overdueSince: null,
    });
    for (const id of [revenue.id, house.id]) {
      expect((await getFactorHistory(tb.deps, who.chen, { factorId: id })).factor.status).toBe("ACTIVE");
    }
  });

  it("more than both headrooms together (138,000) is refused naming FAC-R05", async () => {
    const tb = factorsTestbed();
    const { revenue, house } = await chenCollateral(tb);
    const productId = await offer(tb, "homestay");
    await expect(mortgageLoan(tb, who.chen, productId, [[revenue.id], [house.id]], 138_000_01)).rejects.toMatchObject({
      ruleId: "FAC-R05",
      field: "amountFen",
    });
  });

  it("in default, each unit is disposed of in turn; the loss is shared only once nothing is left to dispose of", async () => {
    const tb = factorsTestbed();
    const { revenue, house } = await chenCollateral(tb);
    const productId = await offer(tb, "homestay");
    const { loan } = await mortgageLoan(tb, who.chen, productId, [[revenue.id], [house.id]], 120_000_00);
    tb.clock.set("2026-05-01T02:00:00.000Z");
    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 120_000_00,
      interestArrearsFen: 2_000_00,
      overdueSince: "2026-04-01",
    });
    tb.clock.set("2026-07-01T02:00:00.000Z");
    await reportDefault(tb.deps, who.ruralBank, { loanId: loan.id });
    await expect(startDisposal(tb.deps, who.ruralBank, { loanId: loan.id, channel: "auction" })).rejects.toMatchObject({
      ruleId: "FAC-R08",
      field: "unitId",
    });
    const d1 = await startDisposal(tb.deps, who.ruralBank, { loanId: loan.id, unitId: house.id, channel: "buy_out" });
    await completeDisposal(tb.deps, who.ruralBank, { disposalId: d1.id, costsFen: 0 }); // 福鼎's company pays 135,000
    const after = tb.store.state.loans.get(loan.id);
    expect(after).toMatchObject({ status: "SETTLED", outstandingPrincipal: 0, interestArrears: 0 });
    expect((await getFactorHistory(tb.deps, who.chen, { factorId: revenue.id })).factor.status).toBe("ACTIVE");
    await expect(allocateLoss(tb.deps, who.ruralBank, { loanId: loan.id })).rejects.toMatchObject({
      ruleId: "FAC-R09",
    });
  });

  it("a loan short after its first unit's auction keeps its other lien; the loss is shared after the last unit", async () => {
    const tb = factorsTestbed();
    const { revenue, house } = await chenCollateral(tb);
    const productId = await offer(tb, "homestay");
    const { loan } = await mortgageLoan(tb, who.chen, productId, [[revenue.id], [house.id]], 120_000_00);
    tb.clock.set("2026-05-01T02:00:00.000Z");
    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 120_000_00,
      interestArrearsFen: 2_000_00,
      overdueSince: "2026-04-01",
    });
    tb.clock.set("2026-07-01T02:00:00.000Z");
    await reportDefault(tb.deps, who.ruralBank, { loanId: loan.id });
    const auction = { channel: "auction" as const, loanId: loan.id };
    const d1 = await startDisposal(tb.deps, who.ruralBank, { ...auction, unitId: house.id });
    await completeDisposal(tb.deps, who.ruralBank, {
      disposalId: d1.id,
      costsFen: 0,
      auctionProceedsFen: 60_000_00,
      auctionBuyer: "拍卖买受人甲",
    });
    expect(tb.store.state.loans.get(loan.id)).toMatchObject({
      status: "DEFAULTED",
      interestArrears: 0,
      outstandingPrincipal: 62_000_00,
    });
    await expect(allocateLoss(tb.deps, who.ruralBank, { loanId: loan.id })).rejects.toMatchObject({
      ruleId: "FAC-R09",
      detail: { unitId: revenue.id },
    });
    const d2 = await startDisposal(tb.deps, who.ruralBank, { ...auction, unitId: revenue.id });
    await completeDisposal(tb.deps, who.ruralBank, {
      disposalId: d2.id,
      costsFen: 0,
      auctionProceedsFen: 40_000_00,
      auctionBuyer: "拍卖买受人乙",
    });
    const shared = await allocateLoss(tb.deps, who.ruralBank, { loanId: loan.id });
    expect(shared.loss).toBe(22_000_00);
    expect(shared.parts).toEqual({ bank: 4_400_00, guarantor: 8_800_00, insurer: 4_400_00, governmentFund: 4_400_00 });
  });
});
