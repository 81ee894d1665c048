import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lien } from "../domain/lending.ts";
import { assertWithinHeadroom, headroom, nextRegistrationSeq, rankLiens } from "./lien-ranking.ts";

function lien(
  id: string,
  registeredAt: string,
  securedAmount: number,
  seq: number,
  status: Lien["status"] = "active",
): Lien {
  return {
    id,
    regionCode: "350900",
    unitId: "b-1",
    factorIds: ["f-1"],
    loanId: `loan-${id}`,
    bankId: `bank-${id}`,
    securedAmount,
    registeredAt,
    registrationSeq: seq,
    status,
    endedAt: null,
  };
}

describe("FAC-R06 抵押顺位 lien ranking", () => {
  it("ranks liens by when their registration completed on the platform, first registered first", () => {
    const ranked = rankLiens([
      lien("c", "2026-05-01T08:00:00.000Z", 10, 3),
      lien("a", "2026-03-01T08:00:00.000Z", 10, 1),
      lien("b", "2026-04-01T08:00:00.000Z", 10, 2),
    ]);
    expect(ranked.map((l) => l.id)).toEqual(["a", "b", "c"]);
  });

  it("two registrations in the same instant rank in the order the platform recorded them", () => {
    const at = "2026-03-01T08:00:00.000Z";
    expect(rankLiens([lien("y", at, 1, 2), lien("x", at, 1, 1)]).map((l) => l.id)).toEqual(["x", "y"]);
  });

  it("a released lien no longer ranks and frees its headroom", () => {
    const liens = [
      lien("a", "2026-03-01T08:00:00.000Z", 100_000_00, 1, "released"),
      lien("b", "2026-04-01T08:00:00.000Z", 50_000_00, 2),
    ];
    expect(rankLiens(liens).map((l) => l.id)).toEqual(["b"]);
    expect(headroom(168_000_00, liens)).toBe(118_000_00);
    expect(nextRegistrationSeq(liens)).toBe(3);
  });

  it.each([
    ["a second lien gets only the remaining headroom: 68,000 yuan after 100,000 of 168,000", 68_000_00, true],
    ["asking 68,000.01 yuan on that unit is refused", 68_000_01, false],
  ])("%s", (_t, requested, ok) => {
    const liens = [lien("a", "2026-03-01T08:00:00.000Z", 100_000_00, 1)];
    const call = () => assertWithinHeadroom(requested, 168_000_00, liens);
    if (ok) expect(call).not.toThrow();
    else
      expect(call).toThrow(
        expect.objectContaining({
          ruleId: "FAC-R06",
          field: "securedAmount",
          detail: expect.objectContaining({ headroom: 68_000_00 }),
        }),
      );
  });

  it("liens accepted one by one within headroom never secure more than the limit in total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { maxLength: 20 }),
        (limit, asks) => {
          const liens: Lien[] = [];
          for (const [i, ask] of asks.entries()) {
            try {
              assertWithinHeadroom(ask, limit, liens);
              liens.push(lien(`l${i}`, `2026-03-01T08:00:${String(i).padStart(2, "0")}.000Z`, ask, i + 1));
            } catch {
              // refused: over the headroom
            }
          }
          const total = liens.reduce((s, l) => s + l.securedAmount, 0);
          return total <= limit && headroom(limit, liens) === limit - total;
        },
      ),
    );
  });
});
