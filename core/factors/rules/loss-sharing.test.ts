import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitByWeights } from "../../kernel/mod.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import type { SharingAgreement } from "../policy-schemas.ts";
import { lossOnLoan, shareLoss, sharingAgreementFor } from "./loss-sharing.ts";

const standard = sharingAgreementFor(policy, null, "2026-03-01");
const NO_CAPS = { guarantor: null, insurer: null, governmentFund: null };
const agreement = (
  sharesBp: SharingAgreement["sharesBp"],
  perLoanCapsFen: SharingAgreement["perLoanCapsFen"] = NO_CAPS,
): SharingAgreement => ({ sharesBp, perLoanCapsFen });
const parts = (bank: number, guarantor: number, insurer: number, governmentFund: number) => ({
  bank,
  guarantor,
  insurer,
  governmentFund,
});

describe("FAC-R09 政银保担风险共担 risk sharing", () => {
  it("the default agreement is guarantor 40 %, government fund 20 %, insurer 20 %, bank 20 %", () => {
    expect(standard.sharesBp).toEqual({ bank: 2000, guarantor: 4000, insurer: 2000, governmentFund: 2000 });
  });

  it.each([
    [
      "a loss of 100,000 yuan splits 40/20/20/20",
      100_000_00,
      standard,
      null,
      parts(20_000_00, 40_000_00, 20_000_00, 20_000_00),
    ],
    [
      "a loss of 100.01 yuan splits 40/20/20/20 to the fen: the largest remainder (guarantor) takes the odd fen",
      100_01,
      standard,
      null,
      parts(20_00, 40_01, 20_00, 20_00),
    ],
    [
      "a loss of 0.01 yuan shared equally goes to the bank (ties: bank first)",
      1,
      agreement(parts(2500, 2500, 2500, 2500)),
      null,
      parts(1, 0, 0, 0),
    ],
    [
      "a loss of 0.03 yuan shared equally goes to bank, guarantor and insurer",
      3,
      agreement(parts(2500, 2500, 2500, 2500)),
      null,
      parts(1, 1, 1, 0),
    ],
    ["no loss, no shares", 0, standard, null, parts(0, 0, 0, 0)],
    [
      "a guarantor capped at 10,000 yuan takes 10,000; the other 90,000 are re-split 20/20/20",
      100_000_00,
      agreement(standard.sharesBp, { ...NO_CAPS, guarantor: 10_000_00 }),
      null,
      parts(30_000_00, 10_000_00, 30_000_00, 30_000_00),
    ],
    [
      "the fund with 5,000 yuan left of its annual cap takes 5,000; the rest is re-split 20/40/20",
      100_000_00,
      standard,
      5_000_00,
      parts(23_750_00, 47_500_00, 23_750_00, 5_000_00),
    ],
    [
      "what every capped party cannot take finally stays with the bank",
      100_000_00,
      agreement(standard.sharesBp, { guarantor: 1_000_00, insurer: 1_000_00, governmentFund: 1_000_00 }),
      null,
      parts(97_000_00, 1_000_00, 1_000_00, 1_000_00),
    ],
    [
      "even when the bank's own share is nil",
      100_000_00,
      agreement(parts(0, 5000, 2500, 2500), { guarantor: 1_000_00, insurer: 1_000_00, governmentFund: 1_000_00 }),
      null,
      parts(97_000_00, 1_000_00, 1_000_00, 1_000_00),
    ],
    [
      "a cap that binds only after a first re-split binds too",
      100_000_00,
      agreement(standard.sharesBp, { guarantor: 10_000_00, insurer: 25_000_00, governmentFund: null }),
      null,
      parts(32_500_00, 10_000_00, 25_000_00, 32_500_00),
    ],
  ])("%s", (_t, loss, a, fundLeft, expected) => {
    const shares = shareLoss(loss, a, fundLeft);
    expect(shares).toEqual(expected);
  });

  it.each([
    [
      "principal 150,000 + interest 3,000 − proceeds 112,500 leaves a loss of 40,500 yuan",
      150_000_00,
      3_000_00,
      112_500_00,
      40_500_00,
    ],
    ["proceeds covering everything leave no loss", 150_000_00, 3_000_00, 153_000_00, 0],
  ])("loss on a defaulted loan: %s", (_t, p, i, applied, loss) => {
    expect(lossOnLoan(p, i, applied)).toBe(loss);
  });

  it("proceeds applied beyond what the loan owed are refused", () => {
    expect(() => lossOnLoan(100, 0, 101)).toThrow(expect.objectContaining({ ruleId: "FAC-R09" }));
  });

  it("refuses a negative loss", () => {
    expect(() => shareLoss(-1, standard)).toThrow(expect.objectContaining({ ruleId: "FAC-R09", field: "loss" }));
  });

  const bp = fc.integer({ min: 0, max: 10000 });
  const shares = fc
    .tuple(bp, bp, bp)
    .filter(([a, b, c]) => a + b + c <= 10000)
    .map(([g, i, f]) => parts(10000 - g - i - f, g, i, f));
  const cap = fc.option(fc.integer({ min: 0, max: 1e11 }), { nil: null });
  const arbitraryAgreement = fc
    .record({ s: shares, g: cap, i: cap, f: cap })
    .map(({ s, g, i, f }) => agreement(s, { guarantor: g, insurer: i, governmentFund: f }));
  const loss = fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.maxSafeNat());

  it("the parts always add up to the loss, no part is negative, and every cap is respected", () => {
    fc.assert(
      fc.property(loss, arbitraryAgreement, cap, (l, a, fundLeft) => {
        const s = shareLoss(l, a, fundLeft);
        const c = a.perLoanCapsFen;
        const fundCap = Math.min(c.governmentFund ?? Infinity, fundLeft ?? Infinity);
        return (
          BigInt(s.bank) + BigInt(s.guarantor) + BigInt(s.insurer) + BigInt(s.governmentFund) === BigInt(l) &&
          s.bank >= 0 &&
          s.guarantor >= 0 &&
          s.insurer >= 0 &&
          s.governmentFund >= 0 &&
          s.guarantor <= (c.guarantor ?? Infinity) &&
          s.insurer <= (c.insurer ?? Infinity) &&
          s.governmentFund <= fundCap
        );
      }),
    );
  });

  it("without caps it is the exact largest-remainder split, ties in the order bank, guarantor, insurer, fund", () => {
    fc.assert(
      fc.property(loss, shares, (l, s) => {
        const got = shareLoss(l, agreement(s));
        const want = splitByWeights(l, [s.bank, s.guarantor, s.insurer, s.governmentFund]);
        return [got.bank, got.guarantor, got.insurer, got.governmentFund].every((p, i) => p === want[i]);
      }),
    );
  });

  it("a party not held at its cap never gets less than its plain proportional share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), arbitraryAgreement, (l, a) => {
        const s = shareLoss(l, a);
        const keys = ["bank", "guarantor", "insurer", "governmentFund"] as const;
        return keys.every((k) => {
          const c = k === "bank" ? null : a.perLoanCapsFen[k];
          const floor = Number((BigInt(l) * BigInt(a.sharesBp[k])) / 10000n);
          return s[k] === c || s[k] >= floor;
        });
      }),
    );
  });
});
