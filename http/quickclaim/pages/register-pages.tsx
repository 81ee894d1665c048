import type { Platform } from "../../../adapters/composition/platform.ts";
import { quickClaimDeps } from "../../../adapters/quickclaim/quickclaim-deps.ts";
import { businessDateOf, hasRole } from "../../../core/kernel/mod.ts";
import { paramsAsOf } from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { registerAdjusterRoutes } from "./adjuster-routes.tsx";
import { registerCaseRoutes } from "./case-routes.tsx";
import { registerDashboardRoutes } from "./dashboard-routes.tsx";
import { LandingPage, RegionChoicePage } from "./landing-page.tsx";
import { QC_CSS_PATH, QC_JS_PATH } from "./page-kit.tsx";
import { registerPartyActionRoutes } from "./party-action-routes.tsx";
import { registerPoliceRoutes } from "./police-routes.tsx";
import { QC_CSS, QC_JS } from "./qc-assets.ts";
import { type DepsFor, guarded, memoDeps, myCases } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";
import { registerReportRoutes } from "./report-routes.tsx";
import { registerSignInRoutes } from "./sign-in-routes.tsx";

/**
 * The quick-claim pages (快处快赔121): the party's phone flow (report → photos → wait → sign →
 * claim → paid, with the link for the other party), the police desk with its printable letter,
 * the adjuster queue, and the regulator dashboard. Pages call the core's use cases in-process
 * with the region's deps and the signed-in principal; forms are CSRF-checked and single-use.
 */
export function registerQuickClaimPages(app: App, platform: Platform): void {
  registerQuickClaimPagesWith(app, (code) => quickClaimDeps(platform, code));
}

/** The same pages over any source of deps (tests may pass their own). */
export function registerQuickClaimPagesWith(app: App, build: DepsFor): void {
  const depsFor = memoDeps(build);

  app.get(QC_CSS_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(QC_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
  });
  app.get(QC_JS_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(QC_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  app.get(
    "/quickclaim",
    guarded(async (c) => {
      const lang = c.get("lang") ?? "zh";
      const regions = [...c.get("platform").regions.values()].filter((r) => r.modules.includes("quickclaim"));
      const code = c.req.query("region");
      const region = regions.find((r) => r.code === code);
      if (!region) {
        if (regions.length === 1 && regions[0]) return c.redirect(qcPath.landing(regions[0].code), 303);
        const list = regions.map((r) => ({ code: r.code, name: r.name[lang] }));
        return c.html(<RegionChoicePage page={pageContext(c)} regions={list} />);
      }
      const deps = depsFor(region.code);
      const params = paramsAsOf(deps.policy, businessDateOf(c.get("platform").clock.now()));
      const simulated = region.pluginDetails?.some((p) => p.simulator) ?? false;
      const p = c.get("principal");
      const mine = p?.subjectRef !== undefined && hasRole(p, "citizen") ? await myCases(deps, p.subjectRef) : [];
      return c.html(
        <LandingPage
          page={pageContext(c)}
          region={{ code: region.code, name: region.name[lang] }}
          policy={deps.policy}
          params={params}
          simulated={simulated}
          mine={mine}
        />,
      );
    }),
  );

  registerSignInRoutes(app);
  registerReportRoutes(app, depsFor);
  registerCaseRoutes(app, depsFor);
  registerPartyActionRoutes(app, depsFor);
  registerPoliceRoutes(app, depsFor);
  registerAdjusterRoutes(app, depsFor);
  registerDashboardRoutes(app, depsFor);
}
