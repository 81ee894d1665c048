import { csrf } from "hono/csrf";
import { fujianChildren, hasRole } from "../../../core/kernel/mod.ts";
import { reportAccident } from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import { pageContext } from "../../pages/layout.tsx";
import { formOf, formOnce, text } from "./form-once.tsx";
import { pageProblem } from "./page-errors.ts";
import { beijingLocalInput } from "./page-kit.tsx";
import { type DepsFor, guarded, newOnce, type QcContext, regionOf } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";
import { CIRCUMSTANCE_FIELDS, ReportPage, type ReportValues } from "./report-page.tsx";

/** A number field as the use case should see it: the number, or the raw text so that it is refused by name. */
export function numberOrText(s: string): number | string {
  if (s === "") return s;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** A `datetime-local` value (Beijing time) as an ISO instant; anything else is passed on to be refused. */
export function beijingInstant(local: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local;
}

function counties(c: QcContext, region: string) {
  const lang = c.get("lang") ?? "zh";
  return fujianChildren(region).map((r) => ({ code: r.code, name: r[lang] }));
}

/** The use case's input from the report form. */
function reportInput(form: ReportValues) {
  const parties = [0, 1, 2]
    .map((i) => ({ plate: form[`plate${i}`] ?? "", mobile: form[`mobile${i}`] ?? "" }))
    .filter((p, i) => i < 2 || p.plate !== "" || p.mobile !== "");
  const flag = (name: string) => form[name] === "on";
  return {
    regionCode: form.regionCode ?? "",
    accidentAt: beijingInstant(form.accidentAt ?? ""),
    place: {
      address: form.address ?? "",
      point: { lat: numberOrText(form.lat ?? ""), lng: numberOrText(form.lng ?? "") },
    },
    circumstances: {
      anyoneInjured: flag("anyoneInjured"),
      deathOrSeriousInjury: flag("deathOrSeriousInjury"),
      vehiclesMovable: flag("vehiclesMovable"),
      suspectedDrinkDriving: flag("suspectedDrinkDriving"),
      suspectedUnlicensedDriving: flag("suspectedUnlicensedDriving"),
      suspectedHitAndRun: flag("suspectedHitAndRun"),
    },
    parties,
  };
}

export function registerReportRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/quickclaim/:region/report",
    guarded((c) => {
      const region = regionOf(c);
      const p = principalOf(c);
      const values: ReportValues = {
        accidentAt: beijingLocalInput(c.get("platform").clock.now()),
        regionCode: counties(c, region)[0]?.code ?? "",
      };
      return c.html(
        <ReportPage
          page={pageContext(c)}
          region={region}
          counties={counties(c, region)}
          values={values}
          once={newOnce(c)}
          asHelper={!hasRole(p, "citizen")}
        />,
      );
    }),
  );

  app.post(
    "/quickclaim/:region/report",
    csrf(),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = principalOf(c);
      const raw = await formOf(c);
      const values: Record<string, string> = {};
      for (const k of Object.keys(raw)) values[k] = text(raw, k);
      for (const [name] of CIRCUMSTANCE_FIELDS) values[name] = values[name] === "on" ? "on" : "off";
      try {
        const result = await reportAccident(depsFor(region), reportInput(values), p);
        return c.redirect(`${qcPath.case(region, result.caseId)}?reported=1`, 303);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem || problem.status === 404 || problem.status === 401) throw e;
        return c.html(
          <ReportPage
            page={pageContext(c)}
            region={region}
            counties={counties(c, region)}
            values={values}
            once={newOnce(c)}
            asHelper={!hasRole(p, "citizen")}
            problem={problem}
          />,
          problem.status,
        );
      }
    }),
  );
}
