import { describe, expect, it } from "vitest";
import { longyanCreditDataCatalogue as catalogue } from "../defaults/longyan-credit-data-catalogue.ts";
import { longyanFairUseTemplates as templates } from "../defaults/longyan-fair-use-templates.ts";
import type { DataNeed } from "../domain/product.ts";
import { refusalOf } from "../testing/errors.ts";
import { assertWithinFairUse, type DataRequestOfProduct } from "./fair-use.ts";

const need = (category: string, purpose = "用于风控模型 / for the risk model"): DataNeed => ({
  category,
  purpose,
  required: true,
});

const credit: DataRequestOfProduct = {
  type: "credit",
  dataNeeds: [need("tax.paid"), need("unionpay.acquiring-flow")],
  dataPeriodMonths: 24,
  dataLifeMonths: 12,
};

describe("MKT-R02 公平使用模板 fair-use templates at product registration", () => {
  it.each([
    ["a credit product asking for tax and UnionPay flow for 24 months, kept 12, is accepted", credit],
    [
      "a mortgage product may ask for real-estate mortgages and keep data 36 months",
      {
        type: "mortgage",
        dataNeeds: [need("estate.registration"), need("estate.mortgage")],
        dataPeriodMonths: 24,
        dataLifeMonths: 36,
      },
    ],
    [
      "a credit product for forestry may ask for forest rights (兴林贷)",
      { ...credit, dataNeeds: [need("estate.forest-right")] },
    ],
  ] as [string, DataRequestOfProduct][])("%s", (_title, product) => {
    expect(refusalOf(() => assertWithinFairUse(product, templates, catalogue))).toBeUndefined();
  });

  it.each([
    [
      "a credit product asking for real-estate mortgage records",
      { ...credit, dataNeeds: [need("estate.mortgage")] },
      "dataNeeds.0.category",
      "does not allow",
    ],
    [
      "a credit product asking for 36 months of data",
      { ...credit, dataPeriodMonths: 36 },
      "dataPeriodMonths",
      "at most 24 months",
    ],
    [
      "a credit product keeping data 24 months",
      { ...credit, dataLifeMonths: 24 },
      "dataLifeMonths",
      "at most 12 months",
    ],
    [
      "an insurance product asking for tax paid",
      { ...credit, type: "insurance", dataPeriodMonths: 12 },
      "dataNeeds.0.category",
      "does not allow",
    ],
    [
      "a category that is not in the catalogue",
      { ...credit, dataNeeds: [need("tax.secret")] },
      "dataNeeds.0.category",
      "not in the region",
    ],
    [
      "a category declared twice",
      { ...credit, dataNeeds: [need("tax.paid"), need("tax.paid")] },
      "dataNeeds.1.category",
      "twice",
    ],
    [
      "a category without a stated purpose",
      { ...credit, dataNeeds: [need("tax.paid", "  ")] },
      "dataNeeds.0.purpose",
      "purpose",
    ],
    ["no category at all", { ...credit, dataNeeds: [] }, "dataNeeds", "at least one"],
  ] as [string, DataRequestOfProduct, string, string][])("refuses %s", (_title, product, field, words) => {
    const refusal = refusalOf(() => assertWithinFairUse(product, templates, catalogue));
    expect(refusal).toMatchObject({ rule: "MKT-R02", field });
    expect(refusal?.message).toContain(words);
  });

  it("refuses a product type the region has no template for", () => {
    const onlyCredit = templates.filter((t) => t.productType === "credit");
    expect(refusalOf(() => assertWithinFairUse({ ...credit, type: "guarantee" }, onlyCredit, catalogue))).toMatchObject(
      {
        rule: "MKT-R02",
        field: "type",
      },
    );
  });
});
