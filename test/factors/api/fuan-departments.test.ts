import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API } from "./support/lin-journey.ts";

const zhong = { kind: "person", idNumber: "350981196408160353", name: "钟国良" } as const;

/**
 * FAC-R01 福安's non-standard (无证) types: no certificate number, confirmed by the department
 * the county's pack names — 果园大棚 and 集体资产股权 by the 农业农村局 (fuan-agri).
 */
describe("factors API: 福安's 无证 assets are confirmed by the department the county pack names", () => {
  let t: FactorsTestApp;
  let bank: string;

  beforeAll(async () => {
    t = await createFactorsTestApp();
    bank = await t.staff(["institution_staff"], "nd-rural-bank");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an orchard greenhouse (A02) is confirmed by 福安市农业农村局 without a certificate, and publicised", async () => {
    const reg = await call(t, "POST", `${API}/factors`, bank, {
      countyCode: "350981",
      typeCode: "A02",
      holder: zhong,
      title: "葡萄果园大棚",
      location: "福安市穆阳镇 苏堤村 果园大棚 3 号",
      quantity: "1800",
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const sub = await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, bank, {});
    expect(sub.body.outcome).toBe("publicised");
    expect(sub.body.factor).toMatchObject({ registryRecordNo: "FA-NY-2023-0003", certificateNo: null });
    const h = await call(t, "GET", `${API}/factors/${reg.body.id}`, bank);
    const confirmed = h.body.events.find((e: { kind: string }) => e.kind === "confirmed");
    expect(confirmed.data).toMatchObject({ registry: "department", departmentId: "fuan-agri" });
    expect(confirmed.reason).toBe("confirmed by 福安市农业农村局");
  });

  it("collective-asset equity (R06) the department has not decided yet waits, visibly, on the county desk", async () => {
    const reg = await call(t, "POST", `${API}/factors`, bank, {
      countyCode: "350981",
      typeCode: "R06",
      holder: zhong,
      title: "苏堤村集体资产股权 20 股",
      location: "福安市穆阳镇 苏堤村 股份经济合作社",
      quantity: "20",
    });
    const sub = await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, bank, {});
    expect(sub.body).toMatchObject({ outcome: "awaiting_department", factor: { status: "SUBMITTED" } });
    const official = await t.staff(["regulator"], null, ["350981"]);
    const desk = await call(t, "GET", `${API}/county-queue?countyCode=350981`, official);
    expect(desk.status).toBe(200);
    expect(desk.body.awaitingConfirmation.map((f: { id: string }) => f.id)).toEqual([reg.body.id]);
    const again = await call(t, "POST", `${API}/factors/${reg.body.id}/confirm`, official, {});
    expect(again.body.outcome).toBe("awaiting_department");
  });

  it("a certificate type elsewhere still needs its certificate number (FAC-R01)", async () => {
    const res = await call(t, "POST", `${API}/factors`, bank, {
      countyCode: "350902",
      typeCode: "A02",
      holder: zhong,
      title: "大棚",
      location: "蕉城区 某地",
      quantity: "100",
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ ruleId: "FAC-R01", field: "certificateNo" });
  });
});
