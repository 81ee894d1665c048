import { describe, expect, it } from "vitest";
import type { Bid } from "../domain/market.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import {
  assertBidAcceptable,
  assertLeaseWithinTerm,
  assertLienHolderConsent,
  assertListingClosed,
  assertListingTerm,
  earliestTransferClose,
  winningBid,
} from "./transfer.ts";

const liens = [
  { id: "lien-1", bankId: "ningde-rcb", status: "active" as const },
  { id: "lien-2", bankId: "psbc-ningde", status: "active" as const },
  { id: "lien-0", bankId: "old-bank", status: "released" as const },
];
const bid = (id: string, amount: number, placedAt: string): Bid => ({
  id,
  bidderKind: "person",
  bidderRef: id,
  bidderIdEncrypted: `enc:${id}`,
  bidderName: id,
  placedBy: id,
  placedBySubjectRef: null,
  amount,
  placedAt,
});

describe("FAC-R10 流转 transfer", () => {
  it.each([
    ["an encumbered factor with every lien holder's consent may be transferred", ["lien-1", "lien-2"], true],
    ["without the second lien holder's consent it may not", ["lien-1"], false],
    ["without any consent it may not", [], false],
  ])("%s", (_t, consents, ok) => {
    const call = () => assertLienHolderConsent(liens, consents);
    if (ok) expect(call).not.toThrow();
    else
      expect(call).toThrow(
        expect.objectContaining({
          ruleId: "FAC-R10",
          field: "consents",
          detail: expect.objectContaining({ missingLienIds: expect.any(Array) }),
        }),
      );
  });

  it("an unencumbered factor needs no consent", () => {
    expect(() => assertLienHolderConsent([], [])).not.toThrow();
  });

  it.each([
    ["a lease of land ending with the contract term is allowed", true, "2030-12-31", "2026-04-01", "2030-12-31", true],
    [
      "a lease of land past the remaining contract term is refused",
      true,
      "2030-12-31",
      "2026-04-01",
      "2031-01-01",
      false,
    ],
    ["a term-limited right with no term on record cannot be leased", true, null, "2026-04-01", "2027-03-31", false],
    ["a greenhouse has no term: any lease term", false, null, "2026-04-01", "2046-03-31", true],
    ["a lease ending before it begins is refused", false, null, "2026-04-01", "2026-03-31", false],
  ])("%s", (_t, limited, termEnds, from, to, ok) => {
    const call = () => assertLeaseWithinTerm(limited, termEnds, from, to);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R10", field: "leaseTo" }));
  });

  it("a listing stays open at least 15 days", () => {
    expect(earliestTransferClose(policy, "2026-04-01")).toBe("2026-04-16");
    expect(() => assertListingTerm(policy, "2026-04-01", "2026-04-15")).toThrow(
      expect.objectContaining({ field: "closesOn" }),
    );
    expect(() => assertListingTerm(policy, "2026-04-01", "2026-04-30")).not.toThrow();
  });

  const listing = { status: "open", closesOn: "2026-04-16", reservePrice: 50_000_00 };
  it.each([
    ["a bid at the reserve price on the last day is taken", 50_000_00, "2026-04-16", true, ""],
    ["a bid below the reserve price is refused", 49_999_99, "2026-04-10", false, "amount"],
    ["a bid after the last day is refused", 60_000_00, "2026-04-17", false, "listingId"],
  ])("%s", (_t, amount, today, ok, field) => {
    const call = () => assertBidAcceptable(listing, amount, today);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R10", field }));
  });

  it("the highest bid wins; between equal bids the earlier", () => {
    const bids = [
      bid("a", 55_000_00, "2026-04-02T01:00:00.000Z"),
      bid("b", 58_000_00, "2026-04-05T01:00:00.000Z"),
      bid("c", 58_000_00, "2026-04-03T01:00:00.000Z"),
    ];
    expect(winningBid(bids)?.id).toBe("c");
    expect(winningBid([])).toBe(null);
  });

  it("a listing is awarded only after its last day", () => {
    expect(() => assertListingClosed("2026-04-16", "2026-04-16")).toThrow(
      expect.objectContaining({ kind: "conflict" }),
    );
    expect(() => assertListingClosed("2026-04-16", "2026-04-17")).not.toThrow();
  });
});
