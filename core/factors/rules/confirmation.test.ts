import { describe, expect, it } from "vitest";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import { assertEvidenceFor, confirmingAuthority, judgeRegistryFinding, type RegistryFinding } from "./confirmation.ts";

const claim = { holderRef: "ref:lin", typeCode: "R04" };
const found = (o: Partial<Extract<RegistryFinding, { status: "found" }>> = {}): RegistryFinding => ({
  status: "found",
  holderRef: "ref:lin",
  typeCode: "R04",
  quantityMilli: 20_000,
  recordNo: "闽(2024)福安市海域第0001号",
  termEndsOn: "2038-12-31",
  ...o,
});

describe("FAC-R01 确权 confirmation", () => {
  it.each([
    ["a sea-area use right in 霞浦 is confirmed by the sea-area registry", "R04", "350921", "registry", "sea_area"],
    ["a forest right in 屏南 is confirmed by the forest-right registry", "R02", "350923", "registry", "forest"],
    ["a rural house in 蕉城 is confirmed by the real-estate registry", "A07", "350902", "registry", "real_estate"],
    [
      "a rural house in 福安 (无证) is confirmed by the department Fu'an names",
      "A07",
      "350981",
      "department",
      "department",
    ],
    [
      "an orchard greenhouse in 福安 (无证) is confirmed by Fu'an's agriculture bureau",
      "A02",
      "350981",
      "department",
      "department",
    ],
  ])("%s", (_title, type, county, kind, registryKind) => {
    const a = confirmingAuthority(policy, type, county, "2026-03-01");
    expect(a.kind).toBe(kind);
    expect(a.registryKind).toBe(registryKind);
  });

  it("names Fu'an's department for a non-standard type", () => {
    const a = confirmingAuthority(policy, "R07", "350981", "2026-03-01");
    expect(a.departmentId).toBe("fuan-ocean-fishery");
    expect(a.name.zh).toBe("福安市海洋与渔业局");
  });

  it.each([
    ["a type not in the catalogue", "Z99", "350981", "typeCode"],
    ["a county outside Ningde", "R04", "350802", "countyCode"],
  ])("refuses %s", (_t, type, county, field) => {
    expect(() => confirmingAuthority(policy, type, county, "2026-03-01")).toThrow(
      expect.objectContaining({ ruleId: "FAC-R01", field }),
    );
  });

  it("asks a certified type for its certificate number, but not a 无证 type", () => {
    const registry = confirmingAuthority(policy, "R04", "350921", "2026-03-01");
    const dept = confirmingAuthority(policy, "A02", "350981", "2026-03-01");
    expect(() => assertEvidenceFor(registry, null)).toThrow(expect.objectContaining({ field: "certificateNo" }));
    expect(() => assertEvidenceFor(registry, "  ")).toThrow(expect.objectContaining({ ruleId: "FAC-R01" }));
    expect(() => assertEvidenceFor(dept, null)).not.toThrow();
  });

  it.each([
    ["the registry's holder matches: confirmed, with the registry's quantity and term", found(), "confirmed", null],
    [
      "a different holder on the registry rejects the submission",
      found({ holderRef: "ref:other" }),
      "rejected",
      "holder_mismatch",
    ],
    ["a record of another type rejects it", found({ typeCode: "R05" }), "rejected", "type_mismatch"],
    ["no record at all rejects it", { status: "not_found" } as RegistryFinding, "rejected", "not_found"],
    [
      "a department that has not decided yet leaves it waiting",
      { status: "pending" } as RegistryFinding,
      "pending",
      null,
    ],
  ])("%s", (_t, finding, verdict, reason) => {
    const v = judgeRegistryFinding(claim, finding);
    expect(v.verdict).toBe(verdict);
    if (v.verdict === "rejected") expect(v.reason).toBe(reason);
    if (v.verdict === "confirmed") {
      expect(v.quantityMilli).toBe(20_000);
      expect(v.termEndsOn).toBe("2038-12-31");
    }
  });

  it("a holder mismatch names the holder field", () => {
    const v = judgeRegistryFinding(claim, found({ holderRef: "ref:other" }));
    expect(v.verdict === "rejected" && v.field).toBe("holder");
  });
});
