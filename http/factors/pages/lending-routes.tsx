import { csrf } from "hono/csrf";
import {
  acceptMortgage,
  applyForMortgage,
  type FactorView,
  getMortgageApplication,
  listCreditProducts,
  listMyWork,
  registerLien,
} from "../../../core/factors/mod.ts";
import { DomainError, type Principal, parseYuan } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { attempt, needsSignIn, valuesOf } from "./actions.ts";
import { ApplicationPage } from "./application-page.tsx";
import { ApplyPage, type UnitChoice } from "./apply-page.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { formOf, formOnce, text, texts } from "./form-once.tsx";
import { parsePercentBp } from "./format.ts";
import {
  caller,
  type DepsFor,
  type FxContext,
  frameOf,
  guarded,
  langOf,
  newOnce,
  regionOf,
  todayOf,
} from "./fx-context.tsx";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";

const BORROWERS = ["citizen", "clerk", "institution_staff", "platform_admin"] as const;

/** The borrower's collateral units: factors and whole bundles that may secure a loan now. */
function unitsOf(factors: readonly FactorView[], collateral: (typeCode: string) => boolean): UnitChoice[] {
  const units = new Map<string, FactorView[]>();
  for (const f of factors) {
    if ((f.status !== "ACTIVE" && f.status !== "ENCUMBERED") || !collateral(f.typeCode)) continue;
    const key = f.bundleId ?? f.id;
    units.set(key, [...(units.get(key) ?? []), f]);
  }
  return [...units.entries()].map(([key, fs]) => {
    const sorted = [...fs].sort((a, b) => a.id.localeCompare(b.id));
    return {
      key,
      factorIds: sorted.map((f) => f.id),
      factors: sorted,
      typeCodes: [...new Set(sorted.map((f) => f.typeCode))],
    };
  });
}

function yuanOrUndefined(value: string, field: string): number | undefined {
  return value === "" ? undefined : parseYuan(value.replaceAll(",", ""), field);
}

function wholeNumber(value: string, field: string): number {
  if (!/^\d{1,4}$/.test(value)) throw new DomainError(`${field} is a whole number`, { ruleId: "KRN-R11", field });
  return Number(value);
}

/** 抵押融资: the application form, the application page and the bank's decision and lien registration. */
export function registerLendingRoutes(app: App, depsFor: DepsFor): void {
  async function showApply(
    c: FxContext,
    region: string,
    p: Principal,
    chosen: readonly string[],
    values?: Record<string, string>,
    problem?: PageProblem,
  ) {
    const deps = depsFor(region);
    const policy = deps.policyFor(null);
    const [work, products] = await Promise.all([listMyWork(deps, p, { limit: 200 }), listCreditProducts(deps, p)]);
    const units = unitsOf(work.factors, (code) => policy.catalogue[code]?.collateral ?? false);
    const keys = units.filter((u) => u.factorIds.some((id) => chosen.includes(id))).map((u) => u.key);
    const labour = work.factors.filter((f) => f.category === "L" && f.status === "ACTIVE");
    return c.html(
      <ApplyPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        policy={policy}
        today={todayOf(c)}
        units={units}
        chosen={keys}
        products={products}
        labour={labour}
        once={newOnce(c)}
        values={values}
        problem={problem}
      />,
      problem?.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/apply",
    guarded((c) => showApply(c, regionOf(c), caller(c, ...BORROWERS), (c.req.query("factors") ?? "").split(","))),
  );

  app.post(
    "/factors/:region/apply",
    csrf(),
    needsSignIn(),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, ...BORROWERS);
      const form = await formOf(c);
      const units = texts(form, "unit").map((u) => u.split(",").filter((x) => x.length > 0));
      const done = await attempt(langOf(c), async () => {
        const amountFen = yuanOrUndefined(text(form, "amount"), "amount");
        if (amountFen === undefined)
          throw new DomainError("amount is required", { ruleId: "KRN-R01", field: "amount" });
        return applyForMortgage(depsFor(region), p, {
          productId: text(form, "productId"),
          collateral: units.map((factorIds) => ({ factorIds })),
          amountFen,
          termMonths: wholeNumber(text(form, "termMonths"), "termMonths"),
          labourFactorIds: texts(form, "labourFactorIds"),
        });
      });
      if (!done.ok) return showApply(c, region, p, units.flat(), valuesOf(form), done.problem);
      return c.redirect(fxPath.application(region, done.value.id), 303);
    }),
  );

  async function showApplication(
    c: FxContext,
    region: string,
    p: Principal,
    id: string,
    failed?: { action: string; problem: PageProblem; values: Record<string, string> },
  ) {
    const deps = depsFor(region);
    const detail = await getMortgageApplication(deps, p, { applicationId: id });
    const forms = (action: "decide" | "register"): ActionForm =>
      failed?.action === action
        ? { once: newOnce(c), problem: failed.problem, values: failed.values }
        : { once: newOnce(c) };
    return c.html(
      <ApplicationPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        principal={p}
        detail={detail}
        policy={deps.policyFor(detail.application.countyCode)}
        today={todayOf(c)}
        forms={forms}
      />,
      failed?.problem.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/applications/:applicationId",
    guarded((c) => showApplication(c, regionOf(c), caller(c), c.req.param("applicationId") ?? "")),
  );

  app.post(
    "/factors/:region/applications/:applicationId/decide",
    csrf(),
    needsSignIn(),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c);
      const applicationId = c.req.param("applicationId") ?? "";
      const form = await formOf(c);
      const done = await attempt(langOf(c), async () => {
        const deps = depsFor(region);
        if (text(form, "decision") === "decline") {
          return acceptMortgage(deps, p, { applicationId, decision: "decline", reason: text(form, "reason") });
        }
        const rateBp = parsePercentBp(text(form, "rate"));
        if (rateBp === undefined) {
          throw new DomainError("the rate is a percentage such as 4.5", { ruleId: "FAC-R11", field: "rate" });
        }
        const amountFen = yuanOrUndefined(text(form, "amount"), "amount");
        const term = text(form, "termMonths");
        return acceptMortgage(deps, p, {
          applicationId,
          decision: "accept",
          rateBp,
          ...(amountFen === undefined ? {} : { amountFen }),
          ...(term === "" ? {} : { termMonths: wholeNumber(term, "termMonths") }),
        });
      });
      if (!done.ok)
        return showApplication(c, region, p, applicationId, {
          action: "decide",
          problem: done.problem,
          values: valuesOf(form),
        });
      return c.redirect(fxPath.application(region, applicationId), 303);
    }),
  );

  app.post(
    "/factors/:region/applications/:applicationId/register",
    csrf(),
    needsSignIn(),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c);
      const applicationId = c.req.param("applicationId") ?? "";
      const done = await attempt(langOf(c), () => registerLien(depsFor(region), p, { applicationId }));
      if (!done.ok)
        return showApplication(c, region, p, applicationId, { action: "register", problem: done.problem, values: {} });
      return c.redirect(fxPath.loan(region, done.value.loan.id), 303);
    }),
  );
}
