import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitByWeights } from "../../kernel/mod.ts";
import { splitInto } from "./fast-split.ts";

describe("KRN-R01 拆分 the payout rules' allocation-free split equals the kernel's", () => {
  it.each([
    ["100.01 yuan split 40/20/20/20", 10_001, [40, 20, 20, 20], [4_001, 2_000, 2_000, 2_000]],
    ["1 fen split 50/50 goes to the first", 1, [1, 1], [1, 0]],
    ["100 yuan split 3 ways equally", 10_000, [1, 1, 1], [3_334, 3_333, 3_333]],
    ["a share with zero weight gets nothing", 999, [0, 7_000, 3_000], [0, 699, 300]],
  ])("%s", (_title, total, weights, expected) => {
    const out: number[] = [];
    splitInto(total, weights, weights.length, out);
    expect(out).toEqual(expected);
  });

  it("property: same parts as splitByWeights for any amount and weights", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(10_000_000), fc.maxSafeNat()),
        fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 9 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const out: number[] = [];
          splitInto(total, weights, weights.length, out);
          expect(out).toEqual(splitByWeights(total, weights));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
