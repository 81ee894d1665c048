import { describe, expect, it } from "vitest";
import { ningdeDemoProducts } from "../demo/ningde-demo-products.ts";
import type { CreditProductTerms } from "../domain/credit-product.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import {
  assertProductFits,
  assertRequiredParties,
  creditLimit,
  discountedRate,
  labourBenefit,
  productLtv,
  productProblems,
} from "./credit-product.ts";

const day = "2026-03-01";
const product = (id: string): CreditProductTerms => {
  const p = ningdeDemoProducts.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const raftLoan = product("fish-raft-farming");
const homestay = product("homestay");
const bundle = { kind: "bundle" as const, typeCodes: ["R04", "A01", "R05"] };

describe("FAC-R11 信贷产品 credit products", () => {
  it.each(ningdeDemoProducts.map((p) => [p.name.zh, p]))("the demo product %s may be offered", (_n, p) => {
    expect(productProblems(p, policy, day)).toEqual([]);
  });

  it.each([
    ["an LTV override above FAC-R05's", { ltvOverrideBp: { bundle: 6500 } }, "ltvOverrideBp.bundle"],
    ["a labour-quality type as collateral", { acceptedTypes: ["R04", "A01", "R05", "L01"] }, "acceptedTypes"],
    ["a required guarantor it does not name", { guarantorId: null }, "guarantorId"],
    ["a least amount above the largest", { amountMinFen: 600_000_00 }, "amountMinFen"],
    ["no sharing agreement without both guarantor and insurer", { requiresInsurer: false, insurerId: null }, "sharing"],
    [
      "a benefit for a type that is not labour quality",
      { labourBenefits: { A01: { limitUpliftBp: 1, rateDiscountBp: 1 } } },
      "labourBenefits.A01",
    ],
  ])("a product with %s is refused", (_t, change, field) => {
    const problems = productProblems({ ...raftLoan, ...change } as CreditProductTerms, policy, day);
    expect(problems.map(([f]) => f)).toContain(field);
  });

  it("a product lends at its own LTV where lower, never above FAC-R05's", () => {
    expect(productLtv(product("fish-raft-custody"), policy, bundle, day)).toBe(5000);
    expect(productLtv(homestay, policy, { kind: "factor", typeCodes: ["I01"] }, day)).toBe(5000);
    expect(
      productLtv({ ...homestay, ltvOverrideBp: { A07: 9000 } }, policy, { kind: "factor", typeCodes: ["A07"] }, day),
    ).toBe(5000);
  });

  it.each([
    ["渔排养殖贷 on a complete bundle for 150,000 yuan over 24 months fits", raftLoan, bundle, 150_000_00, 24, null],
    [
      "渔排养殖贷 refuses a rural house",
      raftLoan,
      { kind: "factor" as const, typeCodes: ["A07"] },
      150_000_00,
      24,
      "factorIds",
    ],
    ["渔排养殖贷 refuses 600,000 yuan", raftLoan, bundle, 600_000_00, 24, "amount"],
    ["渔排养殖贷 refuses a 48-month term", raftLoan, bundle, 150_000_00, 48, "termMonths"],
    [
      "民宿贷 on a homestay revenue right fits",
      homestay,
      { kind: "factor" as const, typeCodes: ["I01"] },
      40_000_00,
      36,
      null,
    ],
  ])("%s", (_t, p, unit, amount, term, field) => {
    const call = () => assertProductFits(p, policy, unit, amount, term, day);
    if (field === null) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R11", field }));
  });

  it.each([
    ["a certified professional farmer gets +10 % limit and −0.20 % rate", ["L01"], { upliftBp: 1000, discountBp: 20 }],
    ["a credit household too: +20 % limit and −0.50 % rate", ["L01", "L03"], { upliftBp: 2000, discountBp: 50 }],
    [
      "all three credentials are capped at +20 % and −0.50 %",
      ["L01", "L02", "L03"],
      { upliftBp: 2000, discountBp: 50 },
    ],
    ["the same credential twice counts once", ["L01", "L01"], { upliftBp: 1000, discountBp: 20 }],
    ["no credential, no benefit", [], { upliftBp: 0, discountBp: 0 }],
  ])("category L: %s", (_t, held, benefit) => {
    expect(labourBenefit(raftLoan, held)).toEqual(benefit);
  });

  it("the uplift raises the limit over the secured headroom, within the product maximum", () => {
    expect(creditLimit(raftLoan, 168_000_00, 1000)).toBe(184_800_00);
    expect(creditLimit(raftLoan, 480_000_00, 2000)).toBe(500_000_00);
  });

  it("the discount never takes the rate below the product's lowest", () => {
    expect(discountedRate(raftLoan, 450, 50)).toBe(400);
    expect(discountedRate(raftLoan, 400, 50)).toBe(385);
  });

  it("a loan of a product requiring guarantor and insurer names both", () => {
    expect(() => assertRequiredParties(raftLoan, "nd-gov-guarantor", null)).toThrow(
      expect.objectContaining({ ruleId: "FAC-R11", field: "insurerId" }),
    );
    expect(() => assertRequiredParties(raftLoan, "nd-gov-guarantor", "nd-agri-insurer")).not.toThrow();
  });
});
