import * as v from "valibot";

/**
 * 公共信用数据 public-credit data: the catalogue of departments and data categories a region's
 * data-aggregation platform serves, and the records a `CreditDataSource` returns.
 */

/** A category code such as "tax.credit-grade": lower-case words, one dot between source and item. */
export type CategoryCode = string;

const CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)?$/;

export const codeSchema = v.pipe(
  v.string(),
  v.regex(CODE, "a code is lower-case words joined by '-', with at most one '.'"),
  v.maxLength(64, "a code has at most 64 characters"),
);

export const bilingualNameSchema = v.object({
  zh: v.pipe(v.string(), v.minLength(1), v.description("中文名称 (shown first)")),
  en: v.pipe(v.string(), v.minLength(1), v.description("English name")),
});

/** Who a category can be about. */
export const dataSubjectKindSchema = v.picklist(["person", "organisation"]);
export type DataSubjectKind = v.InferOutput<typeof dataSubjectKindSchema>;

export const creditDataDepartmentSchema = v.object({
  code: v.pipe(codeSchema, v.description("department code, e.g. 'tax'")),
  name: v.pipe(bilingualNameSchema, v.description("department name")),
  kind: v.pipe(
    v.picklist(["government", "market"]),
    v.description("government department (counts among the public-credit sources) or a market source such as UnionPay"),
  ),
});
export type CreditDataDepartment = v.InferOutput<typeof creditDataDepartmentSchema>;

export const creditDataCategorySchema = v.object({
  code: v.pipe(codeSchema, v.description("category code, e.g. 'tax.credit-grade'")),
  department: v.pipe(codeSchema, v.description("code of the department that serves it")),
  name: v.pipe(bilingualNameSchema, v.description("category name shown on the consent screen")),
  description: v.pipe(v.string(), v.minLength(1), v.description("what the category holds, in plain words")),
  subjects: v.pipe(
    v.array(dataSubjectKindSchema),
    v.minLength(1, "a category is about persons, organisations or both"),
    v.description("kinds of data subject the category can describe"),
  ),
  personal: v.pipe(v.boolean(), v.description("class C2 personal data (KRN-R04) when about a person")),
});
export type CreditDataCategory = v.InferOutput<typeof creditDataCategorySchema>;

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): string | undefined {
  const seen = new Set<string>();
  for (const it of items) {
    const k = key(it);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return undefined;
}

export const creditDataCatalogueSchema = v.pipe(
  v.object({
    departments: v.pipe(v.array(creditDataDepartmentSchema), v.minLength(1), v.description("data source departments")),
    categories: v.pipe(v.array(creditDataCategorySchema), v.minLength(1), v.description("data categories")),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { departments, categories } = dataset.value;
    const dupDept = uniqueBy(departments, (d) => d.code);
    if (dupDept) addIssue({ message: `department code ${dupDept} appears twice` });
    const dupCat = uniqueBy(categories, (c) => c.code);
    if (dupCat) addIssue({ message: `category code ${dupCat} appears twice` });
    const known = new Set(departments.map((d) => d.code));
    for (const c of categories) {
      if (!known.has(c.department))
        addIssue({ message: `category ${c.code} names unknown department ${c.department}` });
    }
  }),
);
export type CreditDataCatalogue = v.InferOutput<typeof creditDataCatalogueSchema>;

/** The category entry for a code, or undefined. */
export function findCategory(catalogue: CreditDataCatalogue, code: CategoryCode): CreditDataCategory | undefined {
  for (const c of catalogue.categories) if (c.code === code) return c;
  return undefined;
}

/** Counts of government departments and their categories (the seed: 17 and 44 in Longyan). */
export function governmentCoverage(catalogue: CreditDataCatalogue): { departments: number; categories: number } {
  const gov = new Set(catalogue.departments.filter((d) => d.kind === "government").map((d) => d.code));
  return { departments: gov.size, categories: catalogue.categories.filter((c) => gov.has(c.department)).length };
}

/** A value in a record: plain JSON scalars only. */
export type CreditDataValue = string | number | boolean | null;

/**
 * One record a data source returns: one category, one subject, one observation date (the day or
 * period end the record describes), and its fields.
 */
export interface CreditDataRecord {
  readonly category: CategoryCode;
  /** The normalised identity number (resident ID / USCC) the record is about. */
  readonly subjectId: string;
  /** Business date YYYY-MM-DD the record describes (e.g. the month end of a tax return). */
  readonly observedOn: string;
  readonly fields: Readonly<Record<string, CreditDataValue>>;
}

/** A closed range of business dates, both ends included. */
export interface DataPeriod {
  readonly from: string;
  readonly to: string;
}
