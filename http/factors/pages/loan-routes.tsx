import { csrf } from "hono/csrf";
import { allocateLoss, getLoan, recordLoanServicing, reportDefault, startDisposal } from "../../../core/factors/mod.ts";
import { hasRole, type Principal, parseYuan, valueAsOf } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { type Attempt, attempt, needsSignIn, valuesOf } from "./actions.ts";
import type { ActionForm } from "./factor-actions.tsx";
import { type Form, formOf, formOnce, text } from "./form-once.tsx";
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
import type { LoanAction } from "./loan-forms.tsx";
import { LoanPage } from "./loan-page.tsx";
import type { PageProblem } from "./page-errors.ts";

interface Failed {
  readonly action: LoanAction;
  readonly problem: PageProblem;
  readonly values: Record<string, string>;
}

const money = (form: Form, name: string) => parseYuan(text(form, name).replaceAll(",", ""), name);

/**
 * A loan's page and the lending bank's actions on it: servicing reports (repayment releases the
 * liens), default after the trigger and disposal (FAC-R08), and 政银保担 loss sharing (FAC-R09).
 */
export function registerLoanRoutes(app: App, depsFor: DepsFor): void {
  async function show(c: FxContext, region: string, p: Principal, loanId: string, failed?: Failed) {
    const deps = depsFor(region);
    const detail = await getLoan(deps, p, { loanId });
    const today = todayOf(c);
    const policy = deps.policyFor(detail.loan.countyCode);
    const staffView = hasRole(p, "institution_staff", "institution_admin", "regulator", "platform_admin");
    const ids = [detail.loan.id, detail.loan.applicationId, ...(detail.loss ? [detail.loss.id] : [])];
    const forms = (action: LoanAction): ActionForm =>
      failed?.action === action
        ? { once: newOnce(c), problem: failed.problem, values: failed.values }
        : { once: newOnce(c) };
    return c.html(
      <LoanPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        detail={detail}
        policy={policy}
        today={today}
        isBank={p.institutionId === detail.loan.bankId}
        buyOutFloorBp={valueAsOf(policy.disposal.buyOutMinBp, today, "factors.disposal.buyOutMinBp")}
        listingDays={valueAsOf(policy.disposal.listingMinDays, today, "factors.disposal.listingMinDays")}
        deliveries={staffView ? await deps.deliveries(ids) : []}
        forms={forms}
      />,
      failed?.problem.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/loans/:loanId",
    guarded((c) => show(c, regionOf(c), caller(c), c.req.param("loanId") ?? "")),
  );

  function action(
    path: string,
    key: LoanAction,
    run: (c: FxContext, region: string, p: Principal, loanId: string, form: Form) => Promise<Attempt<string>>,
  ) {
    app.post(
      `/factors/:region/loans/:loanId/${path}`,
      csrf(),
      needsSignIn(),
      formOnce(),
      guarded(async (c) => {
        const region = regionOf(c);
        const p = caller(c);
        const loanId = c.req.param("loanId") ?? "";
        const form = await formOf(c);
        const done = await run(c, region, p, loanId, form);
        if (done.ok) return c.redirect(done.value, 303);
        return show(c, region, p, loanId, { action: key, problem: done.problem, values: valuesOf(form) });
      }),
    );
  }

  action("servicing", "servicing", (c, region, p, loanId, form) =>
    attempt(langOf(c), async () => {
      await recordLoanServicing(depsFor(region), p, {
        loanId,
        outstandingPrincipalFen: money(form, "outstandingPrincipal"),
        interestArrearsFen: money(form, "interestArrears"),
        overdueSince: text(form, "overdueSince") || null,
      });
      return fxPath.loan(region, loanId);
    }),
  );

  action("default", "default", (c, region, p, loanId) =>
    attempt(langOf(c), async () => {
      await reportDefault(depsFor(region), p, { loanId });
      return fxPath.loan(region, loanId);
    }),
  );

  action("dispose", "dispose", (c, region, p, loanId, form) =>
    attempt(langOf(c), async () => {
      const reserve = text(form, "reserve");
      const disposal = await startDisposal(depsFor(region), p, {
        loanId,
        channel: text(form, "channel"),
        ...(text(form, "unitId") ? { unitId: text(form, "unitId") } : {}),
        ...(reserve ? { reservePriceFen: money(form, "reserve") } : {}),
      });
      return fxPath.disposal(region, disposal.id);
    }),
  );

  action("allocate-loss", "allocate", (c, region, p, loanId) =>
    attempt(langOf(c), async () => {
      await allocateLoss(depsFor(region), p, { loanId });
      return `${fxPath.loan(region, loanId)}#loss`;
    }),
  );
}
