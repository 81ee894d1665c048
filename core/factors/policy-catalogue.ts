import * as v from "valibot";
import { datedParam } from "../kernel/mod.ts";
import { basisPoints, bilingualName, fenAmount } from "./policy-schemas.ts";

/** One factor type of the catalogue (要素目录), as the policy pack describes it. */
export const factorTypeSchema = v.pipe(
  v.object({
    category: v.pipe(v.picklist(["A", "R", "I", "L"]), v.description("A 资产类, R 权证类, I 收益类, L 劳动者素质类")),
    name: bilingualName,
    registry: v.pipe(
      v.object({
        kind: v.pipe(
          v.string(),
          v.regex(/^[a-z][a-z0-9_]*$/, "registry kind is a lower-case key such as real_estate"),
          v.description("which registry adapter confirms this type (FAC-R01), e.g. real_estate, forest, sea_area"),
        ),
        name: bilingualName,
      }),
      v.description("the confirming registry of the type (a county may name a department instead, FAC-R01)"),
    ),
    collateral: v.pipe(v.boolean(), v.description("may secure a loan; labour-quality types may not (FAC-R11)")),
    valuationBasis: v.pipe(
      v.picklist(["self_assessment", "appraisal", "revenue", "none"]),
      v.description(
        "FAC-R04 path: self-assessment table (appraiser above the threshold), appraiser only, verified revenue, none",
      ),
    ),
    unit: v.pipe(v.optional(bilingualName), v.description("unit of quantity, e.g. 口 (raft), 亩, 平方米")),
    selfAssessmentUnitPriceFen: v.optional(
      datedParam(fenAmount("self-assessment unit price"), "FAC-R04 自主评估 unit price per unit of quantity, in fen"),
    ),
    ltvBp: v.optional(datedParam(basisPoints("loan-to-value"), "FAC-R05 loan-to-value of the type")),
    termLimited: v.pipe(
      v.boolean(),
      v.description("the right has a term (contract, sea-area use): a lease may not run past it (FAC-R10)"),
    ),
  }),
  v.description("a factor type of the catalogue"),
);

export type FactorTypePolicy = v.InferOutput<typeof factorTypeSchema>;

/** Problems with one catalogue entry, as [field, message] pairs (empty when it is consistent). */
export function catalogueEntryProblems(code: string, t: FactorTypePolicy): [string, string][] {
  const out: [string, string][] = [];
  if (t.category !== code.charAt(0)) out.push(["category", `type ${code} must be in category ${code.charAt(0)}`]);
  if (t.collateral && !t.ltvBp) out.push(["ltvBp", `collateral type ${code} needs a loan-to-value (FAC-R05)`]);
  if (!t.collateral && t.ltvBp)
    out.push(["ltvBp", `type ${code} is not collateral and must not carry a loan-to-value`]);
  if (t.category === "L" && t.collateral) out.push(["collateral", `labour-quality type ${code} cannot be collateral`]);
  if (t.category === "L" && t.valuationBasis !== "none") {
    out.push(["valuationBasis", `labour-quality type ${code} is not valued (basis none)`]);
  }
  if (t.collateral && t.valuationBasis === "none") {
    out.push(["valuationBasis", `collateral type ${code} needs a valuation basis`]);
  }
  if (t.valuationBasis === "revenue" && t.category !== "I") {
    out.push(["valuationBasis", `only income-right types (I) are valued by revenue, not ${code}`]);
  }
  if (t.valuationBasis === "self_assessment" && (!t.unit || !t.selfAssessmentUnitPriceFen)) {
    out.push(["selfAssessmentUnitPriceFen", `self-assessed type ${code} needs a unit and a unit price (FAC-R04)`]);
  }
  return out;
}
