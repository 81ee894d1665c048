import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { footprint, useCases } from "../testing/flows.ts";
import { createTestWorld, principals } from "../testing/test-world.ts";

const newProduct = {
  institutionId: "inst_ccb",
  name: { zh: "建行裕农快贷", en: "CCB farmer quick loan" },
  type: "credit",
  description: "面向农户的线上信用贷款",
  amountMin: 1_000_000,
  amountMax: 30_000_000,
  termMonthsMin: 1,
  termMonthsMax: 36,
  rateMinBp: 385,
  rateMaxBp: 500,
  segments: ["farmer"],
  specialActions: ["rural-revitalisation"],
  channel: "direct",
  dataNeeds: [
    { category: "agri.subsidies", purpose: "农业补贴，评估经营 / farm subsidies", required: true },
    { category: "social.insurance-paid", purpose: "社保缴纳 / social insurance", required: false },
  ],
};

describe("产品目录 catalogue registration", () => {
  it("a bank administrator lists a product; the data request defaults to the pack's period and data life", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const p = await uc.registerProduct.execute(newProduct, principals.ccbAdmin);
    expect(p).toMatchObject({ status: "ACTIVE", dataPeriodMonths: 24, dataLifeMonths: 12, regionCode: "350800" });
    expect((await uc.searchProducts.execute({ text: "裕农" })).items.map((x) => x.id)).toEqual([p.id]);
    expect(world.store.outbox.at(-1)?.type).toBe("marketplace.product.registered");
  });

  it.each([
    [
      "a category beyond the credit fair-use template (MKT-R02)",
      { dataNeeds: [{ category: "estate.mortgage", purpose: "x", required: true }] },
      "MKT-R02",
      "dataNeeds.0.category",
    ],
    ["a data life beyond the template (MKT-R02)", { dataLifeMonths: 24 }, "MKT-R02", "dataLifeMonths"],
    ["an unknown special action", { specialActions: ["vip"] }, "MKT-CATALOGUE", "specialActions.0"],
    ["a minimum above the maximum", { amountMin: 40_000_000 }, "MKT-CATALOGUE", "amountMin"],
    ["an amount in yuan with decimals instead of fen", { amountMax: 300000.5 }, "MKT-CATALOGUE", "amountMax"],
    ["an unknown product type", { type: "crypto" }, "MKT-CATALOGUE", "type"],
  ])("refuses a product with %s, naming the parameter", async (_title, change, rule, field) => {
    const world = await createTestWorld();
    const before = footprint(world);
    expect(
      await asyncRefusalOf(useCases(world).registerProduct.execute({ ...newProduct, ...change }, principals.ccbAdmin)),
    ).toMatchObject({
      rule,
      field,
    });
    expect(footprint(world)).toEqual(before);
  });

  it.each([
    ["a bank's ordinary staff", principals.ccbStaff],
    ["another bank's administrator", { ...principals.ccbAdmin, institutionId: "inst_cib" }],
  ])("%s cannot list products for 建行", async (_title, who) => {
    const world = await createTestWorld();
    expect(await asyncRefusalOf(useCases(world).registerProduct.execute(newProduct, who))).toMatchObject({
      kind: "forbidden",
    });
  });

  it("the regulator registers an institution; its USCC is validated (GB 32100)", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const input = {
      name: { zh: "中国邮政储蓄银行龙岩市分行", en: "PSBC Longyan" },
      kind: "bank",
      uscc: "91350800156520007J",
      branches: [{ id: "psbc_yongding", name: { zh: "永定支行", en: "Yongding" }, regionCode: "350803" }],
    };
    expect(await uc.registerInstitution.execute(input, principals.regulator)).toMatchObject({
      kind: "bank",
      status: "ACTIVE",
    });
    expect(
      await asyncRefusalOf(
        uc.registerInstitution.execute({ ...input, uscc: "91350800156520007K" }, principals.regulator),
      ),
    ).toMatchObject({
      rule: "KRN-ID",
      field: "uscc",
    });
    expect(await asyncRefusalOf(uc.registerInstitution.execute(input, principals.ccbAdmin))).toMatchObject({
      kind: "forbidden",
    });
  });

  it("a withdrawn product leaves the marketplace and takes no consents", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    await uc.setProductStatus.execute({ productId: "prd_ccb_kuaidai", status: "WITHDRAWN" }, principals.ccbAdmin);
    expect((await uc.searchProducts.execute({ institutionId: "inst_ccb" })).total).toBe(0);
    expect(await asyncRefusalOf(uc.getProduct.execute({ productId: "prd_ccb_kuaidai" }))).toMatchObject({
      kind: "not_found",
    });
  });
});
