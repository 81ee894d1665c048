import { describe, expect, it } from "vitest";
import { driveCase, itemsOf } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, FUDING_POINT, JPEG, WU } from "../testing/test-world.ts";
import { addPhoto } from "./add-photo.ts";
import { getCase } from "./get-case.ts";
import { submitEvidence } from "./submit-evidence.ts";
import { submitPartyItems } from "./submit-party-items.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const photo = (caseId: string, change: Record<string, unknown> = {}) => ({
  caseId,
  slot: "front",
  contentType: "image/jpeg",
  bytes: JPEG,
  capturedAt: "2026-03-01T05:43:00Z",
  point: FUDING_POINT,
  ...change,
});

describe("QC-R02 两步操作 step 1: three photos and five items", () => {
  it("evidence complete → EVIDENCE_SUBMITTED and queued for the police desk", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    expect(w.store.case(caseId)?.status).toBe("EVIDENCE_SUBMITTED");
    expect(
      w.store.outbox.some((e) => e.type === "quickclaim.case.evidence_submitted" && e.aggregateId === caseId),
    ).toBe(true);
    expect(w.photos.objects.size).toBe(3);
  });

  it("flags a photo taken 2 km away and an hour later for the officer, without refusing it", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "reported");
    const r = await addPhoto(
      w.deps,
      photo(caseId, { capturedAt: "2026-03-01T06:50:00Z", point: { lat: 27.111, lng: 120.2014 } }),
      w.citizen(CHEN.mobile),
    );
    expect(r.flags.map((f) => f.code)).toEqual(["time", "distance"]);
  });

  it("a clerk may type a party's items; a party only its own", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "reported");
    await submitPartyItems(w.deps, { caseId, partyId: "B", items: itemsOf(WU) }, w.clerk);
    expect(
      await refusal(submitPartyItems(w.deps, { caseId, partyId: "B", items: itemsOf(WU) }, w.citizen(CHEN.mobile))),
    ).toEqual(["KRN-R06", "forbidden", "partyId"]);
  });

  it("masks the other party's mobile and licence number, shows a party its own (KRN-R04)", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    const view = await getCase(w.deps, { caseId }, w.citizen(CHEN.mobile));
    const [a, b] = view.parties;
    expect([a?.mobile, a?.items?.driverLicenceNo]).toEqual([CHEN.mobile, CHEN.residentId]);
    expect([b?.mobile, b?.items?.driverLicenceNo]).toEqual(["138****6789", "3****************7"]);
    const officerView = await getCase(w.deps, { caseId }, w.officer);
    expect(officerView.parties[0]?.mobile).toBe("139****1234");
  });

  it("someone outside the case cannot see it: not found (KRN-R06)", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "reported");
    expect(await refusal(getCase(w.deps, { caseId }, w.citizen("13700000000")))).toEqual([
      "KRN-R06",
      "not_found",
      undefined,
    ]);
    expect(await refusal(getCase(w.deps, { caseId }, w.adjuster("other-insurer")))).toEqual([
      "KRN-R06",
      "not_found",
      undefined,
    ]);
  });

  describe("bad input: a clear QC-R02 refusal naming the field, nothing written", () => {
    it.each([
      ["a wrong file type (PDF)", { contentType: "application/pdf" }, "photo.contentType"],
      ["a PNG file declared as JPEG", { bytes: PNG }, "photo.contentType"],
      ["an oversize photo (10 MiB + 1 byte)", { bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff) }, "photo.size"],
      ["an unknown photo slot", { slot: "roof" }, "slot"],
      ["a missing capture time", { capturedAt: undefined }, "capturedAt"],
    ])("refuses %s", async (_title, change, field) => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "reported");
      const before = w.store.counts();
      expect(await refusal(addPhoto(w.deps, photo(caseId, change), w.citizen(CHEN.mobile)))).toEqual([
        "QC-R02",
        "validation",
        field,
      ]);
      expect(w.store.counts()).toEqual(before);
      expect(w.photos.objects.size).toBe(0);
    });

    it.each([
      ["an invalid ID (check character)", { driverLicenceNo: "350982197509082026" }, "items.driverLicenceNo"],
      ["an invalid plate", { plate: "闽J·12" }, "items.plate"],
      ["an invalid mobile", { mobile: "1390593123" }, "items.mobile"],
      ["an insurer not in the region", { insurerId: "acme" }, "items.insurerId"],
    ])("refuses items with %s", async (_title, change, field) => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "reported");
      const before = w.store.counts();
      const input = { caseId, partyId: "A", items: { ...itemsOf(CHEN), ...change } };
      expect(await refusal(submitPartyItems(w.deps, input, w.citizen(CHEN.mobile)))).toEqual([
        "QC-R02",
        "validation",
        field,
      ]);
      expect(w.store.counts()).toEqual(before);
    });

    it("refuses submission with a missing photo slot and a missing party's items", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "reported");
      await addPhoto(w.deps, photo(caseId), w.citizen(CHEN.mobile));
      await submitPartyItems(w.deps, { caseId, partyId: "A", items: itemsOf(CHEN) }, w.citizen(CHEN.mobile));
      const before = w.store.counts();
      expect(await refusal(submitEvidence(w.deps, { caseId }, w.citizen(CHEN.mobile)))).toEqual([
        "QC-R02",
        "validation",
        "photos.rear",
      ]);
      expect(w.store.counts()).toEqual(before);
      const view = await getCase(w.deps, { caseId }, w.citizen(CHEN.mobile));
      expect(view.missingEvidence.map((m) => m.field)).toEqual(["photos.rear", "photos.collision", "parties.B.items"]);
    });

    it("refuses a photo once evidence is submitted (conflict)", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "evidence");
      expect(await refusal(addPhoto(w.deps, photo(caseId), w.citizen(CHEN.mobile)))).toEqual([
        "QC-R02",
        "conflict",
        "status",
      ]);
    });
  });
});
