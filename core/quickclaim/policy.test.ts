import { describe, expect, it } from "vitest";
import { isDomainError } from "../kernel/mod.ts";
import { paramsAsOf } from "./params-as-of.ts";
import { parseQuickClaimPolicy, type QuickClaimPolicy } from "./policy.ts";
import { ningdeQuickClaimPolicy } from "./policy-defaults.ts";

function refusal(pack: unknown): { field: string | undefined; message: string } {
  try {
    parseQuickClaimPolicy(pack, "宁德 350900");
  } catch (e) {
    if (isDomainError(e) && e.ruleId === "KRN-R12") return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error("expected the pack to be refused");
}
const edit = (change: (p: QuickClaimPolicy) => unknown) => {
  const copy = structuredClone(ningdeQuickClaimPolicy) as QuickClaimPolicy;
  change(copy);
  return copy;
};

describe("KRN-R12 宁德快处快赔政策包 the Ningde quick-claim policy pack", () => {
  it("the default pack passes its schema", () => {
    expect(parseQuickClaimPolicy(ningdeQuickClaimPolicy)).toEqual(ningdeQuickClaimPolicy);
  });

  it("every parameter has a value on a 2026 accident date, each with its source", () => {
    const p = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01");
    expect(p.remoteLimits).toEqual({ propertyCapFen: 500_000, injuryCapFen: 200_000, boundary: "below" });
    expect(p.compulsoryLimits.liable).toEqual({ propertyFen: 200_000, medicalFen: 1_800_000 });
    expect(p.compulsoryLimits.notLiable).toEqual({ propertyFen: 10_000, medicalFen: 180_000 });
    expect(p.photoSlots.map((s) => s.id)).toEqual(["front", "rear", "collision"]);
    expect([p.photoTimeToleranceMinutes, p.photoDistanceToleranceMetres]).toEqual([30, 500]);
    const sources = Object.values(ningdeQuickClaimPolicy)
      .filter(Array.isArray)
      .flat()
      .filter((x) => typeof x === "object" && x !== null && "source" in x);
    expect(sources.every((x) => typeof x.source === "string" && x.source.length > 0)).toBe(true);
  });

  it("the pre-reform property cap was 2,000 yuan", () => {
    expect(paramsAsOf(ningdeQuickClaimPolicy, "2020-06-30").remoteLimits.propertyCapFen).toBe(200_000);
  });

  it.each([
    [
      "a negative property cap",
      (p: QuickClaimPolicy) => ((p.remoteLimits[1] as { value: { propertyCapFen: number } }).value.propertyCapFen = -1),
      "remoteLimits.1.value.propertyCapFen",
    ],
    [
      "main/secondary shares adding to 110 %",
      (p: QuickClaimPolicy) =>
        ((p.liabilityShares[0] as { value: { mainSecondary: { main: number } } }).value.mainSecondary.main = 8_000),
      "liabilityShares.0.value",
    ],
    [
      "no-liability limits above the liability limits",
      (p: QuickClaimPolicy) =>
        ((p.compulsoryLimits[1] as { value: { notLiable: { propertyFen: number } } }).value.notLiable.propertyFen =
          300_000),
      "compulsoryLimits.1.value",
    ],
    ["dated values out of order", (p: QuickClaimPolicy) => (p.remoteLimits as unknown[]).reverse(), "remoteLimits"],
    [
      "a value without its source document",
      (p: QuickClaimPolicy) => ((p.maxParties[0] as { source: string }).source = ""),
      "maxParties.0.source",
    ],
    [
      "two centres with the same id",
      (p: QuickClaimPolicy) =>
        p.serviceCentres.push({ ...(p.serviceCentres[0] as QuickClaimPolicy["serviceCentres"][number]) }),
      "serviceCentres",
    ],
    [
      "a photo type that is not an image",
      (p: QuickClaimPolicy) => ((p.photoContentTypes[0] as { value: string[] }).value[0] = "application/pdf"),
      "photoContentTypes.0.value.0",
    ],
    [
      "a pack for a region outside Fujian",
      (p: QuickClaimPolicy) => ((p as { regionCode: string }).regionCode = "330100"),
      "regionCode",
    ],
  ])("refuses %s, naming the parameter", (_title, change, field) => {
    const r = refusal(edit(change));
    expect(r.field).toBe(field);
    expect(r.message).toContain("宁德 350900");
  });
});
