import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, JPEG, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { createPageApp, getPage, onceFor, type PageApp, postForm } from "./support/page-app.ts";

/** 保险协理员 / 交通劝导员: a clerk of the 福鼎 centre fills the case in for both parties. */
describe("快处快赔 pages for a clerk helping the parties", () => {
  let t: PageApp;
  let clerk: string;
  const R = "/quickclaim/350900";

  beforeAll(async () => {
    t = await createPageApp();
    clerk = await t.staffKey(["clerk"], ["350982"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (county: string) => {
    const form = await (await getPage(t.app, `${R}/report`, clerk)).text();
    return postForm(t.app, `${R}/report`, clerk, {
      _once: onceFor(form, `${R}/report`),
      regionCode: county,
      accidentAt: "2026-03-01T13:40",
      address: "福鼎市太姥山镇 G104 国道旁",
      lat: "27.0931",
      lng: "120.2014",
      plate0: CHEN.plate,
      mobile0: CHEN.mobile,
      plate1: WU.plate,
      mobile1: WU.mobile,
      vehiclesMovable: "on",
    });
  };

  it("may not report an accident outside the county the clerk serves (KRN-R06)", async () => {
    const res = await report("350981");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('data-rule="KRN-R06"');
  });

  it("reports, then adds photos and both parties' items, and submits the evidence for them", async () => {
    const res = await report("350982");
    expect(res.status).toBe(303);
    const casePath = (res.headers.get("location") as string).replace(/\?.*$/, "");
    const page = await (await getPage(t.app, casePath, clerk)).text();
    expect(page).toContain('data-testid="items-A"');
    expect(page).toContain('data-testid="items-B"');
    for (const slot of ["front", "rear", "collision"]) {
      const html = await (await getPage(t.app, casePath, clerk)).text();
      const up = await postForm(
        t.app,
        `${casePath}/photos`,
        clerk,
        {
          _once: onceFor(html, `${casePath}/photos`, `value="${slot}"`),
          slot,
          capturedAt: "2026-03-01T13:44",
          lat: "27.0931",
          lng: "120.2014",
        },
        { photo: { name: `${slot}.jpg`, type: "image/jpeg", bytes: JPEG } },
      );
      expect(up.status).toBe(303);
    }
    const people = [
      ["A", CHEN, "PDZA2026350900001111", "350900111111"],
      ["B", WU, "PDZA2026350900002221", "350900222222"],
    ] as const;
    for (const [partyId, who, policy, licence] of people) {
      const html = await (await getPage(t.app, casePath, clerk)).text();
      const saved = await postForm(t.app, `${casePath}/items`, clerk, {
        _once: onceFor(html, `${casePath}/items`, `name="partyId" value="${partyId}"`),
        partyId,
        plate: who.plate,
        driverName: who.name,
        driverLicenceNo: who.residentId,
        vehicleLicenceNo: licence,
        insurerId: who.insurerId,
        compulsoryPolicyNo: policy,
        commercialPolicyNo: "",
        mobile: who.mobile,
      });
      expect(saved.status).toBe(303);
    }
    const html = await (await getPage(t.app, casePath, clerk)).text();
    const submitted = await postForm(t.app, `${casePath}/submit`, clerk, {
      _once: onceFor(html, `${casePath}/submit`),
    });
    expect(submitted.status).toBe(303);
    const caseId = casePath.split("/").at(-1) as string;
    expect((await t.deps.uow.run((tx) => tx.cases.get(caseId)))?.status).toBe("EVIDENCE_SUBMITTED");
  });
});
