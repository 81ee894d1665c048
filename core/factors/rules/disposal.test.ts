import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import {
  assertBuyOutOffer,
  assertChannelOpen,
  assertDisposalTrigger,
  buyOutFloor,
  collectionCompanyOf,
  daysOverdue,
  disposalChannels,
  disposalListingClosesOn,
} from "./disposal.ts";

describe("FAC-R08 违约处置 default and disposal trigger", () => {
  it.each([
    ["120 days overdue (黄先生 after the typhoon) lets the lender start disposal", "2026-01-01", "2026-05-01", true],
    ["exactly 90 days overdue lets the lender start disposal", "2026-01-01", "2026-04-01", true],
    ["89 days overdue does not", "2026-01-01", "2026-03-31", false],
    ["a current loan does not", null, "2026-03-31", false],
  ])("%s", (_t, since, today, ok) => {
    const call = () => assertDisposalTrigger(policy, since, today);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R08", kind: "conflict", field: "loanId" }));
  });

  it("counts calendar days overdue, never negative", () => {
    expect(daysOverdue("2026-01-01", "2026-05-01")).toBe(120);
    expect(daysOverdue("2026-05-01", "2026-01-01")).toBe(0);
  });

  it("follows the pack: with a 60-day trigger from 2026, 61 days overdue is enough", () => {
    const p: FactorsPolicy = {
      ...policy,
      disposal: {
        ...policy.disposal,
        overdueDaysTrigger: [...policy.disposal.overdueDaysTrigger, ...since("2026-01-01", 60, "test")],
      },
    };
    expect(() => assertDisposalTrigger(p, "2026-01-01", "2026-03-03")).not.toThrow();
  });

  it.each([
    ["霞浦 has 福宁海投: listing, auction and buy-out", "350921", ["listing", "auction", "buy_out"]],
    ["屏南 has 八百: listing, auction and buy-out", "350923", ["listing", "auction", "buy_out"]],
    ["寿宁 has no collection company yet: listing and auction only", "350924", ["listing", "auction"]],
    ["周宁 has none: listing and auction only", "350925", ["listing", "auction"]],
    ["柘荣 has none: listing and auction only", "350926", ["listing", "auction"]],
  ])("%s", (_t, county, channels) => {
    expect(disposalChannels(policy, county, "2026-05-01")).toEqual(channels);
  });

  it("names the county's company", () => {
    expect(collectionCompanyOf(policy, "350921", "2026-05-01")?.name.zh).toBe("霞浦县福宁海投公司");
    expect(collectionCompanyOf(policy, "350924", "2026-05-01")).toBe(null);
  });

  it("a buy-out in a county without a company is refused", () => {
    expect(() => assertChannelOpen(policy, "350924", "buy_out", "2026-05-01")).toThrow(
      expect.objectContaining({ ruleId: "FAC-R08", field: "channel" }),
    );
    expect(() => assertChannelOpen(policy, "350924", "auction", "2026-05-01")).not.toThrow();
  });

  it.each([
    ["福宁海投 buying at 75 % of a 280,000-yuan valuation (210,000) is accepted", 210_000_00, true],
    ["exactly 70 % (196,000) is accepted", 196_000_00, true],
    ["195,999.99 yuan is refused", 195_999_99, false],
  ])("%s", (_t, offer, ok) => {
    const call = () => assertBuyOutOffer(policy, offer, 280_000_00, "2026-05-01");
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R08", field: "offer" }));
  });

  it("the buy-out floor rounds up: 70 % of 0.01 yuan is at least 0.01", () => {
    expect(buyOutFloor(1, 7000)).toBe(1);
    expect(buyOutFloor(100_001, 7000)).toBe(70_001);
    expect(buyOutFloor(Number.MAX_SAFE_INTEGER, 7000)).toBe(
      Number((BigInt(Number.MAX_SAFE_INTEGER) * 7000n + 9999n) / 10000n),
    );
  });

  it("a disposal listing opened on 1 May takes bids for 15 days, through 16 May", () => {
    expect(disposalListingClosesOn(policy, "2026-05-01")).toBe("2026-05-16");
  });
});
