/**
 * The factor catalogue (要素目录): 4 categories, 23 types in the Ningde default pack, extendable
 * by a region's pack or a plugin that adds a type. The catalogue lives in the policy pack
 * (policy.ts); this file holds the shapes and the small lookups every rule uses.
 */
export type FactorCategory = "A" | "R" | "I" | "L";

export const FACTOR_CATEGORIES: Readonly<Record<FactorCategory, { readonly zh: string; readonly en: string }>> = {
  A: { zh: "资产类", en: "physical assets" },
  R: { zh: "权证类", en: "rights" },
  I: { zh: "收益类", en: "income rights" },
  L: { zh: "劳动者素质类", en: "labour quality" },
};

/** A type code: category letter + two digits, e.g. "A01" 渔排, "R04" 海域使用权. */
export type FactorTypeCode = string;

export const FACTOR_TYPE_CODE = /^[ARIL]\d{2}$/;

/** How a type is valued under FAC-R04. */
export type ValuationBasis =
  | "self_assessment" // village collective's table: unit price × quantity × condition (appraiser above the threshold)
  | "appraisal" // always a licensed appraiser
  | "revenue" // income rights: verified revenue over the pack's window
  | "none"; // labour-quality credentials are not collateral

export function categoryOf(code: FactorTypeCode): FactorCategory {
  return code.charAt(0) as FactorCategory;
}
