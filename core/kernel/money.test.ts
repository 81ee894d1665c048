import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors.ts";
import { divRoundHalfUp, formatYuan, mulRatio, parseYuan, splitByWeights, sumFen } from "./money.ts";

const MAX_YUAN_FEN = 999_999_999_999_999; // 9,999,999,999,999.99 yuan: the largest parseYuan accepts

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? `${e.ruleId}:${e.field}` : "not a DomainError";
  }
  return undefined;
}

describe("KRN-R01 金额 money", () => {
  describe("splitting an amount by ratio (largest remainder)", () => {
    it.each([
      [
        "a loss of 100.01 yuan splits 40/20/20/20 to the fen",
        10001,
        [4000, 2000, 2000, 2000],
        [4001, 2000, 2000, 2000],
      ],
      ["1 fen split four ways goes to the first party", 1, [2500, 2500, 2500, 2500], [1, 0, 0, 0]],
      ["100 yuan split in thirds gives the extra fen to the first", 10000, [1, 1, 1], [3334, 3333, 3333]],
      ["2 fen split in thirds: the two lowest indexes win the tie", 2, [1, 1, 1], [1, 1, 0]],
      ["the largest remainder wins before a lower index", 10, [1, 2], [3, 7]],
      ["a party with weight 0 gets nothing", 999, [0, 5000, 0, 5000], [0, 500, 0, 499]],
      ["a zero total splits into zeros", 0, [4000, 6000], [0, 0]],
      [
        "a negative total (a refund) splits like its absolute value",
        -10001,
        [4000, 2000, 2000, 2000],
        [-4001, -2000, -2000, -2000],
      ],
      ["a single party takes everything", 123456, [7], [123456]],
    ])("%s", (_title, total, weights, expected) => {
      expect(splitByWeights(total as number, weights as number[])).toEqual(expected);
    });

    it.each([
      ["no parties", 100, []],
      ["weights adding to zero", 100, [0, 0]],
      ["a negative weight", 100, [50, -50, 100]],
      ["a fractional weight", 100, [0.5, 0.5]],
      ["a fractional total", 100.5, [1, 1]],
    ])("refuses to split with %s (KRN-R01)", (_title, total, weights) => {
      expect(ruleOf(() => splitByWeights(total as number, weights as number[]))?.startsWith("KRN-R01")).toBe(true);
    });

    const totals = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const weightLists = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 });

    it("parts always add back to the total exactly", () => {
      fc.assert(
        fc.property(totals, weightLists, (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = splitByWeights(total, weights);
          expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(total));
          expect(parts.length).toBe(weights.length);
        }),
      );
    });

    it("no part is negative when the total is not, and zero weights get nothing", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), weightLists, (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = splitByWeights(total, weights);
          parts.forEach((p, i) => {
            expect(p >= 0).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        }),
      );
    });

    it("each part is within one fen of its exact share", () => {
      fc.assert(
        fc.property(totals, weightLists, (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          splitByWeights(total, weights).forEach((p, i) => {
            // |p − total·w/sum| < 1  ⇔  |p·sum − total·w| < sum
            const diff = BigInt(p) * sum - BigInt(total) * BigInt(weights[i] as number);
            expect((diff < 0n ? -diff : diff) < sum).toBe(true);
          });
        }),
      );
    });

    it("a negative total splits as the mirror of its absolute value", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 ** 12 }), weightLists, (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const mirrored = splitByWeights(-total, weights).map((p) => (p === 0 ? 0 : -p));
          expect(mirrored).toEqual(splitByWeights(total, weights));
        }),
      );
    });
  });

  describe("yuan text at the edge", () => {
    it.each([
      ["1234.56", 123456],
      ["0.01", 1],
      ["5000", 500000],
      ["5000.5", 500050],
      [" 12.30 ", 1230],
      ["-0.99", -99],
      ["-0.00", 0],
      ["9999999999999.99", MAX_YUAN_FEN],
    ])('"%s" yuan is %i fen', (text, fen) => {
      expect(parseYuan(text as string)).toBe(fen);
    });

    it.each([["12.345"], ["1,234.56"], ["1e3"], [""], ["abc"], [".5"], ["10000000000000"], ["+1"]])(
      'refuses "%s" as a yuan amount, naming the field',
      (text) => {
        expect(ruleOf(() => parseYuan(text, "price"))).toBe("KRN-R01:price");
      },
    );

    it.each([
      [123456, "1234.56"],
      [1, "0.01"],
      [0, "0.00"],
      [-5, "-0.05"],
      [500000, "5000.00"],
    ])("%i fen is written %s yuan", (fen, text) => {
      expect(formatYuan(fen)).toBe(text);
    });

    it("formatting then parsing gives back the same fen", () => {
      fc.assert(
        fc.property(fc.integer({ min: -MAX_YUAN_FEN, max: MAX_YUAN_FEN }), (fen) => {
          expect(parseYuan(formatYuan(fen))).toBe(fen);
        }),
      );
    });
  });

  describe("rounding half-up to the fen", () => {
    it.each([
      ["0.5 fen rounds up", 1n, 2n, 1n],
      ["0.49 fen rounds down", 49n, 100n, 0n],
      ["2.5 fen rounds to 3", 5n, 2n, 3n],
      ["-2.5 fen rounds away from zero to -3", -5n, 2n, -3n],
      ["an exact quotient is unchanged", 10n, 5n, 2n],
    ])("%s", (_title, a, b, q) => {
      expect(divRoundHalfUp(a as bigint, b as bigint)).toBe(q);
    });

    it.each([
      ["5,000 yuan × 75 % is 3,750 yuan", 500000, 7500, 10000, 375000],
      ["1 fen × 50 % rounds up to 1 fen", 1, 1, 2, 1],
      ["3 fen × 1/3 is 1 fen", 3, 1, 3, 1],
      ["the product is exact beyond 2^53", 9007199254740, 1000, 1000, 9007199254740],
    ])("mulRatio: %s", (_title, amount, num, den, expected) => {
      expect(mulRatio(amount, num, den)).toBe(expected);
    });

    it("half-up is the nearest fen, and ties go away from zero", () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
          fc.bigInt({ min: 1n, max: 10n ** 9n }),
          (a, b) => {
            const q = divRoundHalfUp(a, b);
            const r2 = 2n * (a - q * b); // twice the rounding error, in units of 1/b fen
            expect(r2 >= -b && r2 <= b).toBe(true);
            // a tie (error exactly half a fen) is resolved away from zero
            if (r2 === b || r2 === -b) expect(a > 0n ? r2 === -b : r2 === b).toBe(true);
          },
        ),
      );
    });

    it("refuses a zero denominator and a fractional amount (KRN-R01)", () => {
      expect(ruleOf(() => mulRatio(100, 1, 0))).toBe("KRN-R01:denominator");
      expect(ruleOf(() => mulRatio(1.5, 1, 2))).toBe("KRN-R01:amount");
    });
  });

  describe("adding amounts", () => {
    it("adds fen and refuses to leave the safe range", () => {
      expect(sumFen([100, 250, -50])).toBe(300);
      expect(ruleOf(() => sumFen([Number.MAX_SAFE_INTEGER, 1]))).toBe("KRN-R01:sum");
      expect(ruleOf(() => sumFen([1, 0.5]))).toBe("KRN-R01:amounts[1]");
    });
  });
});
