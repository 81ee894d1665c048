import { isDomainError, parseYuan, validateMobile } from "../../../core/kernel/mod.ts";
import {
  CONSENT_RULE,
  MINIMISATION_RULE,
  minimisedCategories,
  type ProductDetail,
} from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import type { ApplyForm } from "./apply-page.tsx";
import { yuanRange } from "./formatting.ts";
import { localProblem, type PageProblem } from "./page-errors.ts";
import { catalogueText } from "./text-catalogue.ts";
import { commonText } from "./text-common.ts";

/**
 * The apply form's own checks, run before anything is written so that a typing mistake never
 * leaves a consent behind: the "I agree" box, the required categories (MKT-R02, with the
 * core's minimisation rule), the name, the mobile (kernel rule), amount and term within the
 * product's ranges. The identity number is checked by the core when the consent is given
 * (nothing is written when it fails). Returns the values in fen/months, or the first problem.
 */
export interface CheckedApplication {
  readonly amount: number;
  readonly termMonths: number;
  readonly mobile: string;
  readonly categories: readonly string[];
}

const CATALOGUE_RULE = "MKT-CATALOGUE";

export function checkApplyForm(
  form: ApplyForm,
  detail: ProductDetail,
  lang: Lang,
): { ok: CheckedApplication } | { problem: PageProblem } {
  const c = catalogueText(lang);
  const t = commonText(lang);
  const p = detail.product;
  const fail = (message: string, ruleId: string, field: string) => ({
    problem: localProblem(422, message, ruleId, field, lang),
  });
  if (!form.agreed) return fail(c.mustAgree, CONSENT_RULE, "consent");
  const ticked = form.categories ?? [];
  try {
    minimisedCategories(p.dataNeeds, ticked);
  } catch (e) {
    if (!isDomainError(e) || e.ruleId !== MINIMISATION_RULE) throw e;
    const code = String(e.detail?.category ?? "");
    const name = detail.consentScreen.categories.find((x) => x.code === code)?.name[lang] ?? code;
    return fail(format(c.missingRequired, { category: name }), MINIMISATION_RULE, "categories");
  }
  if (form.name === "") return fail(c.badName, CATALOGUE_RULE, "applicant.name");
  let mobile: string;
  try {
    mobile = validateMobile(form.mobile, "contactMobile");
  } catch (e) {
    if (isDomainError(e)) return fail(c.badMobile, e.ruleId ?? "KRN-ID", "contactMobile");
    throw e;
  }
  let amount: number;
  try {
    amount = parseYuan(form.amount, "amount");
  } catch (e) {
    if (isDomainError(e)) return fail(c.badAmount, "KRN-R01", "amount");
    throw e;
  }
  if (amount < p.amountMin || amount > p.amountMax) {
    return fail(format(c.amountOutside, { range: yuanRange(t, p.amountMin, p.amountMax) }), CATALOGUE_RULE, "amount");
  }
  const termMonths = /^\d{1,3}$/.test(form.term) ? Number(form.term) : Number.NaN;
  if (!(termMonths >= p.termMonthsMin && termMonths <= p.termMonthsMax)) {
    const range = format(t.monthsRange, { min: p.termMonthsMin, max: p.termMonthsMax });
    return fail(format(c.termOutside, { range }), CATALOGUE_RULE, "termMonths");
  }
  return { ok: { amount, termMonths, mobile, categories: ticked } };
}
