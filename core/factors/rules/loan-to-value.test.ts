import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import { assertWithinLtv, ltvOf, maxSecured } from "./loan-to-value.ts";

const day = "2026-03-01";
const single = (t: string) => ({ kind: "factor" as const, typeCodes: [t] });

describe("FAC-R05 抵押率 loan-to-value", () => {
  it.each([
    ["fish raft", "A01", 5000],
    ["greenhouse", "A02", 5000],
    ["production facility", "A03", 5000],
    ["machinery", "A04", 4000],
    ["livestock", "A05", 3000],
    ["warehouse receipt", "A06", 7000],
    ["rural house", "A07", 5000],
    ["fishing vessel", "A08", 5000],
    ["land management right", "R01", 5000],
    ["forest right", "R02", 6000],
    ["homestead use right", "R03", 4000],
    ["collective-asset equity", "R06", 5000],
    ["vessel/net quota", "R07", 4000],
    ["forest carbon credit", "R08", 6000],
    ["homestay revenue right (of 12 months' revenue)", "I01", 5000],
    ["PV or tourism revenue right", "I04", 5000],
  ])("default LTV of a %s (%s) is %i basis points", (_t, type, bp) => {
    expect(ltvOf(policy, single(type), day)).toBe(bp);
  });

  it("a 三权合一 bundle lends at 60 %", () => {
    expect(ltvOf(policy, { kind: "bundle", typeCodes: ["R04", "A01", "R05"] }, day)).toBe(6000);
  });

  it("a labour-quality credential secures nothing", () => {
    expect(() => ltvOf(policy, single("L03"), day)).toThrow(expect.objectContaining({ ruleId: "FAC-R05" }));
  });

  it.each([
    ["a bundle worth 280,000 yuan secures at most 168,000 yuan", 280_000_00, 6000, 168_000_00],
    ["a house worth 100,000.01 yuan secures at most 50,000.00 (rounded down)", 100_000_01, 5000, 50_000_00],
    ["machinery worth 0.02 yuan at 40 % secures 0.00", 2, 4000, 0],
  ])("%s", (_t, value, bp, limit) => {
    expect(maxSecured(value, bp)).toBe(limit);
  });

  it("a mortgage over value × LTV is refused naming the limit", () => {
    expect(() => assertWithinLtv(168_000_01, 280_000_00, 6000)).toThrow(
      expect.objectContaining({
        ruleId: "FAC-R05",
        field: "securedAmount",
        detail: expect.objectContaining({ limit: 168_000_00 }),
      }),
    );
    expect(() => assertWithinLtv(168_000_00, 280_000_00, 6000)).not.toThrow();
  });

  it("follows the pack: a forest right at 50 % from 2026 on", () => {
    const p: FactorsPolicy = {
      ...policy,
      catalogue: {
        ...policy.catalogue,
        R02: {
          ...policy.catalogue.R02!,
          ltvBp: [...policy.catalogue.R02!.ltvBp!, ...since("2026-01-01", 5000, "test")],
        },
      },
    };
    expect(ltvOf(p, single("R02"), "2025-12-31")).toBe(6000);
    expect(ltvOf(p, single("R02"), day)).toBe(5000);
  });

  it("the limit is exactly value × LTV rounded down, for every safe amount", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 10000 }), (value, bp) => {
        const limit = maxSecured(value, bp);
        return BigInt(limit) === (BigInt(value) * BigInt(bp)) / 10000n && limit <= value;
      }),
    );
  });
});
