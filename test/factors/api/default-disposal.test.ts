import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxDispatcher } from "../../../adapters/composition/outbox-subscriptions.ts";
import { GuarantorPort, InsurerPort } from "../../../core/factors/mod.ts";
import type { InstitutionDesk } from "../../../plugins/factors-sim-support/institution-desk.ts";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, HUANG_ID, productBody } from "./support/lin-journey.ts";

const HUANG_MOBILE = "13905930002";
const huang = { kind: "person", idNumber: HUANG_ID, name: "黄先生" } as const;
const site = "XP-SC-0117";
const HUANG_FACTORS = [
  {
    typeCode: "R04",
    title: "三沙海域使用权",
    quantity: "16",
    certificateNo: "闽(2018)霞浦海域第0117号",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
  },
  {
    typeCode: "A01",
    title: "渔排 10 口",
    quantity: "10",
    certificateNo: "霞渔排备(2018)0117",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区 渔排",
  },
  {
    typeCode: "R05",
    title: "水域滩涂养殖证",
    quantity: "16",
    certificateNo: "闽霞浦(2018)养证第0117号",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
  },
].map((f) => ({ ...f, countyCode: "350921", holder: huang, siteRef: site }));

async function drain(t: FactorsTestApp): Promise<{ delivered: number; failed: number }> {
  const dispatcher = createOutboxDispatcher(t.platform, undefined, () => {});
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const r = await dispatcher.runOnce();
    delivered += r.delivered;
    failed += r.failed;
    if (r.claimed === 0) return { delivered, failed };
  }
}

/**
 * Spec 90-demo-story: 黄先生 borrows against his raft bundle in 霞浦, falls 120 days overdue after a
 * typhoon; 霞浦 福宁海投 buys the raft out at 75 % of its value; the shortfall is shared 40/20/20/20.
 */
