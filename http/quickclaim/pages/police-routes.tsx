import { csrf } from "hono/csrf";
import { DomainError, type Principal } from "../../../core/kernel/mod.ts";
import {
  ACCIDENT_FORMS,
  type AccidentForm,
  determineLiability,
  getCase,
  listPoliceQueue,
  lookupSurveillance,
  moveOffline,
  paramsAsOf,
  type QuickClaimDeps,
  suggestLiability,
} from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import type { DetermineValues } from "./determine-form.tsx";
import { formOf, formOnce, text } from "./form-once.tsx";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { POLICE_DONE, PoliceCasePage, type PoliceDone, PoliceQueuePage } from "./police-pages.tsx";
import { type DepsFor, guarded, newOnce, type QcContext, regionOf, staff } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";
import { CIRCUMSTANCE_FIELDS } from "./report-page.tsx";

type Form = Record<string, string | File>;

/** A percentage typed by the officer ("70", "33.33") in basis points; other text is passed on to be refused. */
export function percentToBp(s: string): number | string {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return s;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

function formValues(form: Form): Record<string, string> {
  const values: Record<string, string> = {};
  for (const k of Object.keys(form)) values[k] = text(form, k);
  for (const [name] of CIRCUMSTANCE_FIELDS) values[name] = values[name] === "on" ? "on" : "off";
  values.override = values.override === "on" ? "on" : "off";
  return values;
}

/** The determination use case's input from the form. */
function determineInput(caseId: string, partyIds: readonly string[], values: Readonly<Record<string, string>>) {
  const findings = Object.fromEntries(CIRCUMSTANCE_FIELDS.map(([name]) => [name, values[name] === "on"]));
  return {
    caseId,
    form: values.form ?? "",
    faultPartyId: values.faultPartyId ? values.faultPartyId : null,
    facts: values.facts ?? "",
    findings,
    override:
      values.override === "on"
        ? {
            decision: partyIds.map((partyId) => ({ partyId, shareBp: percentToBp(values[`share_${partyId}`] ?? "") })),
            reason: values.overrideReason ?? "",
          }
        : null,
  };
}

async function renderPoliceCase(
  c: QcContext,
  deps: QuickClaimDeps,
  region: string,
  caseId: string,
  p: Principal,
  extra: { problem?: PageProblem; done?: PoliceDone | undefined; determine?: DetermineValues } = {},
): Promise<Response> {
  const view = await getCase(deps, { caseId }, p);
  return c.html(
    <PoliceCasePage
      page={pageContext(c)}
      region={region}
      view={view}
      policy={deps.policy}
      params={paramsAsOf(deps.policy, view.accidentDate)}
      once={() => newOnce(c)}
      problem={extra.problem}
      done={extra.done}
      determine={extra.determine}
    />,
    extra.problem?.status ?? 200,
  );
}

/** 交警在线认定: the queue, one case, preview, determination, surveillance video, move offline. */
export function registerPoliceRoutes(app: App, depsFor: DepsFor): void {
  const base = "/quickclaim/:region/police/cases/:caseId";
  const forms = csrf();

  app.get(
    "/quickclaim/:region/police",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "police");
      const deps = depsFor(region);
      const queue = await listPoliceQueue(deps, { limit: 100 }, p);
      return c.html(<PoliceQueuePage page={pageContext(c)} region={region} queue={queue} policy={deps.policy} />);
    }),
  );

  app.get(
    base,
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "police");
      const done = POLICE_DONE.find((d) => d === c.req.query("done"));
      return renderPoliceCase(c, depsFor(region), region, c.req.param("caseId") ?? "", p, { done });
    }),
  );

  /** One police action: run it and come back with a note, or show the page with the problem. */
  const act = (run: (deps: QuickClaimDeps, caseId: string, p: Principal, form: Form) => Promise<PoliceDone>) =>
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "police");
      const deps = depsFor(region);
      const caseId = c.req.param("caseId") ?? "";
      const form = await formOf(c);
      try {
        const done = await run(deps, caseId, p, form);
        return c.redirect(`${qcPath.policeCase(region, caseId)}?done=${done}`, 303);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem || problem.status === 401 || problem.status === 404) throw e;
        const determine = form.form !== undefined ? { values: formValues(form) } : undefined;
        return renderPoliceCase(c, deps, region, caseId, p, { problem, ...(determine ? { determine } : {}) });
      }
    });

  app.post(
    `${base}/preview`,
    forms,
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "police");
      const deps = depsFor(region);
      const caseId = c.req.param("caseId") ?? "";
      const values = formValues(await formOf(c));
      const view = await getCase(deps, { caseId }, p);
      const form = ACCIDENT_FORMS.find((f) => f === values.form) as AccidentForm | undefined;
      try {
        if (!form) throw new DomainError("choose an accident form", { ruleId: "QC-R03", field: "form" });
        const suggestion = suggestLiability(
          {
            form,
            partyIds: view.parties.map((x) => x.id),
            faultPartyId: values.faultPartyId ? values.faultPartyId : null,
          },
          paramsAsOf(deps.policy, view.accidentDate).liabilityShares,
        );
        return renderPoliceCase(c, deps, region, caseId, p, { determine: { values, suggestion } });
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem) throw e;
        return renderPoliceCase(c, deps, region, caseId, p, { problem, determine: { values } });
      }
    }),
  );

  app.post(
    `${base}/determine`,
    forms,
    formOnce(),
    act(async (deps, caseId, p, form) => {
      const view = await getCase(deps, { caseId }, p);
      const input = determineInput(
        caseId,
        view.parties.map((x) => x.id),
        formValues(form),
      );
      const result = await determineLiability(deps, input, p);
      return result.status === "OFFLINE" ? "offline" : "determined";
    }),
  );

  app.post(
    `${base}/video`,
    forms,
    formOnce(),
    act(async (deps, caseId, p) => {
      await lookupSurveillance(deps, { caseId }, p);
      return "video";
    }),
  );

  app.post(
    `${base}/offline`,
    forms,
    formOnce(),
    act(async (deps, caseId, p, form) => {
      await moveOffline(deps, { caseId, reason: text(form, "reason") }, p);
      return "offline";
    }),
  );
}
