import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writtenState } from "./support/db-snapshot.ts";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, LIN_ID, LIN_MOBILE, type LinLoan, linLoan, productBody } from "./support/lin-journey.ts";

/**
 * The bad-input list: each refusal is a 4xx problem naming the rule, and nothing is
 * written (row counts and versions of every table the module touches, the outbox and the audit
 * log are the same before and after).
 */
describe("factors API refuses bad input with a problem naming the rule, writing nothing", () => {
  let t: FactorsTestApp;
  let lin: LinLoan;

  beforeAll(async () => {
    t = await createFactorsTestApp();
    lin = await linLoan(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function refused(request: () => Promise<{ status: number; body: any }>, status: number, ruleId: string) {
    const before = await writtenState(t.database.db);
    const res = await request();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toMatchObject({ status, ruleId });
    expect(typeof res.body.detail).toBe("string");
    expect(await writtenState(t.database.db)).toEqual(before);
    return res.body;
  }

  it("FAC-R01 wrong holder: the registry records someone else, so the submission is refused", async () => {
    const draft = await call(t, "POST", `${API}/factors`, lin.citizen, {
      countyCode: "350921",
      typeCode: "R04",
      holder: { kind: "person", idNumber: LIN_ID, name: "林阿伯" },
      title: "三沙海域使用权",
      location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
      quantity: "16",
      certificateNo: "闽(2018)霞浦海域第0117号",
      siteRef: "XP-SC-0117",
    });
    expect(draft.status).toBe(201);
    const body = await refused(
      () => call(t, "POST", `${API}/factors/${draft.body.id}/submit`, lin.citizen, {}),
      422,
      "FAC-R01",
    );
    expect(body).toMatchObject({ field: "holder", reason: "holder_mismatch" });
  });

  it("FAC-R03 splitting a 三权合一 bundle: one member cannot be mortgaged alone", async () => {
    const body = await refused(
      () =>
        call(t, "POST", `${API}/applications`, lin.citizen, {
          productId: lin.productId,
          collateral: [{ factorIds: [lin.factorIds[1]] }],
          amountYuan: "10000.00",
          termMonths: 12,
        }),
      422,
      "FAC-R03",
    );
    expect(body.field).toBe("factorIds");
  });

  it("FAC-R03 splitting a 三权合一 bundle: one member cannot be listed for sale alone either", async () => {
    const body = await refused(
      () =>
        call(t, "POST", `${API}/listings`, lin.citizen, {
          factorIds: [lin.factorIds[0]],
          kind: "sale",
          reservePriceYuan: "80000.00",
          closesOn: "2026-03-30",
        }),
      422,
      "FAC-R03",
    );
    expect(body.field).toBe("factorIds");
  });

  it("FAC-R06 an overlapping lien beyond the headroom is refused (168,000 limit, 150,000 already secured)", async () => {
    const app = await call(t, "POST", `${API}/applications`, lin.citizen, {
      productId: lin.productId,
      collateral: [{ factorIds: lin.factorIds }],
      amountYuan: "10000.00",
      termMonths: 12,
    });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    const body = await refused(
      () =>
        call(t, "POST", `${API}/applications/${app.body.id}/decision`, lin.bank, {
          decision: "accept",
          rateBp: 450,
          securedYuan: { [lin.bundleId]: "30000.00" },
        }),
      422,
      "FAC-R06",
    );
    expect(body).toMatchObject({ headroom: 1_800_000, limit: 16_800_000, requested: 3_000_000 });
  });

  it("FAC-R09 sharing ratios that do not add up to 100 % are refused", async () => {
    const admin = await t.staff(["institution_admin"], "nd-postal-bank");
    const terms = productBody("fish-raft-custody");
    const body = await refused(
      () =>
        call(t, "POST", `${API}/products`, admin, {
          ...terms,
          name: { zh: "渔排托管贷（错误）", en: "Wrong shares" },
          sharing: {
            sharesBp: { bank: 3000, guarantor: 4000, insurer: 0, governmentFund: 2000 },
            perLoanCapsYuan: { guarantor: null, insurer: null, governmentFund: null },
          },
        }),
      422,
      "FAC-R09",
    );
    expect(body.field).toBe("sharing.sharesBp");
  });

  it("FAC-R10 transferring an encumbered factor without the lien holder's consent is refused", async () => {
    const listing = await call(t, "POST", `${API}/listings`, lin.citizen, {
      factorIds: lin.factorIds,
      kind: "sale",
      reservePriceYuan: "200000.00",
      closesOn: "2026-03-30",
    });
    expect(listing.status, JSON.stringify(listing.body)).toBe(201);
    const bid = await call(t, "POST", `${API}/listings/${listing.body.id}/bids`, lin.bank, {
      amountYuan: "210000.00",
      bidder: { kind: "person", idNumber: "350925198803020412", name: "黄伟" },
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    t.clock.set("2026-03-31T02:00:00Z");
    const citizen = await t.citizen(LIN_MOBILE);
    await refused(() => call(t, "POST", `${API}/listings/${listing.body.id}/award`, citizen, {}), 409, "FAC-R10");
  });

  it("FAC-R08 disposal before the trigger: 30 days overdue is not 90", async () => {
    const servicing = await call(t, "POST", `${API}/loans/${lin.loanId}/servicing`, lin.bank, {
      outstandingPrincipalYuan: "150000.00",
      interestArrearsYuan: "1200.00",
      overdueSince: "2026-03-01",
    });
    expect(servicing.status, JSON.stringify(servicing.body)).toBe(200);
    const early = await refused(
      () => call(t, "POST", `${API}/loans/${lin.loanId}/default`, lin.bank, {}),
      409,
      "FAC-R08",
    );
    expect(early).toMatchObject({ daysOverdue: 30, trigger: 90 });
    await refused(
      () => call(t, "POST", `${API}/loans/${lin.loanId}/disposals`, lin.bank, { channel: "buy_out" }),
      409,
      "FAC-R08",
    );
  });

  it("FAC-R04 an expired valuation cannot back a new mortgage", async () => {
    t.clock.set("2027-03-15T02:00:00Z");
    const citizen = await t.citizen(LIN_MOBILE);
    const body = await refused(
      () =>
        call(t, "POST", `${API}/applications`, citizen, {
          productId: lin.productId,
          collateral: [{ factorIds: lin.factorIds }],
          amountYuan: "10000.00",
          termMonths: 12,
        }),
      422,
      "FAC-R04",
    );
    expect(body.detail).toMatch(/valuation/);
  });

  it("refuses a malformed body by name before any rule runs (400, KRN-R11)", async () => {
    const res = await refused(
      () =>
        call(t, "POST", `${API}/applications`, lin.bank, {
          productId: lin.productId,
          amountYuan: "12.345",
          smuggled: 1,
        }),
      400,
      "KRN-R11",
    );
    expect(res.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["amountYuan"]));
  });
});
