import { type DomainErrorKind, isDomainError } from "../../core/kernel/mod.ts";
import type { Lang } from "./i18n.ts";

/** A failed action as a page shows it: the status to answer with, the rule, the message, the field. */
export interface PageProblem {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503;
  readonly ruleId: string | undefined;
  readonly message: string;
  readonly field: string | undefined;
  readonly fieldLabel: string | undefined;
}

/** Field paths of a module's use-case inputs and how a person calls them. */
export type FieldLabels = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;

/** A module's words for a status when a page cannot show its own form again. */
export interface StatusTexts {
  readonly errorTitle: string;
  readonly notFound: string;
  readonly forbidden: string;
  readonly signInFirst: string;
  readonly unavailable: string;
}

const STATUS: Record<DomainErrorKind, PageProblem["status"]> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

/**
 * How a module's pages show a refusal: a DomainError becomes a page problem with the status the
 * API would answer, the rule, the core's message and the field in the person's words. Each
 * module gives its field names and status words; the mapping is this one.
 */
export function pageProblems(labels: FieldLabels, texts: (lang: Lang) => StatusTexts) {
  /**
   * The person's name for a field path such as "items.driverLicenceNo" or "collateral.0.factorIds":
   * the whole path, else its longest known tail, else its head, else the path itself.
   */
  function fieldLabel(field: string | undefined, lang: Lang): string | undefined {
    if (!field) return undefined;
    const exact = labels[field];
    if (exact) return exact[lang];
    const parts = field.split(".");
    for (let i = 1; i < parts.length; i++) {
      const tail = labels[parts.slice(i).join(".")];
      if (tail) return tail[lang];
    }
    return labels[parts[0] ?? ""]?.[lang] ?? field;
  }

  /** A DomainError as a page problem; anything else is not ours to show (undefined). */
  function pageProblem(e: unknown, lang: Lang): PageProblem | undefined {
    if (!isDomainError(e)) return undefined;
    return {
      status: STATUS[e.kind],
      ruleId: e.ruleId,
      message: e.message,
      field: e.field,
      fieldLabel: fieldLabel(e.field, lang),
    };
  }

  /** A problem the page layer itself finds (expired form, a box not ticked, a field it parses …). */
  function localProblem(
    status: PageProblem["status"],
    message: string,
    ruleId?: string,
    field?: string,
    lang: Lang = "zh",
  ): PageProblem {
    return { status, ruleId, message, field, fieldLabel: fieldLabel(field, lang) };
  }

  /** The module's words for a status when a page cannot show its own form again. */
  function statusMessage(status: PageProblem["status"], lang: Lang): string {
    const t = texts(lang);
    if (status === 404) return t.notFound;
    if (status === 403) return t.forbidden;
    if (status === 401) return t.signInFirst;
    if (status === 503) return t.unavailable;
    return t.errorTitle;
  }

  return { fieldLabel, pageProblem, localProblem, statusMessage };
}
