import { describe, expect, it } from "vitest";
import { products } from "../testing/test-catalogue.ts";
import { type ProductQuery, searchProducts } from "./product-filter.ts";

const all = Object.values(products);
const q = (filter: Partial<ProductQuery>): ProductQuery => ({ regionCode: "350800", limit: 50, offset: 0, ...filter });
const ids = (filter: Partial<ProductQuery>) => searchProducts(all, q(filter)).items.map((p) => p.id);

describe("产品超市 product marketplace filters", () => {
  it.each([
    ["the 小店经济 column lists 智慧快贷", { specialAction: "small-shop" }, ["prd_ccb_kuaidai"]],
    [
      "the 乡村振兴 column lists 兴林贷 and 龙岩e贷",
      { specialAction: "rural-revitalisation" },
      ["prd_abc_xinglin", "prd_lyrcb_edai"],
    ],
    [
      "direct-connect products are the seed's four online products",
      { channel: "direct" },
      ["prd_abc_xinglin", "prd_ccb_kuaidai", "prd_lyrcb_edai"],
    ],
    ["mortgage products", { type: "mortgage" }, ["prd_lyrcb_house"]],
    ["products a farmer can apply for", { segment: "farmer" }, ["prd_abc_xinglin", "prd_lyrcb_edai"]],
    [
      "products lending 2 million yuan for 24 months",
      { amount: 200_000_000, termMonths: 24 },
      ["prd_abc_xinglin", "prd_cib_xingshan", "prd_lyrcb_edai", "prd_lyrcb_house"],
    ],
    ["a search by Chinese name", { text: "兴闪" }, ["prd_cib_xingshan"]],
    ["a search by English name, any case", { text: "SMART" }, ["prd_ccb_kuaidai"]],
    ["another region's catalogue is empty here", { regionCode: "350900" }, []],
  ] as [string, Partial<ProductQuery>, string[]][])("%s", (_title, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it("withdrawn products are left out", () => {
    const withdrawn = all.map((p) => (p.id === "prd_cib_xingshan" ? { ...p, status: "WITHDRAWN" as const } : p));
    expect(searchProducts(withdrawn, q({ text: "兴闪" })).total).toBe(0);
  });

  it("pages through the catalogue with a total", () => {
    const page = searchProducts(all, q({ limit: 2, offset: 2 }));
    expect(page.total).toBe(all.length);
    expect(page.items).toHaveLength(2);
  });
});
