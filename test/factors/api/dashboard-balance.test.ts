import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, HUANG_ID, type LinLoan, linLoan } from "./support/lin-journey.ts";

const huang = { kind: "person", idNumber: HUANG_ID, name: "黄先生" } as const;
const HUANG_FACTORS = [
  { typeCode: "R04", title: "三沙海域使用权", quantity: "16", certificateNo: "闽(2018)霞浦海域第0117号" },
  { typeCode: "A01", title: "渔排 10 口", quantity: "10", certificateNo: "霞渔排备(2018)0117" },
  { typeCode: "R05", title: "水域滩涂养殖证", quantity: "16", certificateNo: "闽霞浦(2018)养证第0117号" },
].map((f) => ({
  ...f,
  countyCode: "350921",
  holder: huang,
  siteRef: "XP-SC-0117",
  location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
}));

/**
 * Issue 4 item 7 over the API: the dashboard's balance is as of the end of the requested period.
 * 林阿伯 (福安) borrows 150,000 yuan on 10 March and repays it on 15 June; 黄先生 (霞浦) borrows
 * 130,000 yuan on 18 March, defaults, and his raft bundle is bought out on 18 August (110,200 yuan
 * to principal); the 19,800 yuan left is written off when the loss is shared on 25 August.
 */
describe("factors API: dashboard balance as of a past period end, per county", () => {
  let t: FactorsTestApp;
  let lin: LinLoan;
  let regulator: string;

  const dashboard = async (to: string, countyCode?: string) => {
    const county = countyCode ? `&countyCode=${countyCode}` : "";
    const res = await call(t, "GET", `${API}/dashboard?from=2026-01-01&to=${to}${county}`, regulator);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createFactorsTestApp();
    lin = await linLoan(t); // booked 10 March
    let citizen = await t.citizen("13905930002");
    const factorIds: string[] = [];
    for (const f of HUANG_FACTORS) {
      const reg = await call(t, "POST", `${API}/factors`, citizen, f);
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, citizen, {});
      factorIds.push(reg.body.id);
    }
    t.clock.advance(8 * 86_400_000);
    citizen = await t.citizen("13905930002");
    for (const id of factorIds) await call(t, "POST", `${API}/factors/${id}/activate`, citizen, {});
    expect((await call(t, "POST", `${API}/bundles`, citizen, { factorIds })).status).toBe(201);
    expect((await call(t, "POST", `${API}/valuations`, citizen, { factorIds })).status).toBe(201);
    const app = await call(t, "POST", `${API}/applications`, citizen, {
      productId: lin.productId,
      collateral: [{ factorIds }],
      amountYuan: "130000.00",
      termMonths: 24,
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    const bank = lin.bank;
    await call(t, "POST", `${API}/applications/${app.body.id}/decision`, bank, { decision: "accept", rateBp: 480 });
    const reg = await call(t, "POST", `${API}/applications/${app.body.id}/registration`, bank, {});
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const huangLoan = reg.body.loan.id as string;
    expect(reg.body.loan.startedOn).toBe("2026-03-18");

    t.clock.set("2026-04-20T02:00:00Z"); // the typhoon: re-valued, overdue (interest only; principal unchanged)
    const revalued = await call(t, "POST", `${API}/valuations`, bank, {
      factorIds,
      conditions: {
        [factorIds[0] as string]: "fair",
        [factorIds[1] as string]: "poor",
        [factorIds[2] as string]: "fair",
      },
    });
    expect(revalued.body.valueYuan).toBe("154000.00");
    const overdue = await call(t, "POST", `${API}/loans/${huangLoan}/servicing`, bank, {
      outstandingPrincipalYuan: "130000.00",
      interestArrearsYuan: "3800.00",
      overdueSince: "2026-04-20",
    });
    expect(overdue.body.status, JSON.stringify(overdue.body)).toBe("OVERDUE");

    t.clock.set("2026-06-15T02:00:00Z");
    const repaid = await call(t, "POST", `${API}/loans/${lin.loanId}/servicing`, bank, {
      outstandingPrincipalYuan: "0.00",
      interestArrearsYuan: "0.00",
      overdueSince: null,
    });
    expect(repaid.body.status, JSON.stringify(repaid.body)).toBe("SETTLED");

    t.clock.set("2026-08-18T02:00:00Z");
    expect((await call(t, "POST", `${API}/loans/${huangLoan}/default`, bank, {})).status).toBe(200);
    const started = await call(t, "POST", `${API}/loans/${huangLoan}/disposals`, bank, { channel: "buy_out" });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const done = await call(t, "POST", `${API}/disposals/${started.body.id}/completion`, bank, {
      costsYuan: "1500.00",
    });
    expect(done.body.waterfall.liens[0]).toMatchObject({ interestYuan: "3800.00", principalYuan: "110200.00" });

    t.clock.set("2026-08-25T02:00:00Z");
    const loss = await call(t, "POST", `${API}/loans/${huangLoan}/loss-allocation`, bank, {});
    expect(loss.status, JSON.stringify(loss.body)).toBe(201);
    expect(loss.body.lossYuan).toBe("19800.00");
    regulator = await t.staff(["regulator"], null);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("March end: both loans at full principal, by county", async () => {
    expect(await dashboard("2026-03-31")).toMatchObject({
      balanceYuan: "280000.00",
      balanceByCountyYuan: { "350981": "150000.00", "350921": "130000.00" },
      balanceByProductYuan: { [lin.productId]: "280000.00" },
      entitiesWithBalance: 2,
      productsWithBalance: 1,
    });
  });

  it("a loan disbursed in March and repaid in June counts at the March and May ends, not the June end", async () => {
    for (const to of ["2026-03-31", "2026-05-31", "2026-06-14"]) {
      expect(await dashboard(to, "350981"), to).toMatchObject({
        balanceYuan: "150000.00",
        balanceByCountyYuan: { "350981": "150000.00" },
        entitiesWithBalance: 1,
        productsWithBalance: 1,
      });
    }
    expect(await dashboard("2026-06-30", "350981")).toMatchObject({
      balanceYuan: "0.00",
      balanceByCountyYuan: {},
      entitiesWithBalance: 0,
      productsWithBalance: 0,
    });
    // The whole year's dashboard still counts the loan as financed in the period.
    expect(await dashboard("2026-12-31", "350981")).toMatchObject({ entitiesFinanced: 1, balanceYuan: "0.00" });
  });

  it("a defaulted loan's balance drops by the proceeds applied to principal on the disposal date, then to zero at the write-off", async () => {
    expect((await dashboard("2026-08-17", "350921")).balanceYuan).toBe("130000.00");
    expect(await dashboard("2026-08-18", "350921")).toMatchObject({
      balanceYuan: "19800.00",
      balanceByCountyYuan: { "350921": "19800.00" },
      balanceByTypeYuan: { bundle: "19800.00" },
      entitiesWithBalance: 1,
    });
    expect((await dashboard("2026-08-24", "350921")).balanceYuan).toBe("19800.00");
    expect(await dashboard("2026-08-31")).toMatchObject({
      balanceYuan: "0.00",
      balanceByCountyYuan: {},
      entitiesWithBalance: 0,
      productsWithBalance: 0,
    });
  });
});
