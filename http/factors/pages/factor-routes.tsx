import { csrf } from "hono/csrf";
import {
  activateFactor,
  confirmFactor,
  getFactorHistory,
  listForTransfer,
  lodgeObjection,
  resolveObjection,
  submitFactor,
  valueCollateral,
} from "../../../core/factors/mod.ts";
import { DomainError, type Principal, parseYuan } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { allowBodyUpTo, DEFAULT_BODY_LIMIT } from "../../middleware/body-limit.ts";
import { pageContext } from "../../pages/layout.tsx";
import { type Attempt, attempt, lines, needsSignIn, valuesOf } from "./actions.ts";
import { EVIDENCE_FORM_BYTES, uploadEvidence } from "./evidence.ts";
import type { ActionForm } from "./factor-actions.tsx";
import { FactorPage, isFactorDone } from "./factor-page.tsx";
import { type Form, filesOf, formOf, formOnce, text } from "./form-once.tsx";
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

interface Failed {
  readonly action: string;
  readonly problem: PageProblem;
  readonly values: Record<string, string>;
}

/**
 * A factor's page (its facts, history, liens, valuation and objections) and the actions on it:
 * submit for confirmation (FAC-R01), follow up, activate after notice and lodge or decide an
 * objection (FAC-R02), value (FAC-R04) and list for transfer (FAC-R10). A refused action shows
 * the page again with the refusal above its form; nothing was written.
 */
