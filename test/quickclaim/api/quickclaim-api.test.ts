import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { type Actors, actors, driveApi, ok, R } from "./support/api-flow.ts";
import { createQuickClaimTestApp, type QuickClaimTestApp } from "./support/quickclaim-test-app.ts";

describe("快处快赔 JSON API: two parties from report to paid", () => {
  let t: QuickClaimTestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await createQuickClaimTestApp();
    a = await actors(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("report → photos and items → police determination → signatures → claims → assessment → acceptance → paid → follow-up → figures", async () => {
    const report = await ok(
      t.post(
        `${R}/cases`,
        {
          regionCode: "350982",
          accidentAt: "2026-03-01T13:40:00+08:00",
          place: { address: "福鼎市太姥山镇 G104 国道旁", point: { lat: 27.0931, lng: 120.2014 } },
          circumstances: { anyoneInjured: false, deathOrSeriousInjury: false, vehiclesMovable: true },
          parties: [
            { plate: CHEN.plate, mobile: CHEN.mobile },
            { plate: WU.plate, mobile: WU.mobile },
          ],
        },
        a.chen,
      ),
      201,
    );
    expect([report.status, report.centreId, report.reporterPartyId]).toEqual(["REPORTED", "fuding", "A"]);
    expect(report.caseUrl).toMatch(/\/quickclaim\/350900\/cases\//);
    // the rest of the flow (photos, items, evidence, determination, signatures, claims)
    const flow = await driveApi(t, a, "claimed");
    const caseId = flow.caseId;

    const queue = await ok(t.get(`${R}/adjuster/queue`, a.adjuster));
    expect(queue.claims.map((x: { caseId: string }) => x.caseId)).toContain(caseId);

    const assessed = await ok(
      t.post(
        `${R}/cases/${caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "3200.00" },
            { partyId: "B", vehicleYuan: "800" },
          ],
        },
        a.adjuster,
      ),
    );
    expect(assessed.plan.mode).toBe("compulsory-first");
    const byParty = Object.fromEntries(
      assessed.claims.map((c: { partyId: string; payoutYuan: string }) => [c.partyId, c.payoutYuan]),
    );
    // 陈姐 (no liability): her 3,200 by 吴建国's 交强险 (2,000) then his commercial cover (1,200);
    // 吴建国 (full liability): 100 yuan from her 交强险's no-liability limit, the rest is his own.
    expect(byParty).toEqual({ A: "3200.00", B: "100.00" });

    for (const claimId of [flow.claims.A, flow.claims.B]) {
      const acc = await ok(t.post(`${R}/claims/${claimId}/acceptance`, {}, a.adjuster));
      expect(acc.status).toBe("ACCEPTED");
    }
    const paidA = await ok(t.post(`${R}/claims/${flow.claims.A}/payment`, {}, a.chen));
    expect([paidA.status, paidA.amountYuan, paidA.attemptState]).toEqual(["PAID", "3200.00", "SUCCEEDED"]);
    const paidB = await ok(t.post(`${R}/claims/${flow.claims.B}/payment`, {}, a.wu));
    expect([paidB.status, paidB.amountYuan]).toEqual(["PAID", "100.00"]);

    const view = await ok(t.get(`${R}/cases/${caseId}`, a.chen));
    expect(view.status).toBe("PAID");
    expect(view.claims[0].payoutYuan).toBe("3200.00");
    expect(view.claims[0].bankCard.number).toBe(CHEN.card);
    expect(JSON.stringify(view)).not.toMatch(/Fen"/);
    expect(view.photos[0].storageKey).toBeUndefined();

    await ok(
      t.post(`${R}/cases/${caseId}/survey`, { satisfied: true, suggestion: "希望夜间也有查勘员值班" }, a.chen),
      201,
    );
    await ok(t.post(`${R}/cases/${caseId}/survey`, { satisfied: true }, a.wu), 201);

    const figures = await ok(t.get(`${R}/figures?from=2026-03-01&to=2026-03-31&groupBy=centre`, a.regulator));
    const fuding = figures.rows.find((r: { key: string }) => r.key === "fuding");
    expect(fuding.handledRemotely).toBeGreaterThanOrEqual(1);
    expect(fuding.payout.count).toBe(2);
    expect(fuding.satisfactionBp).toBe(10_000);
    expect(fuding.recentSuggestions).toContain("希望夜间也有查勘员值班");

    const mine = await ok(t.get(`${R}/cases/mine`, a.wu));
    expect(mine.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const photo = await t.get(`${R}/cases/${caseId}/photos/${view.photos[0].id}`, a.police);
    expect([photo.status, photo.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
    expect(new Uint8Array(await photo.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  });

  it("documents every route in /openapi.json, uploads as multipart with binary parts", async () => {
    const doc = (await (await t.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
      components: { schemas: Record<string, { properties: Record<string, { format?: string }> }> };
    };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith("/api/quickclaim/"));
    expect(paths.length).toBeGreaterThanOrEqual(17);
    const upload = doc.paths["/api/quickclaim/{region}/cases/{caseId}/photos"]?.post?.requestBody?.content;
    expect(Object.keys(upload ?? {})).toEqual(["multipart/form-data"]);
    expect(JSON.stringify(upload)).toContain("#/components/schemas/PhotoUpload");
    expect(doc.components.schemas.PhotoUpload?.properties.photo?.format).toBe("binary");
    expect(doc.components.schemas.OneClickClaim?.properties.bankCardPhoto?.format).toBe("binary");
  });

  it("the police desk sees the queue and pulls surveillance clips near the place", async () => {
    const flow = await driveApi(t, a, "evidence");
    const q = await ok(t.get(`${R}/police/queue?limit=50`, a.police));
    expect(q.cases.map((c: { caseId: string }) => c.caseId)).toContain(flow.caseId);
    const clips = await ok(t.post(`${R}/cases/${flow.caseId}/video-lookups`, {}, a.police));
    expect(clips.clips.map((c: { cameraId: string }) => c.cameraId)).toEqual(["fd-g104-tls-01"]);
  });

  it("a repeated POST with the same Idempotency-Key answers with the first response (KRN-R08)", async () => {
    const flow = await driveApi(t, a, "claimed");
    await ok(
      t.post(
        `${R}/cases/${flow.caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "1500" },
            { partyId: "B", vehicleYuan: "500" },
          ],
        },
        a.adjuster,
      ),
    );
    await ok(t.post(`${R}/claims/${flow.claims.A}/acceptance`, {}, a.adjuster));
    const first = await t.post(`${R}/claims/${flow.claims.A}/payment`, {}, a.chen, "pay-once-1");
    const again = await t.post(`${R}/claims/${flow.claims.A}/payment`, {}, a.chen, "pay-once-1");
    expect([first.status, again.status, again.headers.get("Idempotent-Replayed")]).toEqual([200, 200, "true"]);
    expect(await again.json()).toEqual(await first.json());
    const other = await ok(t.post(`${R}/claims/${flow.claims.A}/payment`, {}, a.chen, "pay-once-2"));
    expect(other.status).toBe("PAID");
    expect(t.gateway.transfers().filter((x) => x.requestId.startsWith(`${flow.claims.A}.`)).length).toBe(1);
  });
});
