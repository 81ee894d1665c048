import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyProceeds, type LienClaim, type Waterfall } from "./priority-repayment.ts";

const bankA: LienClaim = { lienId: "A", interestArrears: 3_000_00, principal: 150_000_00 };
const bankB: LienClaim = { lienId: "B", interestArrears: 1_000_00, principal: 40_000_00 };
const outside = { id: "X", amount: 20_000_00 };

function paidTotal(w: Waterfall): number {
  let s = w.costs + w.holder;
  for (const l of w.liens) s += l.interest + l.principal;
  for (const o of w.offPlatform) s += o.paid;
  return s;
}

describe("FAC-R07 优先受偿 priority repayment", () => {
  it("pays disposal costs, then platform liens in rank order, then outside claims, then the holder", () => {
    const w = applyProceeds(250_000_00, 5_000_00, [bankA, bankB], [outside]);
    expect(w.costs).toBe(5_000_00);
    expect(w.liens).toEqual([
      { lienId: "A", interest: 3_000_00, principal: 150_000_00, shortfall: 0 },
      { lienId: "B", interest: 1_000_00, principal: 40_000_00, shortfall: 0 },
    ]);
    expect(w.offPlatform).toEqual([{ id: "X", paid: 20_000_00, shortfall: 0 }]);
    expect(w.holder).toBe(31_000_00);
  });

  it.each([
    [
      "proceeds below the costs go to the costs only",
      4_000_00,
      { costs: 4_000_00, a: [0, 0], b: [0, 0], x: 0, holder: 0 },
    ],
    [
      "the first lien takes its interest arrears before its principal",
      6_000_00,
      { costs: 5_000_00, a: [1_000_00, 0], b: [0, 0], x: 0, holder: 0 },
    ],
    [
      "the second lien gets nothing until the first is whole",
      158_000_00,
      { costs: 5_000_00, a: [3_000_00, 150_000_00], b: [0, 0], x: 0, holder: 0 },
    ],
    [
      "an outside claim gets nothing until every platform lien is whole",
      199_000_00,
      { costs: 5_000_00, a: [3_000_00, 150_000_00], b: [1_000_00, 40_000_00], x: 0, holder: 0 },
    ],
    [
      "the holder gets what is left after every claim",
      230_000_01,
      { costs: 5_000_00, a: [3_000_00, 150_000_00], b: [1_000_00, 40_000_00], x: 20_000_00, holder: 11_000_01 },
    ],
  ])("%s", (_t, proceeds, e) => {
    const w = applyProceeds(proceeds, 5_000_00, [bankA, bankB], [outside]);
    expect(w.costs).toBe(e.costs);
    expect([w.liens[0]?.interest, w.liens[0]?.principal]).toEqual(e.a);
    expect([w.liens[1]?.interest, w.liens[1]?.principal]).toEqual(e.b);
    expect(w.offPlatform[0]?.paid).toBe(e.x);
    expect(w.holder).toBe(e.holder);
  });

  it("a short lien reports its shortfall: interest paid, principal partly", () => {
    const w = applyProceeds(100_000_00, 0, [bankA]);
    expect(w.liens[0]).toEqual({ lienId: "A", interest: 3_000_00, principal: 97_000_00, shortfall: 53_000_00 });
    expect(w.holder).toBe(0);
  });

  it("refuses negative proceeds", () => {
    expect(() => applyProceeds(-1, 0, [])).toThrow(expect.objectContaining({ ruleId: "FAC-R07", field: "proceeds" }));
  });

  const claim = fc.record({
    lienId: fc.uuid(),
    interestArrears: fc.integer({ min: 0, max: 1e10 }),
    principal: fc.integer({ min: 0, max: 1e11 }),
  });
  const scenario = fc.record({
    proceeds: fc.integer({ min: 0, max: 5e11 }),
    costs: fc.integer({ min: 0, max: 1e10 }),
    liens: fc.array(claim, { maxLength: 6 }),
    outside: fc.array(fc.record({ id: fc.uuid(), amount: fc.integer({ min: 0, max: 1e11 }) }), { maxLength: 3 }),
  });

  it("never pays out more or less than the proceeds, and no payment is negative", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const w = applyProceeds(s.proceeds, s.costs, s.liens, s.outside);
        const parts = [
          w.costs,
          w.holder,
          ...w.liens.flatMap((l) => [l.interest, l.principal, l.shortfall]),
          ...w.offPlatform.map((o) => o.paid),
        ];
        return paidTotal(w) === s.proceeds && parts.every((p) => p >= 0);
      }),
    );
  });

  it("never pays a lower rank before every higher rank is whole", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const w = applyProceeds(s.proceeds, s.costs, s.liens, s.outside);
        // the sequence of claims in priority order: costs, each lien, each outside claim, the holder
        const seq: [paid: number, short: number][] = [
          [w.costs, Math.max(0, s.costs - w.costs)],
          ...w.liens.map((l): [number, number] => [l.interest + l.principal, l.shortfall]),
          ...w.offPlatform.map((o): [number, number] => [o.paid, o.shortfall]),
          [w.holder, 0],
        ];
        let someoneShort = false;
        for (const [paid, short] of seq) {
          if (someoneShort && paid > 0) return false;
          if (short > 0) someoneShort = true;
        }
        // within a lien, principal is paid only once interest arrears are whole
        return w.liens.every((l, i) => {
          const c = s.liens[i] as LienClaim;
          return l.principal === 0 || l.interest === c.interestArrears;
        });
      }),
    );
  });
});
