import { csrf } from "hono/csrf";
import { formMarineBundle, listCreditProducts, listMyWork } from "../../../core/factors/mod.ts";
import { inRegion, type Principal, prefectureOf } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { attempt, needsSignIn } from "./actions.ts";
import { formOf, formOnce, texts } from "./form-once.tsx";
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
import { LandingPage, RegionChoicePage } from "./landing-page.tsx";
import { MinePage } from "./mine-page.tsx";
import type { PageProblem } from "./page-errors.ts";

/** The region choice, the region's home (catalogue, counties) and "my factors" with the bundle form. */
export function registerHomeRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/factors",
    guarded((c) => {
      const lang = langOf(c);
      const p = c.get("principal");
      const regions = [...c.get("platform").regions.values()].filter(
        (r) =>
          r.modules.includes("factors") &&
          (!p || inRegion(p, r.code) || p.regionCodes.some((rc) => prefectureOf(rc) === r.code)),
      );
      const asked = regions.find((r) => r.code === c.req.query("region"));
      if (asked) return c.redirect(fxPath.home(asked.code), 303);
      if (regions.length === 1 && regions[0]) return c.redirect(fxPath.home(regions[0].code), 303);
      return c.html(
        <RegionChoicePage page={pageContext(c)} regions={regions.map((r) => ({ code: r.code, name: r.name[lang] }))} />,
      );
    }),
  );

  app.get(
    "/factors/:region",
    guarded((c) => {
      const region = regionOf(c);
      const lang = langOf(c);
      const name = c.get("platform").regions.get(region)?.name[lang] ?? region;
      return c.html(
        <LandingPage
          page={pageContext(c)}
          frame={frameOf(c, region)}
          regionName={name}
          policy={depsFor(region).policyFor(null)}
          today={todayOf(c)}
        />,
      );
    }),
  );

  async function mine(c: FxContext, region: string, p: Principal, problem?: PageProblem) {
    const deps = depsFor(region);
    const [work, products] = await Promise.all([listMyWork(deps, p), listCreditProducts(deps, p)]);
    return c.html(
      <MinePage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        work={work}
        products={products}
        policy={deps.policyFor(null)}
        today={todayOf(c)}
        once={newOnce(c)}
        problem={problem}
      />,
      problem?.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/mine",
    guarded((c) => mine(c, regionOf(c), caller(c))),
  );

  app.post(
    "/factors/:region/bundle",
    csrf(),
    needsSignIn(),
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c);
      const form = await formOf(c);
      const done = await attempt(langOf(c), () =>
        formMarineBundle(depsFor(region), p, { factorIds: texts(form, "factorIds") }),
      );
      if (!done.ok) return mine(c, region, p, done.problem);
      const first = done.value.bundle.memberIds[0] ?? "";
      return c.redirect(fxPath.factor(region, first), 303);
    }),
  );
}
