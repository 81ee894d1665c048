import { describe, expect, it } from "vitest";
import type { FactorStatus } from "./factor.ts";
import type { FactorEventKind } from "./factor-event.ts";
import { nextStatus } from "./factor-lifecycle.ts";

describe("FAC-LIFECYCLE 要素生命周期 factor lifecycle", () => {
  it.each([
    ["DRAFT", "submitted", "SUBMITTED"],
    ["SUBMITTED", "confirmed", "CONFIRMED"],
    ["SUBMITTED", "rejected", "REJECTED"],
    ["CONFIRMED", "publicised", "PUBLICISED"],
    ["PUBLICISED", "objection_lodged", "DISPUTED"],
    ["DISPUTED", "objection_upheld", "REJECTED"],
    ["DISPUTED", "objections_dismissed", "ACTIVE"],
    ["DISPUTED", "objections_dismissed", "PUBLICISED"],
    ["PUBLICISED", "activated", "ACTIVE"],
    ["ACTIVE", "lien_registered", "ENCUMBERED"],
    ["ENCUMBERED", "lien_released", "ACTIVE"],
    ["ENCUMBERED", "transfer_awarded", "TRANSFERRED"],
    ["TRANSFERRED", "transfer_registered", "ENCUMBERED"],
    ["ENCUMBERED", "disposal_started", "DISPOSING"],
    ["DISPOSING", "disposed", "DISPOSED"],
  ] as [FactorStatus, FactorEventKind, FactorStatus][])("a factor %s on event %s becomes %s", (from, kind, to) => {
    expect(nextStatus(from, kind, to)).toBe(to);
  });

  it.each([
    ["a draft cannot be confirmed before it is submitted", "DRAFT", "confirmed"],
    ["an active factor without a lien cannot be disposed of", "ACTIVE", "disposal_started"],
    ["a disputed factor cannot be mortgaged", "DISPUTED", "lien_registered"],
    ["a disposed factor cannot be transferred", "DISPOSED", "transfer_awarded"],
    ["a rejected factor cannot become active", "REJECTED", "activated"],
  ] as [string, FactorStatus, FactorEventKind][])("%s", (_t, from, kind) => {
    expect(() => nextStatus(from, kind)).toThrow(
      expect.objectContaining({ ruleId: "FAC-LIFECYCLE", kind: "conflict" }),
    );
  });
});
