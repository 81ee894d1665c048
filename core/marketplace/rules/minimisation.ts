import { DomainError, isIsoDate } from "../../kernel/mod.ts";
import type { CategoryCode, CreditDataRecord, DataPeriod } from "../domain/credit-data.ts";
import type { DataNeed } from "../domain/product.ts";

/**
 * MKT-R02 minimisation (最小化). What is pushed = the product's declared categories ∩ the
 * consented categories, and nothing else: no other category, no other subject, no data outside
 * the consented period. A consent that omits a required category fails the application, naming
 * the category, rather than pushing a partial set.
 */
export const MINIMISATION_RULE = "MKT-R02";

/**
 * The categories to push: the declared ones the consent covers, in the product's order. Throws
 * for the first required category the consent leaves out (`nameOf` gives its display name).
 */
export function minimisedCategories(
  needs: readonly DataNeed[],
  consented: readonly CategoryCode[],
  nameOf: (code: CategoryCode) => string = (code) => code,
): CategoryCode[] {
  const out: CategoryCode[] = [];
  for (const need of needs) {
    if (consented.includes(need.category)) {
      if (!out.includes(need.category)) out.push(need.category);
    } else if (need.required) {
      throw new DomainError(
        `the consent leaves out ${nameOf(need.category)} (${need.category}), which this product requires; nothing was pushed`,
        { ruleId: MINIMISATION_RULE, field: "categories", detail: { category: need.category } },
      );
    }
  }
  return out;
}

/**
 * A consent may only name categories the product declares: asking the subject for more than the
 * product uses is refused when the consent is given.
 */
export function assertConsentWithinNeeds(needs: readonly DataNeed[], categories: readonly CategoryCode[]): void {
  if (categories.length === 0) {
    throw new DomainError("a consent names at least one data category", {
      ruleId: MINIMISATION_RULE,
      field: "categories",
    });
  }
  const seen = new Set<CategoryCode>();
  for (const c of categories) {
    if (seen.has(c)) {
      throw new DomainError(`category ${c} is named twice`, { ruleId: MINIMISATION_RULE, field: "categories" });
    }
    seen.add(c);
    if (!needs.some((n) => n.category === c)) {
      throw new DomainError(`category ${c} is not one this product uses; a consent may name only those`, {
        ruleId: MINIMISATION_RULE,
        field: "categories",
        detail: { category: c },
      });
    }
  }
}

export interface ReleaseScope {
  /** Normalised identity number of the data subject. */
  readonly subjectId: string;
  readonly categories: readonly CategoryCode[];
  readonly period: DataPeriod;
}

/**
 * Keeps only the records inside the scope: the subject's own, of a pushed category, observed
 * within the period (ends included). Whatever else a data source returns is dropped.
 */
export function minimiseRecords(records: readonly CreditDataRecord[], scope: ReleaseScope): CreditDataRecord[] {
  const out: CreditDataRecord[] = [];
  const { subjectId, categories, period } = scope;
  for (const r of records) {
    if (r.subjectId !== subjectId) continue;
    if (!categories.includes(r.category)) continue;
    if (r.observedOn < period.from || r.observedOn > period.to || !isIsoDate(r.observedOn)) continue;
    out.push(r);
  }
  return out;
}
