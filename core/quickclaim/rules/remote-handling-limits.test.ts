import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Circumstances } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { checkRemoteHandling, withinCap } from "./remote-handling-limits.ts";

const CLEAR: Circumstances = {
  anyoneInjured: false,
  deathOrSeriousInjury: false,
  vehiclesMovable: true,
  suspectedDrinkDriving: false,
  suspectedUnlicensedDriving: false,
  suspectedHitAndRun: false,
};
const AFTER = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01");
const BEFORE = paramsAsOf(ningdeQuickClaimPolicy, "2019-06-01");

function verdict(date: string, propertyFen: number, injuryFen: number, circumstances = CLEAR, partyCount = 2) {
  const p = paramsAsOf(ningdeQuickClaimPolicy, date);
  return checkRemoteHandling(
    { partyCount, circumstances, totalPropertyFen: propertyFen, totalInjuryFen: injuryFen },
    p.remoteLimits,
    p.maxParties,
  );
}

describe("QC-R01 远程处理条件 remote-handling limits", () => {
  describe("caps in force on the accident date (财损 5,000 / 人伤 2,000 after the reform, 财损 2,000 before)", () => {
    it.each([
      ["after the reform, 4,999.99 yuan of property damage is handled remotely", "2026-03-01", 499_999, 0, true],
      [
        "after the reform, exactly 5,000 yuan of property damage is not below the cap: offline",
        "2026-03-01",
        500_000,
        0,
        false,
      ],
      [
        "after the reform, 3,000 yuan of property and 1,999.99 yuan of injury are remote",
        "2026-03-01",
        300_000,
        199_999,
        true,
      ],
      [
        "after the reform, 2,000 yuan of injury is not below the injury cap: offline",
        "2026-03-01",
        100_000,
        200_000,
        false,
      ],
      ["before the reform, 1,999.99 yuan of property damage was remote", "2019-06-01", 199_999, 0, true],
      [
        "before the reform, 3,000 yuan of property damage went offline (old 2,000 cap)",
        "2019-06-01",
        300_000,
        0,
        false,
      ],
      [
        "before the reform, any injury loss went offline (property-only quick handling)",
        "2019-06-01",
        100_000,
        50_000,
        false,
      ],
      ["on the reform date itself the new caps apply", "2021-01-01", 300_000, 0, true],
      ["on the day before the reform date the old cap applies", "2020-12-31", 300_000, 0, false],
    ])("%s", (_title, date, property, injury, remote) => {
      expect(verdict(date, property, injury).remote).toBe(remote);
    });

    it("names the property head and the cap when a case crosses it", () => {
      const v = verdict("2026-03-01", 512_300, 0);
      expect(v.reasons.map((r) => [r.code, r.field])).toEqual([["property_over_cap", "losses.property"]]);
      expect(v.reasons[0]?.message).toContain("5123.00");
      expect(v.reasons[0]?.message).toContain("5000.00");
    });

    it("a region that reads 以下 as including the figure admits a loss equal to the cap", () => {
      const limits = { ...AFTER.remoteLimits, boundary: "at-or-below" as const };
      const v = checkRemoteHandling({ partyCount: 2, circumstances: CLEAR, totalPropertyFen: 500_000 }, limits, 3);
      expect(v.remote).toBe(true);
    });
  });

  describe("the other exclusions", () => {
    it.each([
      ["someone died or is seriously hurt", { deathOrSeriousInjury: true }, "death_or_serious_injury"],
      ["a vehicle cannot be moved", { vehiclesMovable: false }, "vehicles_not_movable"],
      ["a driver is suspected of drink-driving", { suspectedDrinkDriving: true }, "suspected_drink_driving"],
      [
        "a driver is suspected of driving without a licence",
        { suspectedUnlicensedDriving: true },
        "suspected_unlicensed_driving",
      ],
      ["a vehicle is suspected of hit-and-run", { suspectedHitAndRun: true }, "suspected_hit_and_run"],
    ])("goes offline when %s, whatever the loss", (_title, change, code) => {
      const v = verdict("2026-03-01", 10_000, 0, { ...CLEAR, ...change });
      expect(v.remote).toBe(false);
      expect(v.reasons.map((r) => r.code)).toEqual([code]);
    });

    it.each([
      ["a single vehicle", 1, false],
      ["two vehicles", 2, true],
      ["three vehicles (the default most)", 3, true],
      ["four vehicles", 4, false],
    ])("%s: remote is %s", (_title, parties, remote) => {
      expect(verdict("2026-03-01", 10_000, 0, CLEAR, parties).remote).toBe(remote);
    });

    it("lists every reason at once so the centre sees the whole picture", () => {
      const v = verdict("2026-03-01", 900_000, 300_000, {
        ...CLEAR,
        vehiclesMovable: false,
        suspectedDrinkDriving: true,
      });
      expect(v.reasons.map((r) => r.code)).toEqual([
        "vehicles_not_movable",
        "suspected_drink_driving",
        "property_over_cap",
        "injury_over_cap",
      ]);
    });
  });

  describe("before the loss is assessed (at report)", () => {
    it("accepts an injury report after the reform: the amount is checked at assessment", () => {
      const v = checkRemoteHandling(
        { partyCount: 2, circumstances: { ...CLEAR, anyoneInjured: true } },
        AFTER.remoteLimits,
        3,
      );
      expect(v.remote).toBe(true);
    });
    it("refuses an injury report before the reform, when only property cases were quick-handled", () => {
      const v = checkRemoteHandling(
        { partyCount: 2, circumstances: { ...CLEAR, anyoneInjured: true } },
        BEFORE.remoteLimits,
        3,
      );
      expect(v.reasons.map((r) => r.field)).toEqual(["circumstances.anyoneInjured"]);
    });
  });

  describe("properties", () => {
    it("a loss is within a cap exactly when below it (zero always passes)", () => {
      fc.assert(
        fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (loss, cap) => {
          expect(withinCap(loss, cap, "below")).toBe(loss === 0 || loss < cap);
          expect(withinCap(loss, cap, "at-or-below")).toBe(loss === 0 || loss <= cap);
        }),
      );
    });
    it("raising the cap never turns a remote case into an offline one (monotone in the caps)", () => {
      fc.assert(
        fc.property(fc.nat(1_000_000), fc.nat(400_000), fc.nat(500_000), (property, injury, raise) => {
          const low = AFTER.remoteLimits;
          const high = { ...low, propertyCapFen: low.propertyCapFen + raise, injuryCapFen: low.injuryCapFen + raise };
          const input = { partyCount: 2, circumstances: CLEAR, totalPropertyFen: property, totalInjuryFen: injury };
          if (checkRemoteHandling(input, low, 3).remote) expect(checkRemoteHandling(input, high, 3).remote).toBe(true);
        }),
      );
    });
  });
});
