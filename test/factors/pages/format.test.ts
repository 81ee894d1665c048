import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYuan } from "../../../core/kernel/mod.ts";
import { parsePercentBp, pct, pctField, quantityText, wan, yuan } from "../../../http/factors/pages/format.ts";

describe("KRN-R01 amounts on the factors pages: integer fen in, exact text out", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [15_000_000, "150,000.00"],
    [2_159_000, "21,590.00"],
    [-123_456, "-1,234.56"],
    [900_719_925_474_099, "9,007,199,254,740.99"],
  ])("%i fen reads %s yuan", (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it("every amount shown reads back to the same fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (fen) => {
        expect(parseYuan(yuan(fen).replaceAll(",", ""))).toBe(fen);
      }),
    );
  });

  it.each([
    [1_500_000_000, "1,500.00"],
    [5_000, "0.01"],
    [4_999, "0.00"],
    [2_159_000, "2.16"],
  ])("%i fen is %s 万元, rounded half-up", (fen, text) => {
    expect(wan(fen)).toBe(text);
  });

  it.each([
    [6000, "60%"],
    [385, "3.85%"],
    [450, "4.5%"],
    [10, "0.1%"],
  ])("%i basis points read %s", (bp, text) => {
    expect(pct(bp)).toBe(text);
  });

  it("a rate typed as a percentage reads back to the same basis points", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(parsePercentBp(pctField(bp))).toBe(bp);
      }),
    );
    expect(parsePercentBp("4.5 %")).toBe(450);
    expect(parsePercentBp("abc")).toBeUndefined();
    expect(parsePercentBp("4.555")).toBeUndefined();
  });

  it("quantities in thousandths read with their unit", () => {
    expect(quantityText(12_000, "口")).toBe("12 口");
    expect(quantityText(3_500, "亩")).toBe("3.5 亩");
    expect(quantityText(1, "")).toBe("0.001");
  });
});
