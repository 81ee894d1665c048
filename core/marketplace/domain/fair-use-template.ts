import * as v from "valibot";
import { codeSchema } from "./credit-data.ts";
import { productTypeSchema } from "./product.ts";

/**
 * MKT-R02 fair-use template (after India's Account Aggregator fair-use templates): for one
 * product type, the categories a product may ask for, the longest data period and the longest
 * data life. A product asking for more is refused when it is registered.
 */
export const fairUseTemplateSchema = v.object({
  productType: v.pipe(productTypeSchema, v.description("product type the template applies to")),
  categories: v.pipe(
    v.array(codeSchema),
    v.minLength(1, "a template allows at least one category"),
    v.description("data categories a product of this type may ask for"),
  ),
  maxDataPeriodMonths: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1, "the period cap is at least 1 month"),
    v.maxValue(120, "the period cap is at most 120 months"),
    v.description("longest period of past data (months) a product of this type may ask for"),
  ),
  maxDataLifeMonths: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1, "the data-life cap is at least 1 month"),
    v.maxValue(120, "the data-life cap is at most 120 months"),
    v.description("longest time (months) the institution may keep the pushed data"),
  ),
});
export type FairUseTemplate = v.InferOutput<typeof fairUseTemplateSchema>;

export const fairUseTemplatesSchema = v.pipe(
  v.array(fairUseTemplateSchema),
  v.minLength(1, "at least one fair-use template"),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    for (const t of dataset.value) {
      if (seen.has(t.productType)) addIssue({ message: `two fair-use templates for product type ${t.productType}` });
      seen.add(t.productType);
    }
  }),
);
