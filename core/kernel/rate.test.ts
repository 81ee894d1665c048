import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors.ts";
import {
  compareRates,
  formatRatePercent,
  parseRate,
  rateFromBasisPoints,
  rateOf,
  rateTextSchema,
  rateToBasisPoints,
} from "./rate.ts";

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? `${e.ruleId}:${e.field}` : "not a DomainError";
  }
  return undefined;
}

describe("KRN-R02 利率 rates are exact", () => {
  it.each([
    ["4.25%", 17n, 400n],
    ["0.0425", 17n, 400n],
    ["425bp", 17n, 400n],
    ["425 bps", 17n, 400n],
    ["425‱", 17n, 400n],
    ["0.5‰", 1n, 2000n],
    ["3.65%", 73n, 2000n],
    ["0%", 0n, 1n],
    ["24%", 6n, 25n],
    [" 4.35 % ", 87n, 2000n],
  ])('"%s" is the exact fraction %s/%s', (text, num, den) => {
    expect(parseRate(text as string)).toEqual({ numerator: num, denominator: den });
  });

  it.each([["-4%"], ["4.25e-2"], ["abc"], [""], ["4,25%"], ["0.1234567890123%"], ["%"]])(
    'refuses "%s" as a rate, naming the field',
    (text) => {
      expect(ruleOf(() => parseRate(text, "annualRate"))).toBe("KRN-R02:annualRate");
    },
  );

  it("the 农机云贷 rate from 4.25 % reads the same as basis points, percent and decimal", () => {
    expect(rateFromBasisPoints(425)).toEqual(parseRate("4.25%"));
    expect(rateToBasisPoints(parseRate("0.0425"))).toBe(425);
    expect(formatRatePercent(rateFromBasisPoints(425))).toBe("4.25%");
  });

  it.each([
    ["4.25%", "4.25%"],
    ["0.0001", "0.01%"],
    ["1", "100%"],
    ["0.12345678%", "0.12345678%"],
  ])('"%s" is written back as %s', (text, percent) => {
    expect(formatRatePercent(parseRate(text))).toBe(percent);
  });

  it("a rate that is not a terminating decimal is written as a fraction, never rounded", () => {
    expect(formatRatePercent(rateOf(1n, 3n))).toBe("100/3%");
    expect(ruleOf(() => rateToBasisPoints(rateOf(1n, 3n)))).toBe("KRN-R02:rate");
  });

  it("refuses negative basis points and fractional ones", () => {
    expect(ruleOf(() => rateFromBasisPoints(-1))).toBe("KRN-R02:rate");
    expect(ruleOf(() => rateFromBasisPoints(4.5))).toBe("KRN-R02:rate");
  });

  it("basis points, percent text and back agree for every whole number of basis points", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (bp) => {
        const rate = rateFromBasisPoints(bp);
        expect(rateToBasisPoints(rate)).toBe(bp);
        expect(parseRate(formatRatePercent(rate))).toEqual(rate);
        expect(parseRate(`${bp}bp`)).toEqual(rate);
      }),
    );
  });

  it("orders rates exactly", () => {
    expect(compareRates(parseRate("4.25%"), parseRate("4.35%"))).toBe(-1);
    expect(compareRates(parseRate("0.0425"), parseRate("425bp"))).toBe(0);
    expect(compareRates(parseRate("0.000000000001"), parseRate("0%"))).toBe(1);
  });

  it("a policy pack may write a rate as text; the schema refuses what cannot be parsed", () => {
    expect(v.is(rateTextSchema, "4.25%")).toBe(true);
    expect(v.is(rateTextSchema, "4.25")).toBe(true);
    expect(v.is(rateTextSchema, "about 4%")).toBe(false);
  });
});
