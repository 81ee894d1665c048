import * as v from "valibot";
import { type DatedParam, DomainError, datedParam } from "../kernel/mod.ts";
import {
  bilingualNameSchema,
  type CreditDataCatalogue,
  codeSchema,
  creditDataCatalogueSchema,
} from "./domain/credit-data.ts";
import { type FairUseTemplate, fairUseTemplatesSchema } from "./domain/fair-use-template.ts";

/**
 * The marketplace part of a region's policy pack (KRN-R12). Every rule parameter is a dated
 * value with its source document; `marketplacePolicyDefaults` (policy-defaults.ts) reproduces
 * the Longyan seed and the spec's defaults.
 */

const int = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} is at least ${min}`),
    v.maxValue(max, `${what} is at most ${max}`),
  );

export const specialActionSchema = v.object({
  code: v.pipe(codeSchema, v.description("code products and applications are tagged with, e.g. 'small-shop'")),
  name: v.pipe(bilingualNameSchema, v.description("column title, e.g. 小店经济 / small shops")),
  description: v.pipe(v.string(), v.minLength(1), v.description("whom the column serves")),
});
export type SpecialAction = v.InferOutput<typeof specialActionSchema>;

const specialActionsSchema = v.pipe(
  v.array(specialActionSchema),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    for (const a of dataset.value) {
      if (seen.has(a.code)) addIssue({ message: `special action ${a.code} appears twice` });
      seen.add(a.code);
    }
  }),
);

const fields = {
  consent: v.object({
    dataPeriodMonths: datedParam(
      int(1, 120, "consent data period"),
      "MKT-R01: months of past data a consent covers by default (the last 24 months)",
    ),
    dataLifeMonths: datedParam(
      int(1, 120, "data life"),
      "MKT-R01: months the recipient may keep pushed data by default (12 months)",
    ),
    expiryDays: datedParam(
      int(1, 365, "consent expiry"),
      "MKT-R01: days after which a one-time application consent expires (30 days)",
    ),
  }),
  creditData: datedParam(
    creditDataCatalogueSchema,
    "public-credit data catalogue: departments and categories (Longyan: 17 departments, 44 categories)",
  ),
  fairUse: datedParam(
    fairUseTemplatesSchema,
    "MKT-R02: fair-use templates capping categories, data period and data life per product type",
  ),
  firstLoan: v.object({
    loanCategories: datedParam(
      v.pipe(v.array(codeSchema), v.minLength(1, "at least one category holds loan records")),
      "MKT-R07: categories whose records are loans; an applicant with none is a first-loan applicant",
    ),
  }),
  serviceDeadlines: v.object({
    contactWorkingDays: datedParam(
      int(1, 30, "contact deadline"),
      "MKT-R04: working days after the day of submission by whose end a manual institution must contact the applicant (2)",
    ),
    longUnfinishedWorkingDays: datedParam(
      int(1, 120, "long-unfinished threshold"),
      "MKT-R05: working days after the day of submission by whose end an application must be concluded (15)",
    ),
  }),
  instantDecision: v.object({
    budgetMs: datedParam(
      int(100, 60_000, "instant-decision budget"),
      "MKT-R06: milliseconds a direct-connect institution has to answer before the application falls back to its manual queue (5000)",
    ),
  }),
  applyCode: v.object({
    defaultValidityDays: datedParam(
      int(1, 3650, "QR code default validity"),
      "MKT-R08: days a 码上贷 QR code stays valid when the issuer names no expiry",
    ),
    maxValidityDays: datedParam(
      int(1, 3650, "QR code maximum validity"),
      "MKT-R08: longest validity (days) an issuer may give a QR code",
    ),
  }),
  specialActions: datedParam(
    specialActionsSchema,
    "special-action columns (五大专项行动) products and applicants are filtered by",
  ),
};

/** Every date on which any of the params changes, with the value of each in force then. */
function jointValues<A, B>(a: DatedParam<A>, b: DatedParam<B>): { date: string; a: A; b: B }[] {
  const dates = [...new Set([...a.map((x) => x.from), ...b.map((x) => x.from)])].sort();
  const at = <T>(p: DatedParam<T>, d: string): T | undefined => {
    let found: T | undefined;
    for (const e of p) if (e.from <= d) found = e.value;
    return found;
  };
  const out: { date: string; a: A; b: B }[] = [];
  for (const date of dates) {
    const va = at(a, date);
    const vb = at(b, date);
    if (va !== undefined && vb !== undefined) out.push({ date, a: va, b: vb });
  }
  return out;
}

export const marketplacePolicySchema = v.pipe(
  v.object(fields),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const p = dataset.value;
    for (const { date, a: templates, b: catalogue } of jointValues(p.fairUse, p.creditData)) {
      const known = new Set(catalogue.categories.map((c) => c.code));
      for (const t of templates) {
        for (const c of t.categories) {
          if (!known.has(c)) {
            addIssue({
              message: `fairUse: the ${t.productType} template in force on ${date} allows category ${c}, which is not in the credit-data catalogue`,
            });
          }
        }
      }
    }
    for (const { date, a: loanCats, b: catalogue } of jointValues(p.firstLoan.loanCategories, p.creditData)) {
      const known = new Set(catalogue.categories.map((c) => c.code));
      for (const c of loanCats) {
        if (!known.has(c)) {
          addIssue({
            message: `firstLoan.loanCategories: category ${c} in force on ${date} is not in the credit-data catalogue`,
          });
        }
      }
    }
    const d = p.serviceDeadlines;
    for (const { date, a: contact, b: longDays } of jointValues(d.contactWorkingDays, d.longUnfinishedWorkingDays)) {
      if (longDays <= contact) {
        addIssue({
          message: `serviceDeadlines.longUnfinishedWorkingDays: on ${date} the long-unfinished threshold (${longDays}) must be longer than the contact deadline (${contact})`,
        });
      }
    }
    const q = p.applyCode;
    for (const { date, a: def, b: max } of jointValues(q.defaultValidityDays, q.maxValidityDays)) {
      if (def > max) {
        addIssue({
          message: `applyCode.defaultValidityDays: on ${date} the default validity (${def}) exceeds the maximum (${max})`,
        });
      }
    }
  }),
);

/** The validated marketplace pack (read-only view of the schema's output). */
export interface MarketplacePolicy {
  readonly consent: {
    readonly dataPeriodMonths: DatedParam<number>;
    readonly dataLifeMonths: DatedParam<number>;
    readonly expiryDays: DatedParam<number>;
  };
  readonly creditData: DatedParam<CreditDataCatalogue>;
  readonly fairUse: DatedParam<readonly FairUseTemplate[]>;
  readonly firstLoan: { readonly loanCategories: DatedParam<readonly string[]> };
  readonly serviceDeadlines: {
    readonly contactWorkingDays: DatedParam<number>;
    readonly longUnfinishedWorkingDays: DatedParam<number>;
  };
  readonly instantDecision: { readonly budgetMs: DatedParam<number> };
  readonly applyCode: {
    readonly defaultValidityDays: DatedParam<number>;
    readonly maxValidityDays: DatedParam<number>;
  };
  readonly specialActions: DatedParam<readonly SpecialAction[]>;
}

// The schema's output must stay assignable to the interface above.
const outputFitsInterface = (p: v.InferOutput<typeof marketplacePolicySchema>): MarketplacePolicy => p;
void outputFitsInterface;

/**
 * Validates a pack part; an invalid pack is refused with a DomainError naming the parameter
 * (dot path) and the reason, prefixed by `where` (e.g. "region 350800 (龙岩)").
 */
export function parseMarketplacePolicy(input: unknown, where = "marketplace policy"): MarketplacePolicy {
  const result = v.safeParse(marketplacePolicySchema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? issue.message.split(":")[0] ?? "policy";
  throw new DomainError(`${where}: parameter ${path} is invalid: ${issue.message}`, {
    ruleId: "KRN-R12",
    kind: "validation",
    field: path,
    detail: { issues: result.issues.map((i) => ({ path: v.getDotPath(i), message: i.message })) },
  });
}
