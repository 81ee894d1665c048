import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { valueAsOf } from "../kernel/mod.ts";
import { governmentCoverage } from "./domain/credit-data.ts";
import { marketplacePolicySchema, parseMarketplacePolicy } from "./policy.ts";
import { marketplacePolicyDefaults } from "./policy-defaults.ts";
import { refusalOf } from "./testing/errors.ts";

const defaults = marketplacePolicyDefaults;
const ON = "2026-03-02";

/** A deep copy of the defaults with one change. */
function withChange(change: (p: any) => void): unknown {
  const copy = structuredClone(defaults) as any;
  change(copy);
  return copy;
}

describe("KRN-R12 marketplace policy pack (龙岩 default)", () => {
  it("the default pack passes its own schema", () => {
    expect(v.safeParse(marketplacePolicySchema, defaults).success).toBe(true);
    expect(parseMarketplacePolicy(defaults)).toEqual(defaults);
  });

  it.each([
    ["a consent covers the last 24 months of data", () => valueAsOf(defaults.consent.dataPeriodMonths, ON), 24],
    ["the recipient may keep pushed data 12 months", () => valueAsOf(defaults.consent.dataLifeMonths, ON), 12],
    ["a one-time application consent expires after 30 days", () => valueAsOf(defaults.consent.expiryDays, ON), 30],
    [
      "a manual institution contacts within 2 working days",
      () => valueAsOf(defaults.serviceDeadlines.contactWorkingDays, ON),
      2,
    ],
    [
      "an application is long unfinished after 15 working days",
      () => valueAsOf(defaults.serviceDeadlines.longUnfinishedWorkingDays, ON),
      15,
    ],
    [
      "a direct-connect institution has 5 seconds to decide",
      () => valueAsOf(defaults.instantDecision.budgetMs, ON),
      5000,
    ],
  ])("%s", (_title, read, expected) => {
    expect(read()).toBe(expected);
  });

  it("the 龙岩 catalogue has 17 government departments serving 44 categories (seed 三(一)一)", () => {
    const catalogue = valueAsOf(defaults.creditData, ON);
    expect(governmentCoverage(catalogue)).toEqual({ departments: 17, categories: 44 });
  });

  it("UnionPay acquiring flow for 小店经济 is a market source outside the 17 departments", () => {
    const catalogue = valueAsOf(defaults.creditData, ON);
    const flow = catalogue.categories.find((c) => c.code === "unionpay.acquiring-flow");
    const source = catalogue.departments.find((d) => d.code === flow?.department);
    expect(source?.kind).toBe("market");
  });

  it("the seed's named sources are in the catalogue: market, tax, water, gas, social insurance, housing fund, subsidies (工信), agriculture", () => {
    const codes = valueAsOf(defaults.creditData, ON).categories.map((c) => c.code);
    for (const c of [
      "market.registration",
      "tax.paid",
      "water.usage",
      "gas.usage",
      "social.insurance-paid",
      "fund.contributions",
      "industry.subsidies",
      "agri.subsidies",
    ]) {
      expect(codes).toContain(c);
    }
  });

  it("the five special actions are 首贷, 创业, 乡村振兴, 外汇 and 小店经济", () => {
    expect(valueAsOf(defaults.specialActions, ON).map((a) => a.name.zh)).toEqual([
      "首贷行动",
      "创业辅导",
      "乡村振兴",
      "外汇服务",
      "小店经济",
    ]);
  });

  it("every fair-use template names only catalogue categories, one template per product type", () => {
    const templates = valueAsOf(defaults.fairUse, ON);
    expect(templates.map((t) => t.productType).sort()).toEqual(["credit", "guarantee", "insurance", "mortgage"]);
  });

  it.each([
    ["a negative data life", (p: any) => (p.consent.dataLifeMonths[0].value = -1), "consent.dataLifeMonths.0.value"],
    [
      "a value without a source document",
      (p: any) => (p.consent.expiryDays[0].source = ""),
      "consent.expiryDays.0.source",
    ],
    [
      "a budget of zero milliseconds",
      (p: any) => (p.instantDecision.budgetMs[0].value = 0),
      "instantDecision.budgetMs.0.value",
    ],
    [
      "a fractional contact deadline",
      (p: any) => (p.serviceDeadlines.contactWorkingDays[0].value = 1.5),
      "serviceDeadlines.contactWorkingDays.0.value",
    ],
    [
      "dated values out of order",
      (p: any) => p.consent.dataPeriodMonths.unshift({ from: "2030-01-01", value: 12, source: "x" }),
      "consent.dataPeriodMonths",
    ],
    [
      "a fair-use template allowing a category the catalogue lacks",
      (p: any) => p.fairUse[0].value[0].categories.push("tax.unknown"),
      "fairUse",
    ],
    [
      "a first-loan category the catalogue lacks",
      (p: any) => (p.firstLoan.loanCategories[0].value = ["pboc.nothing"]),
      "firstLoan.loanCategories",
    ],
    [
      "a long-unfinished threshold not longer than the contact deadline",
      (p: any) => (p.serviceDeadlines.longUnfinishedWorkingDays[0].value = 2),
      "serviceDeadlines.longUnfinishedWorkingDays",
    ],
    [
      "a QR default validity above the maximum",
      (p: any) => (p.applyCode.defaultValidityDays[0].value = 400),
      "applyCode.defaultValidityDays",
    ],
    [
      "a category naming an unknown department",
      (p: any) => (p.creditData[0].value.categories[0].department = "nowhere"),
      "creditData.0.value",
    ],
    [
      "two templates for one product type",
      (p: any) => p.fairUse[0].value.push(p.fairUse[0].value[0]),
      "fairUse.0.value",
    ],
  ])("refuses a pack with %s, naming the parameter", (_title, change, path) => {
    const refusal = refusalOf(() => parseMarketplacePolicy(withChange(change), "region 350800 (龙岩)"));
    expect(refusal?.rule).toBe("KRN-R12");
    expect(refusal?.field).toBe(path);
    expect(refusal?.message).toContain("region 350800 (龙岩)");
    expect(refusal?.message).toContain(path);
  });

  it("a later dated value applies from its date and not before (KRN-R12)", () => {
    const pack = parseMarketplacePolicy(
      withChange((p) =>
        p.serviceDeadlines.contactWorkingDays.push({ from: "2026-07-01", value: 1, source: "龙岩通知 2026" }),
      ),
    );
    expect(valueAsOf(pack.serviceDeadlines.contactWorkingDays, "2026-06-30")).toBe(2);
    expect(valueAsOf(pack.serviceDeadlines.contactWorkingDays, "2026-07-01")).toBe(1);
  });
});
