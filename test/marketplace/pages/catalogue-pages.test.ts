import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketplacePageApp, type MarketplacePageApp } from "./support/marketplace-page-app.ts";
import { getPage } from "./support/page-requests.ts";

const productsIn = (html: string) =>
  [...html.matchAll(/data-testid="product" data-product="([^"]+)"/g)].map((m) => m[1]);

/** The product marketplace and product pages, open to everyone (MKT-R01: browsing needs no consent). */
describe("marketplace pages: catalogue, special-action columns, product page", () => {
  let t: MarketplacePageApp;

  beforeAll(async () => {
    t = await createMarketplacePageApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("sends the home page's /marketplace?region= link to the region's marketplace", async () => {
    const res = await getPage(t.app, "/marketplace?region=350800");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/marketplace/350800");
  });

  it("lists every active product to an anonymous visitor, with the five special-action columns and their counts", async () => {
    const res = await getPage(t.app, "/marketplace/350800");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(productsIn(html)).toHaveLength(6);
    for (const column of ["首贷行动", "创业辅导", "乡村振兴", "外汇服务", "小店经济"]) expect(html).toContain(column);
    expect(html).toMatch(/data-action="small-shop"><strong>小店经济<\/strong><span>1 款产品<\/span>/);
    expect(html).toMatch(/data-action="first-loan"><strong>首贷行动<\/strong><span>2 款产品<\/span>/);
    expect(html).toContain("10万–500万元"); // 兴闪贷's amounts, compact on the card
    expect(html).toContain("3.85–4.35%");
    expect(html).not.toContain("<script");
  });

  it.each([
    ["the 小店经济 column", "action=small-shop", ["prd_ccb_kuaidai"]],
    ["the 首贷 column", "action=first-loan", ["prd_ccb_kuaidai", "prd_cib_xingshan"]],
    ["direct-connect products", "channel=direct", ["prd_abc_xinglin", "prd_ccb_kuaidai", "prd_lyrcb_edai"]],
    ["mortgage products", "type=mortgage", ["prd_lyrcb_house"]],
    ["products for farmers", "segment=farmer", ["prd_abc_xinglin", "prd_lyrcb_edai"]],
    ["one institution", "institution=inst_lyrcb", ["prd_lyrcb_edai", "prd_lyrcb_house"]],
    [
      "an amount of 2,000,000 yuan",
      "amount=2000000",
      ["prd_abc_xinglin", "prd_cib_xingshan", "prd_lyrcb_edai", "prd_lyrcb_house"],
    ],
    ["a term of 60 months", "term=60", ["prd_lyrcb_house"]],
    ["a name", "text=%E5%BF%AB%E8%B4%B7", ["prd_ccb_kuaidai"]],
    [
      "the 乡村振兴 column and a 12-month term",
      "action=rural-revitalisation&term=12",
      ["prd_abc_xinglin", "prd_lyrcb_edai"],
    ],
  ])("filters by %s", async (_what, query, expected) => {
    const html = await (await getPage(t.app, `/marketplace/350800?${query}`)).text();
    expect(productsIn(html)).toEqual(expected);
  });

  it("explains a mistyped amount or term instead of failing, and still lists the products", async () => {
    const res = await getPage(t.app, "/marketplace/350800?amount=12.345&term=abc");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("需要金额请填写元，最多两位小数");
    expect(html).toContain("期限请填写 1–600 之间的整数月数");
    expect(productsIn(html)).toHaveLength(6);
  });

  it("ignores an unknown filter value rather than answering with an error", async () => {
    const res = await getPage(t.app, "/marketplace/350800?type=yacht&action=nope");
    expect(res.status).toBe(200);
    expect(productsIn(await res.text())).toHaveLength(6);
  });

  it("shows a product's terms and each data category it uses, with its source department and purpose", async () => {
    const res = await getPage(t.app, "/marketplace/350800/products/prd_cib_xingshan");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("兴闪贷");
    expect(html).toContain("兴业银行龙岩分行");
    expect(html).toContain("100,000–5,000,000 元");
    expect(html).toContain("4.00–6.50%");
    expect(html).toContain('data-category="tax.invoiced-sales"');
    expect(html).toContain("用途：开票销售收入，核定额度");
    expect(html).toContain("必需");
    expect(html).toContain("可选");
    expect(html).toContain("数据期间为授权前 24 个月；机构最多保存 12 个月；授权 30 天内有效。");
    expect(html).toContain('href="/marketplace/350800/products/prd_cib_xingshan/apply"');
  });

  it("shows the same page in English with the English half of each purpose", async () => {
    const html = await (await getPage(t.app, "/marketplace/350800/products/prd_cib_xingshan?lang=en")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Xingshan flash loan");
    expect(html).toContain("invoiced sales, to set the limit");
    expect(html).not.toContain("开票销售收入，核定额度");
  });

  it("answers an unknown product, or a region not configured here, with a 404 page", async () => {
    const missing = await getPage(t.app, "/marketplace/350800/products/prd_nope");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('data-rule="MKT-CATALOGUE"');
    const region = await getPage(t.app, "/marketplace/350900");
    expect(region.status).toBe(404);
  });

  it("serves its stylesheet", async () => {
    const res = await getPage(t.app, "/marketplace/assets/marketplace.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(await res.text()).toContain(".mk-consent");
  });
});
