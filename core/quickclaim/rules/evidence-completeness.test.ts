import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import type { Party, PartyItems, Photo } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { assertEvidenceComplete, missingEvidence } from "./evidence-completeness.ts";

const SLOTS = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").photoSlots;
const ITEMS = { plate: "闽J12345" } as PartyItems;
const photo = (slot: string): Photo => ({ slot }) as Photo;
const party = (id: string, items: PartyItems | null): Party =>
  ({ id, plate: `闽J1234${id === "A" ? 5 : 6}`, mobile: "", subjectRef: id, items }) as Party;
const ALL_PHOTOS = [photo("front"), photo("rear"), photo("collision")];
const BOTH = [party("A", ITEMS), party("B", ITEMS)];

describe("QC-R02 证据完整 evidence completeness: 3 photo slots and 5 items for every party", () => {
  it.each([
    ["all three photos and both parties' items: complete", ALL_PHOTOS, BOTH, []],
    ["no rear view", [photo("front"), photo("collision")], BOTH, ["photos.rear"]],
    ["no photo at all", [], BOTH, ["photos.front", "photos.rear", "photos.collision"]],
    ["party B has not given the items", ALL_PHOTOS, [party("A", ITEMS), party("B", null)], ["parties.B.items"]],
    [
      "two collision photos do not make up for a missing front view",
      [photo("collision"), photo("collision"), photo("rear")],
      BOTH,
      ["photos.front"],
    ],
  ])("%s", (_title, photos, parties, missing) => {
    expect(missingEvidence({ photos, parties }, SLOTS).map((m) => m.field)).toEqual(missing);
  });

  it("refuses submission naming QC-R02 and the first missing slot, listing all", () => {
    try {
      assertEvidenceComplete({ photos: [photo("front")], parties: [party("A", null), party("B", ITEMS)] }, SLOTS);
      throw new Error("expected a refusal");
    } catch (e) {
      if (!isDomainError(e)) throw e;
      expect([e.ruleId, e.field]).toEqual(["QC-R02", "photos.rear"]);
      expect(e.detail?.missing).toEqual(["photos.rear", "photos.collision", "parties.A.items"]);
    }
  });

  it("follows the pack: a region that also requires a 现场全景 slot asks for it", () => {
    const slots = [...SLOTS, { id: "scene", label: { zh: "现场全景", en: "Scene" } }];
    expect(missingEvidence({ photos: ALL_PHOTOS, parties: BOTH }, slots).map((m) => m.field)).toEqual(["photos.scene"]);
  });
});
