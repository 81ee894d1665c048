import type { Platform } from "../../../adapters/composition/platform.ts";
import { factorsDeps } from "../../../adapters/factors/factors-deps.ts";
import type { App } from "../../env.ts";
import { literalSegment } from "../../pages/literal-segment.ts";
import { registerDashboardRoutes } from "./dashboard-routes.tsx";
import { registerFactorRoutes } from "./factor-routes.tsx";
import { registerFundRoutes } from "./fund-routes.tsx";
import { FX_CSS } from "./fx-assets.ts";
import { type DepsFor, memoDeps } from "./fx-context.tsx";
import { registerHomeRoutes } from "./home-routes.tsx";
import { registerLendingRoutes } from "./lending-routes.tsx";
import { registerLoanRoutes } from "./loan-routes.tsx";
import { registerMarketRoutes } from "./market-routes.tsx";
import { registerQueueRoutes } from "./queue-routes.tsx";
import { registerRegisterRoutes } from "./register-routes.tsx";
import { registerSignInRoutes } from "./sign-in-routes.tsx";

/**
 * The factors pages (宁德农村生产要素流转融资), zh-CN first with an English switch: the region
 * home with the catalogue; registration with evidence, confirmation, public notice, objections,
 * valuation and a factor's full history and liens; mortgage application, the bank's decision and
 * lien registration; transfer listings with bids, consents and award; default, disposal with the
 * 优先受偿 distribution and 政银保担 loss sharing; the institution and county desks; and the county
 * and city dashboards with server-drawn SVG charts; the risk-compensation fund ledger. Pages call the core's use cases in-process
 * with the region's deps and the signed-in principal; forms are CSRF-checked and single-use.
 */
export function registerFactorsPages(app: App, platform: Platform): void {
  registerFactorsPagesWith(app, (code) => factorsDeps(platform, code));
}

/** The same pages over any source of deps (tests may pass their own). */
export function registerFactorsPagesWith(app: App, build: DepsFor): void {
  const depsFor = memoDeps(build);
  const assets = literalSegment("/factors", "assets");
  app.get(
    `${assets.path}/factors.css`,
    assets.when((c) => {
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(FX_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
    }),
  );
  registerSignInRoutes(app);
  registerHomeRoutes(app, depsFor);
  registerRegisterRoutes(app, depsFor);
  registerLendingRoutes(app, depsFor);
  registerLoanRoutes(app, depsFor);
  registerMarketRoutes(app, depsFor);
  registerQueueRoutes(app, depsFor);
  registerDashboardRoutes(app, depsFor);
  registerFundRoutes(app, depsFor);
  registerFactorRoutes(app, depsFor);
}
