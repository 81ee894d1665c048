import { describe, expect, it } from "vitest";
import type { MarineBundle } from "../domain/collateral.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import { aFactor } from "../testing/factor-fixture.ts";
import { bundleMembers, bundleMemberTypes, collateralUnitOf } from "./marine-bundle.ts";

const site = "下白石-海域-0001";
const seaArea = aFactor({ id: "f-sea", typeCode: "R04", category: "R", siteRef: site });
const raft = aFactor({ id: "f-raft", typeCode: "A01", siteRef: site });
const aqua = aFactor({ id: "f-aqua", typeCode: "R05", category: "R", siteRef: site });
const members = bundleMemberTypes(policy, "2026-03-01");
const bundle: MarineBundle = {
  id: "b-1",
  regionCode: "350900",
  countyCode: "350981",
  siteRef: site,
  holderRef: "ref:lin",
  memberIds: ["f-sea", "f-raft", "f-aqua"],
  createdAt: "2026-03-10T00:00:00.000Z",
};
const inBundle = [seaArea, raft, aqua].map((f) => ({ ...f, bundleId: "b-1" }));

describe("FAC-R03 三权合一 bundled marine rights", () => {
  it("the default bundle is sea-area use right + fish raft + aquaculture right", () => {
    expect(members).toEqual(["R04", "A01", "R05"]);
  });

  it("the three rights on one site, of one holder, form a bundle", () => {
    expect(bundleMembers([raft, aqua, seaArea], members)).toEqual(["f-sea", "f-raft", "f-aqua"]);
  });

  it.each([
    ["two of the three rights", [seaArea, raft]],
    ["two fish rafts and no aquaculture right", [seaArea, raft, { ...raft, id: "f-raft2" }]],
    ["rights on different sites", [seaArea, raft, { ...aqua, siteRef: "other-site" }]],
    ["rights of different holders", [seaArea, raft, { ...aqua, holder: { ...aqua.holder, ref: "ref:huang" } }]],
    ["a right still under public notice", [seaArea, raft, { ...aqua, status: "PUBLICISED" as const }]],
    ["a right already in another bundle", [seaArea, raft, { ...aqua, bundleId: "b-0" }]],
  ])("does not form a bundle from %s", (_t, factors) => {
    expect(() => bundleMembers(factors, members)).toThrow(
      expect.objectContaining({ ruleId: "FAC-R03", field: "factorIds" }),
    );
  });

  it("a bundle is valued, mortgaged, transferred and disposed of as one unit", () => {
    const unit = collateralUnitOf(inBundle, bundle, members);
    expect(unit.kind).toBe("bundle");
    expect(unit.id).toBe("b-1");
    expect(unit.factorIds).toEqual(["f-sea", "f-raft", "f-aqua"]);
  });

  it.each([
    ["the fish raft alone", [inBundle[1]]],
    ["the sea-area right and the raft without the aquaculture right", [inBundle[0], inBundle[1]]],
  ])("splitting a bundle is refused: %s", (_t, selected) => {
    expect(() =>
      collateralUnitOf(
        selected.filter((f) => f !== undefined),
        bundle,
        members,
      ),
    ).toThrow(expect.objectContaining({ ruleId: "FAC-R03", field: "factorIds" }));
  });

  it("a fish raft not yet bundled must be bundled before it is mortgaged", () => {
    expect(() => collateralUnitOf([raft], null, members)).toThrow(expect.objectContaining({ ruleId: "FAC-R03" }));
  });

  it("any other factor is a unit on its own", () => {
    const house = aFactor({ id: "f-house", typeCode: "A07" });
    expect(collateralUnitOf([house], null, members)).toEqual(
      expect.objectContaining({ kind: "factor", id: "f-house", factorIds: ["f-house"], typeCodes: ["A07"] }),
    );
  });

  it("two unrelated factors are not one unit", () => {
    const house = aFactor({ id: "f-house", typeCode: "A07" });
    const shed = aFactor({ id: "f-shed", typeCode: "A03" });
    expect(() => collateralUnitOf([house, shed], null, members)).toThrow(
      expect.objectContaining({ ruleId: "FAC-R03" }),
    );
  });
});
