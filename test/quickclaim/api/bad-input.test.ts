import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemsOf } from "../../../core/quickclaim/testing/drive-case.ts";
import { CHEN, JPEG, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { type Actors, actors, claimForm, driveApi, ok, photoForm, R } from "./support/api-flow.ts";
import { writtenRows } from "./support/counts.ts";
import { proveDemoDriver } from "./support/prove-demo-driver.ts";
import { createQuickClaimTestApp, type QuickClaimTestApp } from "./support/quickclaim-test-app.ts";

const PDF = new TextEncoder().encode("%PDF-1.7 not a photo");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("快处快赔 API bad input: a clear 4xx problem naming the rule, nothing paid, nothing half-written", () => {
  let t: QuickClaimTestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await createQuickClaimTestApp();
    a = await actors(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sends a request that must be refused; checks the problem and that nothing was written or paid. */
  async function refused(
    send: () => Promise<Response>,
    status: number,
    ruleId: string,
    field?: string,
    on: QuickClaimTestApp = t,
  ) {
    const before = await writtenRows(on.platform.database.db);
    const paidBefore = on.gateway.transfers().length;
    const res = await send();
    const body = (await res.json()) as Record<string, unknown>;
    expect([res.status, res.headers.get("content-type"), body.ruleId]).toEqual([
      status,
      "application/problem+json",
      ruleId,
    ]);
    if (field !== undefined) expect(body.field).toBe(field);
    expect(typeof body.detail).toBe("string");
    expect(await writtenRows(on.platform.database.db)).toEqual(before);
    expect(on.gateway.transfers().length).toBe(paidBefore);
    return body;
  }

  describe("step 1 evidence (QC-R02)", () => {
    it.each([
      ["a wrong file type (a PDF)", () => photoForm("front", PDF, "application/pdf"), "photo.contentType"],
      ["a PNG declared as JPEG", () => photoForm("front", PNG, "image/jpeg"), "photo.contentType"],
      ["an oversize photo (10 MiB + 1 byte)", () => photoForm("front", bigJpeg(10 * 1024 * 1024 + 1)), "photo.size"],
      ["an unknown photo slot", () => photoForm("roof"), "slot"],
    ])("refuses %s", async (_title, form, field) => {
      const { caseId } = await driveApi(t, a, "reported");
      await refused(() => t.postForm(`${R}/cases/${caseId}/photos`, form(), a.chen), 422, "QC-R02", field);
    });

    it("refuses a body far over the upload limit with 413 before reading it", async () => {
      const { caseId } = await driveApi(t, a, "reported");
      await refused(
        () => t.postForm(`${R}/cases/${caseId}/photos`, photoForm("front", bigJpeg(30 * 1024 * 1024)), a.chen),
        413,
        "KRN-R11",
      );
    });

    it.each([
      ["an invalid ID number (check character)", { driverLicenceNo: "350982197509082026" }, "items.driverLicenceNo"],
      ["an invalid plate", { plate: "闽J·12" }, "items.plate"],
      ["an invalid mobile", { mobile: "1390593123" }, "items.mobile"],
      ["an insurer not in the region", { insurerId: "acme" }, "items.insurerId"],
    ])("refuses items with %s", async (_title, change, field) => {
      const { caseId } = await driveApi(t, a, "reported");
      await refused(
        () => t.post(`${R}/cases/${caseId}/parties/A/items`, { ...itemsOf(CHEN), ...change }, a.chen),
        422,
        "QC-R02",
        field,
      );
    });

    it("refuses an invalid plate at report", async () => {
      const body = {
        regionCode: "350982",
        accidentAt: "2026-03-01T13:40:00+08:00",
        place: { address: "福鼎市太姥山镇", point: { lat: 27.0931, lng: 120.2014 } },
        circumstances: { anyoneInjured: false, deathOrSeriousInjury: false, vehiclesMovable: true },
        parties: [{ plate: "ABC", mobile: CHEN.mobile }],
      };
      await refused(() => t.post(`${R}/cases`, body, a.chen), 422, "QC-R02", "parties.0.plate");
    });

    it("refuses submission with a missing photo slot, then with a missing party's items", async () => {
      const { caseId } = await driveApi(t, a, "reported");
      await ok(t.postForm(`${R}/cases/${caseId}/photos`, photoForm("front"), a.chen), 201);
      await ok(t.post(`${R}/cases/${caseId}/parties/A/items`, itemsOf(CHEN), a.chen));
      await refused(() => t.post(`${R}/cases/${caseId}/evidence`, {}, a.chen), 422, "QC-R02", "photos.rear");
      await ok(t.postForm(`${R}/cases/${caseId}/photos`, photoForm("rear"), a.chen), 201);
      await ok(t.postForm(`${R}/cases/${caseId}/photos`, photoForm("collision"), a.chen), 201);
      await refused(() => t.post(`${R}/cases/${caseId}/evidence`, {}, a.chen), 422, "QC-R02", "parties.B.items");
    });

    it("refuses an unknown field and a missing Idempotency-Key with 400", async () => {
      const { caseId } = await driveApi(t, a, "reported");
      const res = await t.post(`${R}/cases/${caseId}/parties/A/items`, { ...itemsOf(CHEN), colour: "red" }, a.chen);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["colour"]);
      const noKey = await t.app.request(`${R}/cases/${caseId}/evidence`, { method: "POST", headers: a.chen });
      expect([noKey.status, ((await noKey.json()) as { ruleId: string }).ruleId]).toEqual([400, "KRN-R08"]);
    });
  });

  describe("step 2 and the claim (QC-R04, QC-R07, QC-R01)", () => {
    it("refuses signing a stale letter once the officer re-issued it", async () => {
      const { caseId, letterHash } = await driveApi(t, a, "determined");
      await ok(
        t.post(
          `${R}/cases/${caseId}/determination`,
          { form: "rear_end", faultPartyId: "B", facts: "更正:B车追尾A车,A车停车等候。" },
          a.police,
        ),
      );
      await refused(
        () => t.post(`${R}/cases/${caseId}/signatures`, { letterHash, decision: "agree" }, a.chen),
        409,
        "QC-R04",
      );
    });

    it("refuses a claim before every party agreed", async () => {
      const { caseId, letterHash } = await driveApi(t, a, "determined");
      await ok(t.post(`${R}/cases/${caseId}/signatures`, { letterHash, decision: "agree" }, a.chen));
      await refused(() => t.postForm(`${R}/cases/${caseId}/claims`, claimForm(CHEN), a.chen), 409, "QC-R04", "status");
    });

    it("refuses a second claim of the same party", async () => {
      const { caseId } = await driveApi(t, a, "claimed");
      await refused(() => t.postForm(`${R}/cases/${caseId}/claims`, claimForm(CHEN), a.chen), 409, "QC-R07", "caseId");
    });

    it.each([
      ["an invalid bank card (Luhn)", { cardNumber: "6222021234567890127" }, "QC-R02", "bankCard.number"],
      ["an invalid ID number", { residentId: "350982197509082026" }, "QC-R02", "idCard.residentId"],
      ["a card held by someone else", { holderName: "王五" }, "QC-R07", undefined],
      [
        "a wrong ID-card photo type",
        { idCardPhoto: [PDF, "application/pdf", "id.pdf"] },
        "QC-R02",
        "photo.contentType",
      ],
    ] as const)("refuses a claim with %s", async (_title, change, ruleId, field) => {
      const { caseId } = await driveApi(t, a, "agreed");
      const form = claimForm(
        CHEN,
        typeof (change as Record<string, unknown>).idCardPhoto === "undefined"
          ? (change as Record<string, string>)
          : {},
      );
      if ("idCardPhoto" in change)
        form.set("idCardPhoto", new File([PDF as BlobPart], "id.pdf", { type: "application/pdf" }));
      await refused(() => t.postForm(`${R}/cases/${caseId}/claims`, form, a.chen), 422, ruleId, field);
    });

    it("refuses a payout to a party who has not done 实名认证 (403 QC-R07), then takes it once they have", async () => {
      const fresh = await createQuickClaimTestApp();
      try {
        const b = await actors(fresh, { prove: false });
        const { caseId } = await driveApi(fresh, b, "agreed");
        await refused(
          () => fresh.postForm(`${R}/cases/${caseId}/claims`, claimForm(CHEN), b.chen),
          403,
          "QC-R07",
          "idCard.residentId",
          fresh,
        );
        const token = (b.chen.Authorization ?? "").replace(/^Bearer /, "");
        await proveDemoDriver((path, init) => fresh.app.request(path, init), token, CHEN.mobile);
        const res = await fresh.postForm(`${R}/cases/${caseId}/claims`, claimForm(CHEN), b.chen);
        expect(res.status).toBe(201);
      } finally {
        await fresh.close();
      }
    });

    it("refuses paying before acceptance, and paying a claim twice pays once", async () => {
      const { caseId, claims } = await driveApi(t, a, "claimed");
      await refused(() => t.post(`${R}/claims/${claims.A}/payment`, {}, a.chen), 409, "QC-R07");
      await ok(
        t.post(
          `${R}/cases/${caseId}/assessment`,
          {
            losses: [
              { partyId: "A", vehicleYuan: "1200" },
              { partyId: "B", vehicleYuan: "300" },
            ],
          },
          a.adjuster,
        ),
      );
      await ok(t.post(`${R}/claims/${claims.A}/acceptance`, {}, a.adjuster));
      const first = await ok(t.post(`${R}/claims/${claims.A}/payment`, {}, a.chen));
      const second = await ok(t.post(`${R}/claims/${claims.A}/payment`, {}, a.chen));
      expect([first.status, second.status, second.requestId]).toEqual(["PAID", "PAID", first.requestId]);
      expect(
        t.gateway
          .transfers()
          .filter((x) => x.requestId.startsWith(`${claims.A}.`))
          .map((x) => x.amountFen),
      ).toEqual([120_000]);
    });

    it("a loss above the QC-R01 cap moves the case offline, keeps the signatures and pays nothing", async () => {
      const { caseId } = await driveApi(t, a, "claimed");
      const paidBefore = t.gateway.transfers().length;
      const res = await t.post(
        `${R}/cases/${caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "4200" },
            { partyId: "B", vehicleYuan: "900" },
          ],
        },
        a.adjuster,
      );
      const body = (await res.json()) as Record<string, unknown>;
      expect([res.status, body.ruleId, body.movedOffline]).toEqual([422, "QC-R01", true]);
      const view = await ok(t.get(`${R}/cases/${caseId}`, a.chen));
      expect([view.status, view.offline.ruleId, view.signatures.length]).toEqual(["OFFLINE", "QC-R01", 2]);
      expect(view.claims.map((c: { status: string }) => c.status)).toEqual(["WITHDRAWN"]);
      expect(t.gateway.transfers().length).toBe(paidBefore);
      await refused(
        () =>
          t.post(
            `${R}/cases/${caseId}/assessment`,
            {
              losses: [
                { partyId: "A", vehicleYuan: "100" },
                { partyId: "B", vehicleYuan: "100" },
              ],
            },
            a.adjuster,
          ),
        409,
        "QC-R05",
      );
    });

    it("refuses a yuan amount with three decimals at the edge", async () => {
      const { caseId } = await driveApi(t, a, "claimed");
      const res = await t.post(
        `${R}/cases/${caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "10.005" },
            { partyId: "B", vehicleYuan: "1" },
          ],
        },
        a.adjuster,
      );
      expect(res.status).toBe(400);
    });
  });
});

function bigJpeg(size: number): Uint8Array {
  const b = new Uint8Array(size).fill(0x20);
  b.set(JPEG);
  return b;
}
void WU;