describe("factors API: 黄先生's default, buy-out by 福宁海投 at 75 % and the 40/20/20/20 loss", () => {
  let t: FactorsTestApp;
  let loanId: string;
  let bank: string;
  let factorIds: string[];

  beforeAll(async () => {
    // The guarantor's system refuses each notice once: deliveries wait, then go through on retry.
    t = await createFactorsTestApp({
      pluginConfig: {
        "factors-guarantor-sim": {
          guarantors: [{ id: "nd-gov-guarantor", name: "宁德市政府性融资担保公司（演示）", failFirst: 1 }],
        },
      },
    });
    let citizen = await t.citizen(HUANG_MOBILE);
    factorIds = [];
    for (const f of HUANG_FACTORS) {
      const reg = await call(t, "POST", `${API}/factors`, citizen, f);
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      expect((await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, citizen, {})).body.outcome).toBe(
        "publicised",
      );
      factorIds.push(reg.body.id);
    }
    t.clock.advance(8 * 86_400_000);
    citizen = await t.citizen(HUANG_MOBILE);
    for (const id of factorIds)
      expect((await call(t, "POST", `${API}/factors/${id}/activate`, citizen, {})).status).toBe(200);
    expect((await call(t, "POST", `${API}/bundles`, citizen, { factorIds })).status).toBe(201);
    const v = await call(t, "POST", `${API}/valuations`, citizen, { factorIds });
    expect(v.body.valueYuan).toBe("230000.00"); // 16 亩 × 3,000 + 10 口 × 15,000 + 16 亩 × 2,000
    const admin = await t.staff(["institution_admin"], "nd-rural-bank");
    const product = await call(t, "POST", `${API}/products`, admin, productBody("fish-raft-farming"));
    const app = await call(t, "POST", `${API}/applications`, citizen, {
      productId: product.body.id,
      collateral: [{ factorIds }],
      amountYuan: "130000.00",
      termMonths: 24,
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    bank = await t.staff(["institution_staff"], "nd-rural-bank");
    await call(t, "POST", `${API}/applications/${app.body.id}/decision`, bank, { decision: "accept", rateBp: 480 });
    const reg = await call(t, "POST", `${API}/applications/${app.body.id}/registration`, bank, {});
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    loanId = reg.body.loan.id;
    // The typhoon (2026-04): the bank has the damaged bundle valued again: rafts poor, sea and licence fair.
    t.clock.set("2026-04-20T02:00:00Z");
    const revalued = await call(t, "POST", `${API}/valuations`, bank, {
      factorIds,
      conditions: {
        [factorIds[0] as string]: "fair",
        [factorIds[1] as string]: "poor",
        [factorIds[2] as string]: "fair",
      },
    });
    expect(revalued.status, JSON.stringify(revalued.body)).toBe(201);
    expect(revalued.body.valueYuan).toBe("154000.00");
    const overdue = await call(t, "POST", `${API}/loans/${loanId}/servicing`, bank, {
      outstandingPrincipalYuan: "125000.00",
      interestArrearsYuan: "3800.00",
      overdueSince: "2026-04-20",
    });
    expect(overdue.body.status, JSON.stringify(overdue.body)).toBe("OVERDUE");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("FAC-R08 reports the default once 120 days overdue and tells the guarantor and insurer (retried)", async () => {
    t.clock.set("2026-08-18T02:00:00Z"); // 120 days after 2026-04-20
    const res = await call(t, "POST", `${API}/loans/${loanId}/default`, bank, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe("DEFAULTED");
    const first = await drain(t);
    expect(first.failed).toBeGreaterThan(0);
    const waiting = await call(t, "GET", `${API}/loans/${loanId}`, bank);
    const notice = waiting.body.deliveries.find((d: { type: string }) => d.type === "factors.loan.defaulted");
    expect(notice).toMatchObject({ state: "waiting", attempts: 1 });
    expect(notice.lastError).toMatch(/simulated failure/);
    t.clock.advance(60_000); // past the backoff
    await drain(t);
    const region = t.platform.region("350900");
    const g = region.adapter<InstitutionDesk>(GuarantorPort, "350921");
    const i = region.adapter<InstitutionDesk>(InsurerPort, "350921");
    expect(g.receipts("nd-gov-guarantor").filter((r) => r.type === "factors.loan.defaulted")).toHaveLength(1);
    expect(i.receipts("nd-agri-insurer").filter((r) => r.type === "factors.loan.defaulted")).toHaveLength(1);
    const after = await call(t, "GET", `${API}/loans/${loanId}`, bank);
    expect(after.body.deliveries.find((d: { type: string }) => d.type === "factors.loan.defaulted").state).toBe(
      "delivered",
    );
    expect(after.body.trigger).toMatchObject({
      daysOverdue: 120,
      triggerDays: 90,
      channels: ["listing", "auction", "buy_out"],
    });
  });

  it("FAC-R08/R07 福宁海投 buys the bundle out at 75 % of the current value; proceeds pay costs, interest, then principal", async () => {
    const started = await call(t, "POST", `${API}/loans/${loanId}/disposals`, bank, { channel: "buy_out" });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.buyOut).toMatchObject({ companyId: "xiapu-funing-haitou", offerYuan: "115500.00" });
    expect(started.body.valuationValueYuan).toBe("154000.00");
    const done = await call(t, "POST", `${API}/disposals/${started.body.id}/completion`, bank, {
      costsYuan: "1500.00",
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.waterfall).toMatchObject({
      proceedsYuan: "115500.00",
      costsYuan: "1500.00",
      liens: [{ interestYuan: "3800.00", principalYuan: "110200.00", shortfallYuan: "14800.00" }],
      holderYuan: "0.00",
    });
    const h = await call(t, "GET", `${API}/factors/${factorIds[1]}`, bank);
    expect(h.body.factor.status).toBe("DISPOSED");
    // Every move is an event with actor, time and reason; the last ones are the disposal's.
    const events = h.body.events as { kind: string; actor: string; at: string; reason: string; toStatus: string }[];
    for (const e of events) {
      expect(e.actor.length, e.kind).toBeGreaterThan(0);
      expect(e.reason.length, e.kind).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(e.at)), e.kind).toBe(false);
    }
    expect(events.slice(-2).map((e) => [e.kind, e.toStatus])).toEqual([
      ["disposal_started", "DISPOSING"],
      ["disposed", "DISPOSED"],
    ]);
    expect(events.at(-1)?.actor).toMatch(/^inst:nd-rural-bank\//);
  });

  it("FAC-R09 shares the 14,800 yuan shortfall 40/20/20/20 and sends the claims", async () => {
    const res = await call(t, "POST", `${API}/loans/${loanId}/loss-allocation`, bank, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      lossYuan: "14800.00",
      partsYuan: { guarantor: "5920.00", governmentFund: "2960.00", insurer: "2960.00", bank: "2960.00" },
    });
    t.clock.advance(120_000);
    await drain(t);
    t.clock.advance(120_000);
    await drain(t);
    const g = t.platform.region("350900").adapter<InstitutionDesk>(GuarantorPort, "350921");
    const claim = g.receipts("nd-gov-guarantor").find((r) => r.type === "factors.loss.claim");
    expect(claim?.payload).toMatchObject({ party: "guarantor", amount: 592_000, countyCode: "350921" });
    const regulator = await t.staff(["regulator"], null);
    const dash = await call(t, "GET", `${API}/dashboard?countyCode=350921&from=2026-01-01&to=2026-12-31`, regulator);
    expect(dash.body).toMatchObject({
      entitiesFinanced: 1,
      balanceYuan: "0.00",
      disposals: { completed: 1, proceedsYuan: "115500.00" },
      lossesByPartyYuan: { bank: "2960.00", guarantor: "5920.00", insurer: "2960.00", governmentFund: "2960.00" },
    });
  });

  it("FAC-R09 the fund's 2,960 yuan claim is on 霞浦's fund ledger for the finance bureau, and exports as CSV", async () => {
    const xiapu = await t.staff(["regulator"], null, ["350921"]);
    const ledger = await call(t, "GET", `${API}/fund-ledger?year=2026`, xiapu);
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    expect(ledger.body).toMatchObject({ year: 2026, countyCode: null, totalYuan: "2960.00" });
    expect(ledger.body.counties).toEqual([
      { countyCode: "350921", annualCapYuan: null, usedYuan: "2960.00", remainingYuan: null, claims: 1 },
    ]);
    expect(ledger.body.claims).toEqual([
      expect.objectContaining({
        loanId,
        countyCode: "350921",
        bankId: "nd-rural-bank",
        principalYuan: "130000.00",
        lossYuan: "14800.00",
        fundPartYuan: "2960.00",
      }),
    ]);
    const claims = await t.app.request(`/api/factors/350900/fund-ledger/claims.csv?year=2026`, {
      headers: { Authorization: xiapu },
    });
    expect(claims.status).toBe(200);
    expect(claims.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await claims.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Chinese
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("年度,县（市、区）代码,县（市、区）")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`2026,350921,霞浦县,`);
    expect(lines[1]).toContain(`,${loanId},`);
    expect(lines[1]).toMatch(/,130000\.00,[\d-]+,14800\.00,2960\.00,2026-\d\d-\d\d$/);
    const counties = await t.app.request(`/api/factors/350900/fund-ledger/counties.csv?year=2026`, {
      headers: { Authorization: xiapu },
    });
    expect((await counties.text()).trim().split("\r\n")[1]).toBe(
      `2026,350921,霞浦县,未设上限,2960.00,—,1,${ledger.body.capsAsOf}`,
    );
    // The prefecture's regulator sees all nine county funds; 福安's sees only 福安 and not 霞浦.
    const city = await call(t, "GET", `${API}/fund-ledger?year=2026`, await t.staff(["regulator"], null));
    expect(city.body.counties).toHaveLength(9);
    const fuan = await t.staff(["regulator"], null, ["350981"]);
    expect((await call(t, "GET", `${API}/fund-ledger?year=2026`, fuan)).body).toMatchObject({
      totalYuan: "0.00",
      claims: [],
    });
    expect((await call(t, "GET", `${API}/fund-ledger?year=2026&countyCode=350921`, fuan)).status).toBe(404);
    expect((await call(t, "GET", `${API}/fund-ledger?year=2026`, bank)).status).toBe(403);
    expect((await call(t, "GET", `${API}/fund-ledger?year=20x6`, xiapu)).status).toBe(400);
  });

  it("FAC-R08 a county without a collection company offers listing and auction only (寿宁)", async () => {
    const staff = await t.staff(["institution_staff"], "nd-rural-bank");
    const zhou = { kind: "person", idNumber: "35092419720130015X", name: "周德胜" } as const;
    const reg = await call(t, "POST", `${API}/factors`, staff, {
      countyCode: "350924",
      typeCode: "A07",
      holder: zhou,
      title: "下党乡农房 150 平方米",
      location: "寿宁县下党乡 下党村 28 号",
      quantity: "150",
      certificateNo: "闽(2017)寿宁不动产权第0528号",
    });
    expect((await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, staff, {})).body.outcome).toBe("publicised");
    t.clock.advance(8 * 86_400_000);
    expect((await call(t, "POST", `${API}/factors/${reg.body.id}/activate`, staff, {})).status).toBe(200);
    expect((await call(t, "POST", `${API}/valuations`, staff, { factorIds: [reg.body.id] })).body.valueYuan).toBe(
      "180000.00",
    );
    const admin = await t.staff(["institution_admin"], "nd-rural-bank");
    const product = await call(t, "POST", `${API}/products`, admin, productBody("rural-house"));
    const app = await call(t, "POST", `${API}/applications`, staff, {
      productId: product.body.id,
      collateral: [{ factorIds: [reg.body.id] }],
      amountYuan: "80000.00",
      termMonths: 24,
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    await call(t, "POST", `${API}/applications/${app.body.id}/decision`, staff, { decision: "accept", rateBp: 500 });
    const booked = await call(t, "POST", `${API}/applications/${app.body.id}/registration`, staff, {});
    const zhouLoan = booked.body.loan.id;
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    await call(t, "POST", `${API}/loans/${zhouLoan}/servicing`, staff, {
      outstandingPrincipalYuan: "80000.00",
      interestArrearsYuan: "900.00",
      overdueSince: today,
    });
    t.clock.advance(95 * 86_400_000);
    expect((await call(t, "POST", `${API}/loans/${zhouLoan}/default`, staff, {})).status).toBe(200);
    const refused = await call(t, "POST", `${API}/loans/${zhouLoan}/disposals`, staff, { channel: "buy_out" });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ruleId: "FAC-R08", field: "channel" });
    const listing = await call(t, "POST", `${API}/loans/${zhouLoan}/disposals`, staff, {
      channel: "listing",
      reservePriceYuan: "90000.00",
    });
    expect(listing.status, JSON.stringify(listing.body)).toBe(201);
    expect(listing.body.channel).toBe("listing");
    const market = await call(t, "GET", `${API}/market`, await t.citizen(HUANG_MOBILE));
    expect(market.status).toBe(200);
    expect(market.body.disposals.map((d: { id: string }) => d.id)).toEqual([listing.body.id]);
    expect(market.body.listed[reg.body.id]).toMatchObject({
      title: "下党乡农房 150 平方米",
      quantity: { value: "150" },
    });
    expect(JSON.stringify(market.body)).not.toContain("35092419720130015X");
  });
});
