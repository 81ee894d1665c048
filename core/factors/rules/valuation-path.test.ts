import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import { parseQuantity } from "../domain/quantity.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import {
  assertValuationCurrent,
  revenueValue,
  selfAssessedValue,
  selfAssessmentOf,
  valuationExpiresOn,
  valuationPath,
} from "./valuation-path.ts";

const day = "2026-03-01";
const bundleUnit = { typeCodes: ["R04", "A01", "R05"] };

describe("FAC-R04 价值评估 valuation path", () => {
  it.each([
    ["12 rafts in good condition at 15,000 yuan each are worth 180,000 yuan", "A01", "12", "good", 180_000_00],
    [
      "20 亩 of sea area in fair condition at 3,000 yuan/亩 × 80 % are worth 48,000 yuan",
      "R04",
      "20",
      "fair",
      48_000_00,
    ],
    ["3.5 亩 of forest in poor condition at 1,500 yuan/亩 × 60 % are worth 3,150 yuan", "R02", "3.5", "poor", 3_150_00],
    ["0.001 m² of greenhouse at 80 yuan rounds half-up to 8 fen", "A02", "0.001", "good", 8],
  ] as const)("self-assessment table: %s", (_t, type, qty, condition, fen) => {
    expect(selfAssessmentOf(policy, type, parseQuantity(qty), condition, day)).toBe(fen);
  });

  it("machinery has no unit price: a licensed appraiser values it", () => {
    expect(() => selfAssessmentOf(policy, "A04", 1000, "good", day)).toThrow(
      expect.objectContaining({ ruleId: "FAC-R04", field: "method" }),
    );
  });

  it.each([
    [
      "a bundle self-assessed at 280,000 yuan takes the self-assessment path",
      bundleUnit,
      280_000_00,
      false,
      "self_assessment",
    ],
    ["exactly 300,000 yuan still takes the self-assessment path", bundleUnit, 300_000_00, false, "self_assessment"],
    ["300,000.01 yuan goes to a licensed appraiser", bundleUnit, 300_000_01, false, "appraisal"],
    ["a lender may ask for an appraiser below the ceiling", bundleUnit, 100_000_00, true, "appraisal"],
    ["machinery always goes to an appraiser", { typeCodes: ["A04"] }, null, false, "appraisal"],
    ["a homestay revenue right is valued on verified revenue", { typeCodes: ["I01"] }, null, false, "revenue"],
  ])("%s", (_t, unit, selfAssessed, lenderAsks, path) => {
    expect(valuationPath(policy, unit, selfAssessed, lenderAsks, day)).toBe(path);
  });

  it("a labour-quality credential is not valued", () => {
    expect(() => valuationPath(policy, { typeCodes: ["L01"] }, null, false, day)).toThrow(
      expect.objectContaining({ ruleId: "FAC-R04" }),
    );
  });

  it("follows the pack: with a 500,000-yuan ceiling from 2026, 400,000 yuan is self-assessed", () => {
    const p: FactorsPolicy = {
      ...policy,
      valuation: {
        ...policy.valuation,
        selfAssessmentMaxFen: [...policy.valuation.selfAssessmentMaxFen, ...since("2026-01-01", 500_000_00, "test")],
      },
    };
    expect(valuationPath(p, bundleUnit, 400_000_00, false, day)).toBe("self_assessment");
    expect(valuationPath(p, bundleUnit, 400_000_00, false, "2025-06-30")).toBe("appraisal");
  });

  it("an income right is worth its 12 months of verified revenue", () => {
    expect(
      revenueValue(
        policy,
        Array.from({ length: 12 }, () => 8_000_00),
        day,
      ),
    ).toBe(96_000_00);
    expect(() => revenueValue(policy, [8_000_00], day)).toThrow(expect.objectContaining({ field: "monthlyRevenue" }));
  });

  it.each([
    ["a valuation of 15 March 2026 backs a mortgage on 14 March 2027", "2026-03-15", "2027-03-14", true],
    ["it has expired on 15 March 2027", "2026-03-15", "2027-03-15", false],
    ["a valuation of 31 January expires on 31 January a year later", "2026-01-31", "2027-01-30", true],
  ])("%s", (_t, valuedOn, on, ok) => {
    const v = { valuedOn, expiresOn: valuationExpiresOn(policy, valuedOn) };
    const call = () => assertValuationCurrent(v, on);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R04", field: "valuation" }));
  });

  it("no valuation at all cannot back a mortgage", () => {
    expect(() => assertValuationCurrent(null, day)).toThrow(expect.objectContaining({ ruleId: "FAC-R04" }));
  });

  it("the table's value is the exact product rounded half-up, never off by more than half a fen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10000 }),
        (price, qty, cond) => {
          const v = selfAssessedValue(price, qty, cond);
          const exact2 = 2n * BigInt(price) * BigInt(qty) * BigInt(cond);
          const diff2 = exact2 - 2n * BigInt(v) * 10_000_000n; // 2 × (exact − v) × 10^7
          return diff2 > -10_000_000n && diff2 <= 10_000_000n;
        },
      ),
    );
  });
});
