import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy } from "../policy-defaults.ts";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { huangHolder, linHolder, marineBundle, marineInputs } from "../testing/scenarios.ts";
import { type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { allocateLoss } from "./allocate-loss.ts";
import { completeDisposal } from "./complete-disposal.ts";
import { getFundLedger } from "./get-fund-ledger.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { reportDefault } from "./report-default.ts";
import { startDisposal } from "./start-disposal.ts";
import { valueCollateral } from "./value-collateral.ts";

/** 霞浦's fund capped at 5,000 yuan a year (a county override); the rest of Ningde uncapped. */
const xiapuCapped: FactorsPolicy = {
  ...ningdeFactorsPolicy,
  riskSharing: {
    ...ningdeFactorsPolicy.riskSharing,
    governmentFundAnnualCapFen: since("2021-01-01", 5_000_00, "test: 霞浦县财政局 annual cap"),
  },
};

/** Two bundles (林阿伯 in 福安, 黄先生 in 霞浦), each mortgaged for 150,000 yuan and 120 days overdue. */
async function twoDefaults(tb: FactorsTestbed) {
  const productId = await offer(tb, "fish-raft-farming");
  const lin = await marineBundle(tb, who.lin, marineInputs(linHolder, "350981", "下白石-0001"));
  const huang = await marineBundle(tb, who.huang, marineInputs(huangHolder, "350921", "三沙-0002"));
  await valueCollateral(tb.deps, who.lin, { factorIds: lin.factorIds });
  await valueCollateral(tb.deps, who.huang, { factorIds: huang.factorIds });
  const linLoan = (await mortgageLoan(tb, who.lin, productId, lin.factorIds, 150_000_00)).loan.id;
  const huangLoan = (await mortgageLoan(tb, who.huang, productId, huang.factorIds, 150_000_00)).loan.id;
  tb.clock.set("2026-06-15T02:00:00.000Z");
  for (const loanId of [linLoan, huangLoan]) {
    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId,
      outstandingPrincipalFen: 150_000_00,
      interestArrearsFen: 3_000_00,
      overdueSince: "2026-06-01",
    });
  }
  tb.clock.set("2026-09-29T02:00:00.000Z");
  tb.appraiser.value = 150_000_00;
  for (const [loanId, factorIds] of [
    [linLoan, lin.factorIds],
    [huangLoan, huang.factorIds],
  ] as const) {
    await reportDefault(tb.deps, who.ruralBank, { loanId });
    await valueCollateral(tb.deps, who.ruralBank, { factorIds, requestAppraisal: true });
    const disposal = await startDisposal(tb.deps, who.ruralBank, { loanId, channel: "buy_out" });
    await completeDisposal(tb.deps, who.ruralBank, { disposalId: disposal.id, costsFen: 1_000_00 });
  }
  return { linLoan, huangLoan };
}

describe("FAC-R09 政府风险补偿资金 government fund: annual cap per county fund, ledger for the finance bureau", () => {
  it("each county fund's annual cap counts only that county's claims; what the capped fund cannot take is re-split", async () => {
    const tb = factorsTestbed();
    const deps = {
      ...tb.deps,
      policyFor: (county: string | null) => (county === "350921" ? xiapuCapped : ningdeFactorsPolicy),
    };
    const { linLoan, huangLoan } = await twoDefaults(tb);
    // 福安 first: its (uncapped) fund takes its full 20 % of the 41,500 yuan loss.
    const fuan = await allocateLoss(deps, who.ruralBank, { loanId: linLoan });
    expect(fuan.parts).toEqual({ bank: 8_300_00, guarantor: 16_600_00, insurer: 8_300_00, governmentFund: 8_300_00 });
    // 霞浦's fund has its own 5,000 yuan cap, untouched by 福安's claim: it takes 5,000, and the
    // 3,300 it cannot take is re-split 20/40/20 among bank, guarantor and insurer.
    const xiapu = await allocateLoss(deps, who.ruralBank, { loanId: huangLoan });
    expect(xiapu.parts).toEqual({ bank: 9_125_00, guarantor: 18_250_00, insurer: 9_125_00, governmentFund: 5_000_00 });

    const ledger = await getFundLedger(deps, who.regulator, { year: 2026 });
    expect(ledger.capsAsOf).toBe("2026-09-29");
    expect(ledger.total).toBe(13_300_00);
    expect(ledger.claims.map((c) => [c.countyCode, c.loanId, c.fundPart, c.loss])).toEqual([
      ["350981", linLoan, 8_300_00, 41_500_00],
      ["350921", huangLoan, 5_000_00, 41_500_00],
    ]);
    expect(ledger.counties.find((c) => c.countyCode === "350921")).toEqual({
      countyCode: "350921",
      annualCap: 5_000_00,
      used: 5_000_00,
      remaining: 0,
      claims: 1,
    });
    expect(ledger.counties.find((c) => c.countyCode === "350981")).toEqual({
      countyCode: "350981",
      annualCap: null,
      used: 8_300_00,
      remaining: null,
      claims: 1,
    });
    expect(ledger.counties).toHaveLength(9);
  });

  it("a county's finance bureau reads only its county; banks and citizens read no ledger; a future year is refused", async () => {
    const tb = factorsTestbed();
    const { linLoan, huangLoan } = await twoDefaults(tb);
    await allocateLoss(tb.deps, who.ruralBank, { loanId: linLoan });
    await allocateLoss(tb.deps, who.ruralBank, { loanId: huangLoan });
    const fuan = await getFundLedger(tb.deps, who.fuanOfficial, { year: 2026 });
    expect(fuan.counties.map((c) => c.countyCode)).toEqual(["350981"]);
    expect(fuan.claims.map((c) => c.loanId)).toEqual([linLoan]);
    await expect(getFundLedger(tb.deps, who.fuanOfficial, { year: 2026, countyCode: "350921" })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(getFundLedger(tb.deps, who.ruralBank, { year: 2026 })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getFundLedger(tb.deps, who.lin, { year: 2026 })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getFundLedger(tb.deps, who.regulator, { year: 2027 })).rejects.toMatchObject({
      ruleId: "KRN-R11",
      field: "year",
    });
    // 2025 closed with no claims: every county shows nothing taken, caps as at 31 December.
    const last = await getFundLedger(tb.deps, who.regulator, { year: 2025 });
    expect(last).toMatchObject({ capsAsOf: "2025-12-31", total: 0, claims: [] });
  });
});
