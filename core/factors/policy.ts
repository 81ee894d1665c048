import * as v from "valibot";
import { datedParam } from "../kernel/mod.ts";
import { catalogueEntryProblems, factorTypeSchema } from "./policy-catalogue.ts";
import { countyPolicySchema } from "./policy-county.ts";
import { basisPoints, fenAmount, sharingAgreementSchema, wholeDays } from "./policy-schemas.ts";

const typeCode = v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/, "a factor type code is a category letter and two digits"));
const countyCode = v.pipe(v.string(), v.regex(/^\d{6}$/, "a county code is 6 digits (GB/T 2260)"));

/**
 * KRN-R12 the factors module's part of a region's policy pack. Every rule parameter is a dated
 * value with its source document; the checks at the end refuse a pack whose parts disagree.
 */
const shape = v.object({
  catalogue: v.pipe(
    v.record(typeCode, factorTypeSchema),
    v.description("factor catalogue by type code (4 categories, 23 types in the Ningde pack)"),
  ),
  marineBundle: v.pipe(
    v.object({
      memberTypes: datedParam(
        v.pipe(v.array(typeCode), v.minLength(2, "a bundle has at least two member types")),
        "FAC-R03 三权合一: the types that on one site form a single bundle (sea-area use, fish raft, aquaculture)",
      ),
      ltvBp: datedParam(basisPoints("bundle loan-to-value"), "FAC-R05 loan-to-value of a 三权合一 bundle"),
    }),
    v.description("FAC-R03 三权合一 bundled marine rights"),
  ),
  publicNotice: v.pipe(
    v.object({ days: datedParam(wholeDays("public notice days", 1, 90), "FAC-R02 公示 days after publication") }),
    v.description("FAC-R02 public notice"),
  ),
  valuation: v.pipe(
    v.object({
      selfAssessmentMaxFen: datedParam(
        fenAmount("self-assessment ceiling"),
        "FAC-R04 highest value the village collective's self-assessment may give; above it a licensed appraiser values",
      ),
      validityMonths: datedParam(
        wholeDays("valuation validity months", 1, 60),
        "FAC-R04 months a valuation stays valid",
      ),
      conditionFactorsBp: datedParam(
        v.object({
          good: basisPoints("condition factor good"),
          fair: basisPoints("condition factor fair"),
          poor: basisPoints("condition factor poor"),
        }),
        "FAC-R04 自主评估 condition factor by condition grade",
      ),
      revenueMonths: datedParam(
        wholeDays("revenue window months", 1, 60),
        "FAC-R05 months of verified revenue that value an income right",
      ),
    }),
    v.description("FAC-R04 valuation path"),
  ),
  disposal: v.pipe(
    v.object({
      overdueDaysTrigger: datedParam(
        wholeDays("overdue days", 1, 3650),
        "FAC-R08 days overdue before disposal may start",
      ),
      listingMinDays: datedParam(
        wholeDays("listing days", 1, 365),
        "FAC-R08 least days a disposal listing is open for bids",
      ),
      buyOutMinBp: datedParam(
        basisPoints("buy-out floor"),
        "FAC-R08 least a collection company may pay, as a share of the current valuation",
      ),
    }),
    v.description("FAC-R08 default and disposal"),
  ),
  transfer: v.pipe(
    v.object({
      listingMinDays: datedParam(
        wholeDays("transfer listing days", 1, 365),
        "FAC-R10 least days a transfer listing is open",
      ),
    }),
    v.description("FAC-R10 transfer (流转)"),
  ),
  riskSharing: v.pipe(
    v.object({
      defaultAgreement: datedParam(
        sharingAgreementSchema,
        "FAC-R09 default sharing for a guaranteed and insured product (guarantor 40 %, fund 20 %, insurer 20 %, bank 20 %)",
      ),
      governmentFundAnnualCapFen: datedParam(
        v.nullable(fenAmount("fund annual cap")),
        "FAC-R09 most a county's government risk-compensation fund (run by its finance bureau) pays in a calendar year, in fen; a county may override it; null = no cap",
      ),
    }),
    v.description("FAC-R09 政银保担 risk sharing"),
  ),
  counties: v.pipe(v.record(countyCode, countyPolicySchema), v.description("per-county policy by GB/T 2260 code")),
});

type Shape = v.InferOutput<typeof shape>;

function pathItems(root: Record<string, unknown>, keys: readonly string[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let input: unknown = root;
  for (const key of keys) {
    const obj = (input ?? {}) as Record<string, unknown>;
    const value = obj[key];
    items.push({ type: "object", origin: "value", input: obj, key, value });
    input = value;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** Cross-field checks that a single field's schema cannot see. */
function crossChecks(p: Shape, report: (keys: string[], message: string) => void): void {
  for (const [code, t] of Object.entries(p.catalogue)) {
    for (const [field, message] of catalogueEntryProblems(code, t)) report(["catalogue", code, field], message);
  }
  p.marineBundle.memberTypes.forEach((entry, i) => {
    for (const code of entry.value) {
      const t = p.catalogue[code];
      if (!t)
        report(
          ["marineBundle", "memberTypes"],
          `bundle member type ${code} (from ${entry.from}) is not in the catalogue`,
        );
      else if (!t.collateral) report(["marineBundle", "memberTypes"], `bundle member type ${code} is not collateral`);
    }
    if (new Set(entry.value).size !== entry.value.length) {
      report(["marineBundle", "memberTypes"], `bundle member types (entry ${i}) repeat a type`);
    }
  });
  for (const [county, c] of Object.entries(p.counties)) {
    for (const code of Object.keys(c.confirmingDepartments)) {
      if (!p.catalogue[code]) {
        report(["counties", county, "confirmingDepartments", code], `type ${code} is not in the catalogue`);
      }
    }
  }
}

export const factorsPolicySchema = v.pipe(
  shape,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const root = dataset.value as unknown as Record<string, unknown>;
    crossChecks(dataset.value, (keys, message) => addIssue({ message, path: pathItems(root, keys) }));
  }),
  v.description("factors module policy: rural production-factor financing (FAC-R01..R11)"),
);

export type FactorsPolicy = v.InferOutput<typeof factorsPolicySchema>;
