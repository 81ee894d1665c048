import { csrf } from "hono/csrf";
import { DomainError, type Principal, parseYuan } from "../../../core/kernel/mod.ts";
import {
  acceptClaim,
  assessLoss,
  getCase,
  listAdjusterQueue,
  paramsAsOf,
  payClaim,
  type QuickClaimDeps,
} from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ADJUSTER_DONE, AdjusterCasePage, type AdjusterDone, AdjusterQueuePage } from "./adjuster-pages.tsx";
import { formOf, formOnce, text } from "./form-once.tsx";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { type DepsFor, guarded, newOnce, type QcContext, regionOf, staff } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";

type Form = Record<string, string | File>;

async function renderAdjusterCase(
  c: QcContext,
  deps: QuickClaimDeps,
  region: string,
  caseId: string,
  p: Principal,
  extra: { problem?: PageProblem; done?: AdjusterDone | undefined; assessValues?: Record<string, string> } = {},
): Promise<Response> {
  const view = await getCase(deps, { caseId }, p);
  return c.html(
    <AdjusterCasePage
      page={pageContext(c)}
      region={region}
      view={view}
      policy={deps.policy}
      params={paramsAsOf(deps.policy, view.accidentDate)}
      once={() => newOnce(c)}
      problem={extra.problem}
      done={extra.done}
      assessValues={extra.assessValues}
    />,
    extra.problem?.status ?? 200,
  );
}

/** A yuan amount typed by the adjuster, in fen; empty optional amounts are 0 (KRN-R01 names the field). */
function fenOf(form: Form, name: string, field: string, optional: boolean): number {
  const raw = text(form, name);
  if (raw === "" && optional) return 0;
  return parseYuan(raw, field);
}

/** The claim named by the form, which must be one of this case's claims (else "not found", KRN-R06). */
async function claimOfCase(deps: QuickClaimDeps, caseId: string, p: Principal, form: Form): Promise<string> {
  const claimId = text(form, "claimId");
  const view = await getCase(deps, { caseId }, p);
  if (!view.claims.some((cl) => cl.id === claimId)) {
    throw new DomainError("claim not found", { ruleId: "KRN-R06", kind: "not_found", field: "claimId" });
  }
  return claimId;
}

/** 定损理赔: the adjuster's queue and case, assessment, the insurers' acceptance and payment. */
export function registerAdjusterRoutes(app: App, depsFor: DepsFor): void {
  const base = "/quickclaim/:region/adjuster/cases/:caseId";
  const forms = csrf();

  app.get(
    "/quickclaim/:region/adjuster",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "adjuster");
      const queue = await listAdjusterQueue(depsFor(region), { limit: 100 }, p);
      return c.html(<AdjusterQueuePage page={pageContext(c)} region={region} queue={queue} />);
    }),
  );

  app.get(
    base,
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "adjuster", "platform_admin");
      const done = ADJUSTER_DONE.find((d) => d === c.req.query("done"));
      return renderAdjusterCase(c, depsFor(region), region, c.req.param("caseId") ?? "", p, { done });
    }),
  );

  const act = (
    done: AdjusterDone,
    run: (deps: QuickClaimDeps, caseId: string, p: Principal, form: Form) => Promise<unknown>,
  ) =>
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "adjuster", "platform_admin");
      const deps = depsFor(region);
      const caseId = c.req.param("caseId") ?? "";
      const form = await formOf(c);
      try {
        await run(deps, caseId, p, form);
        return c.redirect(`${qcPath.adjusterCase(region, caseId)}?done=${done}`, 303);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem || problem.status === 401 || problem.status === 404) throw e;
        const assessValues =
          done === "assessed" ? Object.fromEntries(Object.keys(form).map((k) => [k, text(form, k)])) : undefined;
        return renderAdjusterCase(c, deps, region, caseId, p, { problem, ...(assessValues ? { assessValues } : {}) });
      }
    });

  app.post(
    `${base}/assess`,
    forms,
    formOnce(),
    act("assessed", async (deps, caseId, p, form) => {
      const view = await getCase(deps, { caseId }, p);
      const losses = view.parties.map((party) => ({
        partyId: party.id,
        vehicleFen: fenOf(form, `vehicle_${party.id}`, `losses.${party.id}.vehicle`, false),
        otherPropertyFen: fenOf(form, `other_${party.id}`, `losses.${party.id}.otherProperty`, true),
        medicalFen: fenOf(form, `medical_${party.id}`, `losses.${party.id}.medical`, true),
      }));
      return assessLoss(deps, { caseId, losses }, p);
    }),
  );

  app.post(
    `${base}/accept`,
    forms,
    formOnce(),
    act("accepted", async (deps, caseId, p, form) =>
      acceptClaim(deps, { claimId: await claimOfCase(deps, caseId, p, form) }, p),
    ),
  );

  app.post(
    `${base}/pay`,
    forms,
    formOnce(),
    act("paid", async (deps, caseId, p, form) =>
      payClaim(deps, { claimId: await claimOfCase(deps, caseId, p, form) }, p),
    ),
  );
}
