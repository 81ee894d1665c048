import { csrf } from "hono/csrf";
import { registerFactor } from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { allowBodyUpTo } from "../../middleware/body-limit.ts";
import { pageContext } from "../../pages/layout.tsx";
import { attempt, needsSignIn, valuesOf } from "./actions.ts";
import { EVIDENCE_FORM_BYTES, uploadEvidence } from "./evidence.ts";
import { filesOf, formOf, formOnce, text } from "./form-once.tsx";
import { caller, type DepsFor, type FxContext, frameOf, guarded, langOf, newOnce, regionOf } from "./fx-context.tsx";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { RegisterPage } from "./register-page.tsx";

const REGISTRANTS = ["citizen", "clerk", "institution_staff", "platform_admin"] as const;

/** 登记要素: the registration form and its submission (a DRAFT, then the factor's page). */
export function registerRegisterRoutes(app: App, depsFor: DepsFor): void {
  const show = (c: FxContext, region: string, values?: Record<string, string>, problem?: PageProblem) =>
    c.html(
      <RegisterPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        policy={depsFor(region).policyFor(null)}
        once={newOnce(c)}
        values={values}
        problem={problem}
      />,
      problem?.status ?? 200,
    );

  app.get(
    "/factors/:region/register",
    guarded((c) => {
      const region = regionOf(c);
      caller(c, ...REGISTRANTS);
      return show(c, region);
    }),
  );

  app.post(
    "/factors/:region/register",
    csrf(),
    needsSignIn(),
    allowBodyUpTo(EVIDENCE_FORM_BYTES),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, ...REGISTRANTS);
      const form = await formOf(c);
      const optional = (name: string) => text(form, name) || null;
      const files = await filesOf(c, "evidenceFiles");
      const deps = depsFor(region);
      const done = await attempt(langOf(c), async () =>
        registerFactor(deps, p, {
          countyCode: text(form, "countyCode"),
          typeCode: text(form, "typeCode"),
          holder: {
            kind: text(form, "holderKind") || "person",
            idNumber: text(form, "holderId"),
            name: text(form, "holderName"),
          },
          title: text(form, "title"),
          location: text(form, "location"),
          quantity: text(form, "quantity"),
          certificateNo: optional("certificateNo"),
          siteRef: optional("siteRef"),
          evidence: await uploadEvidence(deps, p, files),
        }),
      );
      if (!done.ok) return show(c, region, valuesOf(form), done.problem);
      return c.redirect(`${fxPath.factor(region, done.value.id)}?done=registered`, 303);
    }),
  );
}