export function registerFactorRoutes(app: App, depsFor: DepsFor): void {
  async function show(c: FxContext, region: string, p: Principal, factorId: string, failed?: Failed) {
    const deps = depsFor(region);
    const history = await getFactorHistory(deps, p, { factorId });
    const forms = (action: string): ActionForm =>
      failed?.action === action
        ? { once: newOnce(c), problem: failed.problem, values: failed.values }
        : { once: newOnce(c) };
    const done = c.req.method === "GET" ? c.req.query("done") : undefined;
    const evidence = await deps.evidence.records(region, history.factor.evidence);
    return c.html(
      <FactorPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        principal={p}
        history={history}
        policy={deps.policyFor(history.factor.countyCode)}
        today={todayOf(c)}
        forms={forms}
        done={isFactorDone(done) ? done : undefined}
        evidence={evidence}
      />,
      failed?.problem.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/factors/:factorId",
    guarded((c) => show(c, regionOf(c), caller(c), c.req.param("factorId") ?? "")),
  );

  /** An evidence file the factor names, for whoever may see the factor (KRN-R06). */
  app.get(
    "/factors/:region/factors/:factorId/evidence/:evidenceId",
    guarded(async (c) => {
      const region = regionOf(c);
      const deps = depsFor(region);
      const evidenceId = c.req.param("evidenceId") ?? "";
      const { factor } = await getFactorHistory(deps, caller(c), { factorId: c.req.param("factorId") ?? "" });
      const file = factor.evidence.includes(evidenceId) ? await deps.evidence.read(region, evidenceId) : undefined;
      if (!file)
        throw new DomainError("evidence not found", { ruleId: "KRN-R06", kind: "not_found", field: "evidence" });
      return new Response(file.bytes.slice().buffer, {
        headers: {
          "Content-Type": file.record.contentType,
          "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.record.fileName)}`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
          "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        },
      });
    }),
  );

  /** One POST action on a factor: run it, then go where it says, or show the page again with the refusal. */
  function action(
    path: string,
    key: (c: FxContext) => string,
    run: (c: FxContext, region: string, p: Principal, factorId: string, form: Form) => Promise<Attempt<string>>,
    bodyBytes = DEFAULT_BODY_LIMIT,
  ) {
    app.post(
      `/factors/:region/factors/:factorId/${path}`,
      csrf(),
      needsSignIn(),
      allowBodyUpTo(bodyBytes),
      formOnce(),
      guarded(async (c) => {
        const region = regionOf(c);
        const p = caller(c);
        const factorId = c.req.param("factorId") ?? "";
        const form = await formOf(c);
        const done = await run(c, region, p, factorId, form);
        if (done.ok) return c.redirect(done.value, 303);
        return show(c, region, p, factorId, { action: key(c), problem: done.problem, values: valuesOf(form) });
      }),
    );
  }

  const back = (region: string, id: string, done?: string) =>
    `${fxPath.factor(region, id)}${done ? `?done=${done}` : ""}`;

  action(
    "submit",
    () => "submit",
    async (c, region, p, factorId) => {
      const files = await filesOf(c, "evidenceFiles");
      return attempt(langOf(c), async () => {
        const deps = depsFor(region);
        const evidence = await uploadEvidence(deps, p, files);
        const r = await submitFactor(deps, p, { factorId, ...(evidence.length > 0 ? { evidence } : {}) });
        return back(region, factorId, r.outcome);
      });
    },
    EVIDENCE_FORM_BYTES,
  );

  action(
    "confirm",
    () => "confirm",
    (c, region, p, factorId) =>
      attempt(langOf(c), async () => {
        const r = await confirmFactor(depsFor(region), p, { factorId });
        return back(region, factorId, r.outcome === "rejected" ? "rejectedOutcome" : r.outcome);
      }),
  );

  action(
    "activate",
    () => "activate",
    (c, region, p, factorId) =>
      attempt(langOf(c), async () => {
        await activateFactor(depsFor(region), p, { factorId });
        return back(region, factorId);
      }),
  );

  action(
    "objections",
    () => "object",
    (c, region, p, factorId, form) =>
      attempt(langOf(c), async () => {
        await lodgeObjection(depsFor(region), p, { factorId, grounds: text(form, "grounds") });
        return back(region, factorId);
      }),
  );

  action(
    "objections/:objectionId/resolve",
    (c) => `resolve:${c.req.param("objectionId") ?? ""}`,
    (c, region, p, factorId, form) =>
      attempt(langOf(c), async () => {
        await resolveObjection(depsFor(region), p, {
          factorId,
          objectionId: c.req.param("objectionId") ?? "",
          decision: text(form, "decision"),
          reason: text(form, "reason"),
        });
        return back(region, factorId);
      }),
  );

  action(
    "value",
    () => "value",
    (c, region, p, factorId, form) =>
      attempt(langOf(c), async () => {
        const deps = depsFor(region);
        const { unit } = await getFactorHistory(deps, p, { factorId });
        const condition = text(form, "condition") || "good";
        const revenue = lines(text(form, "monthlyRevenue"));
        await valueCollateral(deps, p, {
          factorIds: unit.factorIds,
          conditions: Object.fromEntries(unit.factorIds.map((id) => [id, condition])),
          requestAppraisal: text(form, "requestAppraisal") === "yes",
          ...(revenue.length > 0
            ? { monthlyRevenueFen: revenue.map((r) => parseYuan(r.replaceAll(",", ""), "monthlyRevenue")) }
            : {}),
          ...(text(form, "revenueVerifiedBy") ? { revenueVerifiedBy: text(form, "revenueVerifiedBy") } : {}),
        });
        return back(region, factorId);
      }),
  );

  action(
    "list",
    () => "list",
    (c, region, p, factorId, form) =>
      attempt(langOf(c), async () => {
        const deps = depsFor(region);
        const { unit } = await getFactorHistory(deps, p, { factorId });
        const kind = text(form, "kind") || "lease";
        const listing = await listForTransfer(deps, p, {
          factorIds: unit.factorIds,
          kind,
          reservePriceFen: parseYuan(text(form, "reserve").replaceAll(",", ""), "reservePrice"),
          closesOn: text(form, "closesOn"),
          ...(kind === "lease" && text(form, "leaseFrom") ? { leaseFrom: text(form, "leaseFrom") } : {}),
          ...(kind === "lease" && text(form, "leaseTo") ? { leaseTo: text(form, "leaseTo") } : {}),
        });
        return fxPath.listing(region, listing.id);
      }),
  );
}
