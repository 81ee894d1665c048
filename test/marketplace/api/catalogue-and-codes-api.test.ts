import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, body, createMarketplaceApi, type MarketplaceApi } from "./support/marketplace-api.ts";

let api: MarketplaceApi;
let ccbStaff: string;
let ccbAdmin: string;
let cibAdmin: string;
let regulator: string;
let citizen: string;

beforeAll(async () => {
  api = await createMarketplaceApi();
  ccbStaff = await api.staffKey(["institution_staff"], "inst_ccb");
  ccbAdmin = await api.staffKey(["institution_admin"], "inst_ccb");
  cibAdmin = await api.staffKey(["institution_admin"], "inst_cib");
  regulator = await api.staffKey(["regulator"]);
  citizen = await api.signIn("13859012345");
});
afterAll(async () => {
  await api?.close();
});

describe("the product marketplace (public; browsing needs no consent, MKT-R01)", () => {
  it.each([
    ["the 小店经济 column", "specialAction=small-shop", ["prd_ccb_zhihui", "prd_psbc_xiaoxin"]],
    [
      "direct-connect products for farmers",
      "channel=direct&segment=farmer",
      ["prd_abc_huinongedai", "prd_abc_xinglin", "prd_lyrcb_eloan"],
    ],
    [
      "products lending 2,000,000 yuan over 60 months",
      "amount=2000000&termMonths=60",
      ["prd_abc_fangdidai", "prd_abc_xinglin", "prd_ccb_diyakuaidai"],
    ],
    ["a name search (兴)", "text=%E5%85%B4", ["prd_abc_xinglin", "prd_cib_xingshan", "prd_lyagri_xiangcun"]],
  ])("%s", async (_title, query, ids) => {
    const res = await api.call("GET", `${BASE}/products?${query}`);
    expect(res.status).toBe(200);
    const page = await body<{ items: { id: string; amountMin: string }[]; total: number }>(res);
    expect(page.items.map((p) => p.id)).toEqual(ids);
    expect(page.total).toBe(ids.length);
    for (const p of page.items) expect(p.amountMin).toMatch(/^\d+\.\d{2}$/);
  });

  it("a product's consent screen names the recipient, each category's department and purpose, and the terms", async () => {
    const res = await api.call("GET", `${BASE}/products/prd_ccb_zhihui`);
    const d = await body<{
      institution: { name: { zh: string } };
      consentScreen: {
        categories: { code: string; department: { name: { zh: string } }; purpose: string; required: boolean }[];
        terms: { dataLifeMonths: number };
      };
    }>(res);
    expect(d.institution.name.zh).toBe("中国建设银行龙岩分行");
    const flow = d.consentScreen.categories.find((c) => c.code === "unionpay.acquiring-flow");
    expect(flow).toMatchObject({ required: true, department: { name: { zh: "中国银联福建分公司" } } });
    expect(flow?.purpose).toContain("银联收单流水");
    expect(d.consentScreen.terms.dataLifeMonths).toBe(12);
  });

  it("the catalogue of 17 departments and 44 government categories (plus UnionPay), special actions and institutions", async () => {
    const c = await body<{
      departments: { kind: string }[];
      categories: { department: string }[];
      specialActions: unknown[];
      institutions: unknown[];
    }>(await api.call("GET", `${BASE}/catalogue`));
    expect(c.departments.filter((d) => d.kind === "government").length).toBe(17);
    expect(c.categories.filter((x) => x.department !== "unionpay").length).toBe(44);
    expect(c.specialActions.length).toBe(5);
    expect(c.institutions.length).toBe(12);
  });

  it.each([
    ["an unknown filter", "colour=red", 400],
    ["a special action that is not a code", `specialAction=${"x".repeat(70)}`, 400],
    ["an amount that is not yuan", "amount=abc", 400],
  ])("refuses %s with a problem (never a 500)", async (_t, query, status) => {
    const res = await api.call("GET", `${BASE}/products?${query}`);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("an unknown region and a region without the module are 404", async () => {
    expect((await api.call("GET", "/api/marketplace/350500/products")).status).toBe(404);
    expect((await api.call("GET", `${BASE}/products/prd_nowhere`)).status).toBe(404);
  });
});

describe("listing institutions and products", () => {
  const productBody = (over: Record<string, unknown> = {}) => ({
    institutionId: "inst_ccb",
    name: { zh: "科创快贷", en: "Tech quick loan" },
    type: "credit",
    description: "科技型企业信用贷款",
    amountMin: "10000",
    amountMax: "1000000.00",
    termMonthsMin: 6,
    termMonthsMax: 36,
    rateMinBp: 385,
    rateMaxBp: 600,
    segments: ["small-firm"],
    specialActions: ["startup"],
    channel: "manual",
    dataNeeds: [{ category: "tax.credit-grade", purpose: "评定信用等级", required: true }],
    ...over,
  });

  it("the regulator registers a guarantor with a valid USCC; a bad check character is 422 naming the field", async () => {
    const ok = await api.call("POST", `${BASE}/institutions`, regulator, {
      name: { zh: "上杭县融资担保有限公司", en: "Shanghang Financing Guarantee" },
      kind: "guarantor",
      uscc: "91350800MA2YQ3LF3C",
      branches: [{ id: "shg_main", name: { zh: "本部", en: "Head office" }, regionCode: "350823" }],
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const bad = await api.call("POST", `${BASE}/institutions`, regulator, {
      name: { zh: "x", en: "x" },
      kind: "bank",
      uscc: "91350800MA2YQ3LF3D",
      branches: [],
    });
    expect(bad.status).toBe(422);
    expect(await body(bad)).toMatchObject({ ruleId: "KRN-ID", field: "uscc" });
    expect(
      (
        await api.call("POST", `${BASE}/institutions`, ccbAdmin, {
          name: { zh: "x", en: "x" },
          kind: "bank",
          uscc: "x",
          branches: [],
        })
      ).status,
    ).toBe(403);
  });

  it("an institution's administrator lists a product; asking for data its fair-use template forbids is refused (MKT-R02)", async () => {
    const ok = await api.call("POST", `${BASE}/products`, ccbAdmin, productBody());
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(await body(ok)).toMatchObject({ amountMin: "10000.00", amountMax: "1000000.00", status: "ACTIVE" });
    const greedy = await api.call(
      "POST",
      `${BASE}/products`,
      ccbAdmin,
      productBody({ dataNeeds: [{ category: "estate.mortgage", purpose: "抵押", required: true }] }),
    );
    expect(greedy.status).toBe(422);
    expect(await body(greedy)).toMatchObject({ ruleId: "MKT-R02", field: "dataNeeds.0.category" });
    const longLife = await api.call("POST", `${BASE}/products`, ccbAdmin, productBody({ dataLifeMonths: 36 }));
    expect(await body(longLife)).toMatchObject({ ruleId: "MKT-R02", field: "dataLifeMonths" });
    expect((await api.call("POST", `${BASE}/products`, cibAdmin, productBody())).status).toBe(403);
  });

  it("withdraws a product from the marketplace and lists it again", async () => {
    const off = await api.call("POST", `${BASE}/products/prd_ccb_diyakuaidai/status`, ccbAdmin, {
      status: "WITHDRAWN",
    });
    expect(await body(off)).toMatchObject({ status: "WITHDRAWN" });
    expect((await api.call("GET", `${BASE}/products/prd_ccb_diyakuaidai`)).status).toBe(404);
    expect(
      (await api.call("POST", `${BASE}/products/prd_ccb_diyakuaidai/status`, cibAdmin, { status: "ACTIVE" })).status,
    ).toBe(404);
    await api.call("POST", `${BASE}/products/prd_ccb_diyakuaidai/status`, ccbAdmin, { status: "ACTIVE" });
    expect((await api.call("GET", `${BASE}/products/prd_ccb_diyakuaidai`)).status).toBe(200);
  });
});

describe("码上贷 QR codes (MKT-R08)", () => {
  let code: { code: { id: string }; token: string; link: string; qrPng: string; qrSvg: string };

  it("a branch issues a signed code; the QR images encode the 码上贷 landing link", async () => {
    const res = await api.call("POST", `${BASE}/apply-codes`, ccbStaff, {
      productId: "prd_ccb_zhihui",
      branchId: "inst_ccb_xinluo",
      managerId: "lin-01",
    });
    expect(res.status, await res.clone().text()).toBe(201);
    code = await body(res);
    expect(code.link).toBe(`http://localhost/marketplace/350800/qr/${encodeURIComponent(code.token)}`);
    const png = await api.call("GET", code.qrPng, ccbStaff);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await api.call("GET", code.qrSvg, ccbStaff);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect((await api.call("GET", code.qrPng, await api.staffKey(["institution_staff"], "inst_cib"))).status).toBe(404);
  });

  it("scans are counted; a tampered code is refused and counts nothing", async () => {
    for (let i = 0; i < 3; i++) {
      const scan = await api.call("POST", `${BASE}/apply-code-scans`, undefined, { token: code.token });
      expect(await body(scan)).toMatchObject({
        productId: "prd_ccb_zhihui",
        branchId: "inst_ccb_xinluo",
        managerId: "lin-01",
      });
    }
    const tampered = code.token.replace("inst_ccb_xinluo", "inst_ccb_changting");
    const bad = await api.call("POST", `${BASE}/apply-code-scans`, undefined, { token: tampered });
    expect(bad.status).toBe(422);
    expect(await body(bad)).toMatchObject({ ruleId: "MKT-R08", field: "token" });
    const counts = await body(await api.call("GET", `${BASE}/apply-codes/${code.code.id}`, ccbStaff));
    expect(counts).toMatchObject({ scans: 3, applications: 0, status: "ACTIVE" });
  });

  it("a withdrawn code and an expired code are refused as conflicts", async () => {
    const short = await body<{ token: string; code: { id: string } }>(
      await api.call("POST", `${BASE}/apply-codes`, ccbStaff, { productId: "prd_ccb_zhihui", validDays: 1 }),
    );
    expect(await body(await api.call("POST", `${BASE}/apply-codes/${code.code.id}/withdraw`, ccbStaff))).toMatchObject({
      status: "REVOKED",
    });
    const withdrawn = await api.call("POST", `${BASE}/apply-code-scans`, undefined, { token: code.token });
    expect(withdrawn.status).toBe(409);
    expect((await body<{ detail: string }>(withdrawn)).detail).toContain("withdrawn");
    api.clock.advance(3 * 86_400_000);
    const expired = await api.call("POST", `${BASE}/apply-code-scans`, undefined, { token: short.token });
    expect(expired.status).toBe(409);
    expect(await body(expired)).toMatchObject({ ruleId: "MKT-R08" });
    api.clock.advance(-3 * 86_400_000);
  });

  it("citizens cannot issue codes; a product of another institution is not found", async () => {
    expect((await api.call("POST", `${BASE}/apply-codes`, citizen, { productId: "prd_ccb_zhihui" })).status).toBe(403);
    expect((await api.call("POST", `${BASE}/apply-codes`, ccbStaff, { productId: "prd_cib_xingshan" })).status).toBe(
      404,
    );
  });
});
