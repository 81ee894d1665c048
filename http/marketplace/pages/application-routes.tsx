import { csrf } from "hono/csrf";
import { hasRole, isDomainError, type Principal, parseYuan } from "../../../core/kernel/mod.ts";
import type { ApplicationView, PushView } from "../../../core/marketplace/mod.ts";
import type { App } from "../../env.ts";
import type { Lang } from "../../pages/i18n.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ApplicationPage } from "./application-page.tsx";
import { categoryNamer, institutionDirectory } from "./catalogue-data.ts";
import { type FormData, formOf, formOnce, text } from "./form-once.tsx";
import { percentToBp } from "./formatting.ts";
import { guarded, type MkContext, type MkRoutesDeps, newOnce, param, regionOf, signedIn } from "./mk-context.tsx";
import { mkPath } from "./mk-paths.ts";
import { localProblem, type PageProblem, pageProblem } from "./page-errors.ts";
import { PushDataPage } from "./push-data-page.tsx";
import { isSimulated } from "./simulated.ts";
import { applicationText } from "./text-application.ts";

/**
 * One application for its applicant, the institution it is addressed to and the region's
 * regulators (MKT-R09 via the core's GetApplication); the applicant's withdrawal; the
 * institution's outcome backflow; and the pushed data the recipient may read.
 */
const STAFF = ["institution_staff", "institution_admin"] as const;

async function render(
  c: MkContext,
  deps: MkRoutesDeps,
  region: string,
  principal: Principal,
  applicationId: string,
  problem?: PageProblem,
) {
  const uc = deps.useCases(region);
  const md = deps.depsFor(region);
  const { application: app } = await uc.getApplication.execute({ applicationId }, principal);
  const lang = c.get("lang") ?? "zh";
  const productName = await uc.getProduct
    .execute({ productId: app.productId })
    .then((d) => d.product.name[lang])
    .catch(() => app.productId);
  const institutionName = (await institutionDirectory(md)).get(app.institutionId)?.name[lang] ?? app.institutionId;
  const recipient = hasRole(principal, ...STAFF) && principal.institutionId === app.institutionId;
  const subject = principal.subjectRef !== undefined && principal.subjectRef === app.subjectRef;
  let pushes: readonly PushView[] = [];
  if (recipient) pushes = await uc.listReceivedPushes.execute({ applicationId: app.id }, principal);
  else if (subject)
    pushes = (await uc.listMyData.execute({}, principal)).pushes.filter((p) => p.applicationId === app.id);
  return c.html(
    <ApplicationPage
      page={pageContext(c)}
      region={region}
      principal={principal}
      simulated={isSimulated(c, region)}
      app={app}
      productName={productName}
      institutionName={institutionName}
      now={md.clock.now()}
      pushes={pushes}
      mayReadData={recipient}
      categoryName={categoryNamer(md, lang)}
      mayWithdraw={subject}
      mayWork={recipient}
      once={newOnce(c)}
      problem={problem}
    />,
    problem?.status ?? 200,
  );
}

/** The outcome form as the core's RecordApplicationOutcome input, or the page problem of a typo. */
function outcomeInput(
  form: FormData,
  app: Pick<ApplicationView, "id">,
  lang: Lang,
): Record<string, unknown> | PageProblem {
  const t = applicationText(lang);
  const event = text(form, "event");
  const ref = text(form, "institutionReference");
  const reference = ref ? { institutionReference: ref } : {};
  const money = (field: string): number | PageProblem => {
    try {
      return parseYuan(text(form, "amount"), field);
    } catch (e) {
      if (isDomainError(e)) return localProblem(422, t.badAmount, "KRN-R01", field, lang);
      throw e;
    }
  };
  switch (event) {
    case "contact":
      return { applicationId: app.id, event, ...reference };
    case "approve": {
      const amountGranted = money("amountGranted");
      if (typeof amountGranted !== "number") return amountGranted;
      const rateBp = percentToBp(text(form, "rate"));
      if (rateBp === undefined) return localProblem(422, t.badRate, "MKT-LIFECYCLE", "rateBp", lang);
      const term = text(form, "term");
      if (!/^\d{1,3}$/.test(term)) return localProblem(422, t.badMonths, "MKT-LIFECYCLE", "grantedTermMonths", lang);
      return { applicationId: app.id, event, amountGranted, rateBp, grantedTermMonths: Number(term), ...reference };
    }
    case "reject":
      return { applicationId: app.id, event, reason: text(form, "reason"), ...reference };
    case "disburse": {
      const amountDisbursed = money("amountDisbursed");
      if (typeof amountDisbursed !== "number") return amountDisbursed;
      return { applicationId: app.id, event, amountDisbursed };
    }
    case "decline": {
      const reason = text(form, "reason");
      return { applicationId: app.id, event, ...(reason ? { reason } : {}) };
    }
    default:
      return { applicationId: app.id, event };
  }
}

function isProblem(x: Record<string, unknown> | PageProblem): x is PageProblem {
  return typeof (x as PageProblem).status === "number" && "message" in x;
}

export function registerApplicationRoutes(app: App, deps: MkRoutesDeps): void {
  const forms = csrf();

  app.get(
    "/marketplace/:region/applications/:applicationId",
    guarded(async (c) => {
      const region = regionOf(c);
      return render(c, deps, region, signedIn(c), param(c, "applicationId"));
    }),
  );

  app.post(
    "/marketplace/:region/applications/:applicationId/withdraw",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "citizen");
      const applicationId = param(c, "applicationId");
      const reason = text(await formOf(c), "reason");
      try {
        await deps
          .useCases(region)
          .withdrawApplication.execute({ applicationId, ...(reason ? { reason } : {}) }, principal);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem || problem.status === 401 || problem.status === 404) throw e;
        return render(c, deps, region, principal, applicationId, problem);
      }
      return c.redirect(mkPath.application(region, applicationId), 303);
    }),
  );

  app.post(
    "/marketplace/:region/applications/:applicationId/outcome",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, ...STAFF, "platform_admin");
      const applicationId = param(c, "applicationId");
      const lang = c.get("lang") ?? "zh";
      const input = outcomeInput(await formOf(c), { id: applicationId }, lang);
      if (isProblem(input)) return render(c, deps, region, principal, applicationId, input);
      try {
        await deps.useCases(region).recordApplicationOutcome.execute(input, principal);
      } catch (e) {
        const problem = pageProblem(e, lang);
        if (!problem || problem.status === 401 || problem.status === 404) throw e;
        return render(c, deps, region, principal, applicationId, problem);
      }
      return c.redirect(mkPath.application(region, applicationId), 303);
    }),
  );

  app.get(
    "/marketplace/:region/pushes/:pushId",
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c);
      const read = await deps.useCases(region).readPushedData.execute({ pushId: param(c, "pushId") }, principal);
      return c.html(
        <PushDataPage
          page={pageContext(c)}
          region={region}
          principal={principal}
          simulated={isSimulated(c, region)}
          push={read.push}
          categoryName={categoryNamer(deps.depsFor(region), c.get("lang") ?? "zh")}
          records={read.records}
        />,
      );
    }),
  );
}
