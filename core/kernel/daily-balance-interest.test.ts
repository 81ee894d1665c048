import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./business-date.ts";
import {
  balanceProduct,
  dailyBalanceInterest,
  interestOnBalanceProduct,
  segmentBalanceInterest,
  segmentsBalanceProduct,
} from "./daily-balance-interest.ts";
import { isDomainError } from "./errors.ts";
import { parseRate, rateFromBasisPoints } from "./rate.ts";

const RATE_425 = parseRate("4.25%");

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? `${e.ruleId}:${e.field}` : "not a DomainError";
  }
  return undefined;
}

describe("KRN-R02 积数计息 daily-balance interest", () => {
  it.each([
    ["30,000 yuan for 30 days at 4.25 % earns 106.25 yuan", 3_000_000, 30, "4.25%", 10625],
    ["50,000 yuan for 1 day at 4.25 % earns 5.90 yuan (5.902… rounds down)", 5_000_000, 1, "4.25%", 590],
    ["10,000 yuan for 360 days at 3.65 % earns exactly 365 yuan", 1_000_000, 360, "3.65%", 36500],
    ["nothing borrowed earns nothing", 0, 30, "4.25%", 0],
    ["a zero rate earns nothing", 3_000_000, 30, "0%", 0],
  ])("%s", (_title, principal, days, rate, interest) => {
    const balances = Array.from({ length: days as number }, () => principal as number);
    expect(dailyBalanceInterest(balances, parseRate(rate as string))).toBe(interest);
  });

  it("rounds once per settlement period, not day by day", () => {
    // 10 yuan at 4.25 %: 0.118 fen a day would round to 0 each day; 30 days together make 3.54 → 4 fen.
    const balances = Array.from({ length: 30 }, () => 1000);
    expect(dailyBalanceInterest(balances, RATE_425)).toBe(4);
    expect(balances.map((b) => dailyBalanceInterest([b], RATE_425)).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("a half fen of interest rounds up", () => {
    // 积数 72,000 fen-days at 0.25 %: 72,000 × 0.0025 / 360 = 0.5 fen → 1 fen.
    expect(interestOnBalanceProduct(72_000n, parseRate("0.25%"))).toBe(1);
    expect(interestOnBalanceProduct(71_999n, parseRate("0.25%"))).toBe(0);
  });

  it("王女士 draws 30,000 yuan on 1 March and repays 10,000 on 11 March: segments count 算头不算尾", () => {
    const segments = [
      { from: "2026-03-01", to: "2026-03-11", principal: 3_000_000 },
      { from: "2026-03-11", to: "2026-03-21", principal: 2_000_000 },
    ];
    expect(segmentsBalanceProduct(segments)).toBe(50_000_000n);
    // 50,000,000 × 0.0425 / 360 = 5,902.77… fen
    expect(segmentBalanceInterest(segments, RATE_425)).toBe(5903);
    const daily = [...Array.from({ length: 10 }, () => 3_000_000), ...Array.from({ length: 10 }, () => 2_000_000)];
    expect(dailyBalanceInterest(daily, RATE_425)).toBe(5903);
  });

  it("a rate change inside the period applies from its date and is still rounded once", () => {
    const segments = [
      { from: "2026-03-01", to: "2026-03-16", principal: 3_000_000 },
      { from: "2026-03-16", to: "2026-03-31", principal: 3_000_000, annualRate: rateFromBasisPoints(400) },
    ];
    // 45,000,000 × (0.0425 + 0.04) / 360 = 10,312.5 fen → 10,313 (separately: 5,312.5 + 5,000)
    expect(segmentBalanceInterest(segments, RATE_425)).toBe(10313);
  });

  it.each([
    [
      "a segment ending before it starts",
      [{ from: "2026-03-10", to: "2026-03-01", principal: 1 }],
      "KRN-R02:segments[0].to",
    ],
    [
      "overlapping segments",
      [
        { from: "2026-03-01", to: "2026-03-10", principal: 1 },
        { from: "2026-03-09", to: "2026-03-12", principal: 1 },
      ],
      "KRN-R02:segments[1].from",
    ],
    [
      "a negative principal",
      [{ from: "2026-03-01", to: "2026-03-02", principal: -1 }],
      "KRN-R02:segments[0].principal",
    ],
    [
      "a date that does not exist",
      [{ from: "2026-02-30", to: "2026-03-02", principal: 1 }],
      "KRN-R03:segments[0].from",
    ],
  ])("refuses %s, naming the rule and field", (_title, segments, ruleAndField) => {
    expect(ruleOf(() => segmentBalanceInterest(segments as never, RATE_425))).toBe(ruleAndField);
  });

  it("refuses a fractional daily principal", () => {
    expect(ruleOf(() => balanceProduct([100, 0.5]))).toBe("KRN-R02:dailyClosingPrincipals[1]");
  });

  const principals = fc.array(fc.integer({ min: 0, max: 10 ** 11 }), { minLength: 0, maxLength: 40 });
  const basisPoints = fc.integer({ min: 0, max: 3600 });

  it("interest is within half a fen of the exact Σ principal × rate / 360", () => {
    fc.assert(
      fc.property(principals, basisPoints, (daily, bp) => {
        const interest = dailyBalanceInterest(daily, rateFromBasisPoints(bp));
        const exactTimes = balanceProduct(daily) * BigInt(bp); // × 1/(10000·360)
        const den = 10_000n * 360n;
        const err = BigInt(interest) * den - exactTimes;
        expect(2n * (err < 0n ? -err : err) <= den).toBe(true);
      }),
    );
  });

  it("segments and the same days listed one by one give the same interest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 10 }), fc.integer({ min: 0, max: 40 })), { maxLength: 8 }),
        basisPoints,
        (stretches, bp) => {
          let from = "2026-01-01";
          const segments = stretches.map(([principal, days]) => {
            const s = { from, to: addDays(from, days), principal };
            from = s.to;
            return s;
          });
          const daily = stretches.flatMap(([principal, days]) => Array.from({ length: days }, () => principal));
          const rate = rateFromBasisPoints(bp);
          expect(segmentBalanceInterest(segments, rate)).toBe(dailyBalanceInterest(daily, rate));
        },
      ),
    );
  });

  it("more principal never earns less interest", () => {
    fc.assert(
      fc.property(principals, fc.integer({ min: 0, max: 10 ** 9 }), basisPoints, (daily, extra, bp) => {
        fc.pre(daily.length > 0);
        const rate = rateFromBasisPoints(bp);
        const more = daily.map((p, i) => (i === 0 ? p + extra : p));
        expect(dailyBalanceInterest(more, rate) >= dailyBalanceInterest(daily, rate)).toBe(true);
      }),
    );
  });
});
