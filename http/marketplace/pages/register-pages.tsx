import type { Platform } from "../../../adapters/composition/platform.ts";
import { marketplaceDeps } from "../../../adapters/marketplace/marketplace-deps.ts";
import type { App } from "../../env.ts";
import { literalSegment } from "../../pages/literal-segment.ts";
import { registerApplicationRoutes } from "./application-routes.tsx";
import { registerApplyRoutes } from "./apply-routes.tsx";
import { registerBoardRoutes } from "./board-routes.tsx";
import { registerCatalogueRoutes } from "./catalogue-routes.tsx";
import { MARKETPLACE_CSS } from "./mk-assets.ts";
import { type DepsFor, type MkRoutesDeps, useCasesFor } from "./mk-context.tsx";
import { registerMyDataRoutes } from "./my-data-routes.tsx";
import { registerQueueRoutes } from "./queue-routes.tsx";
import { registerSignInRoutes } from "./sign-in-routes.tsx";

/**
 * The marketplace pages (龙岩数字普惠金融服务平台, spec 30-marketplace.md), zh-CN first with an
 * English switch, phone first, no script:
 *   /marketplace/:region                         product marketplace, filters, special-action columns
 *   /marketplace/:region/products/:id            product page with the data it uses and why
 *   /marketplace/:region/products/:id/apply      apply page with the consent screen (citizens)
 *   /marketplace/:region/qr/:token               码上贷 landing (counts the scan, opens the application)
 *   /marketplace/:region/applications/:id        an application (applicant, institution, regulator)
 *   /marketplace/:region/my-data                 consents and pushes, revoke (citizens)
 *   /marketplace/:region/institution             the institution's work queue and QR codes
 *   /marketplace/:region/board                   the regulator's real-time report board and figures
 * Every page calls the core's use cases with `marketplaceDeps(platform, region)` and the
 * signed-in principal; a DomainError becomes the page again with the message, never a 500.
 */
export function registerMarketplacePages(
  app: App,
  platform: Platform,
  options: { readonly depsFor?: DepsFor } = {},
): void {
  const depsFor: DepsFor = options.depsFor ?? ((code) => marketplaceDeps(platform, code));
  const deps: MkRoutesDeps = { depsFor, useCases: useCasesFor(depsFor) };

  const assets = literalSegment("/marketplace", "assets");
  app.get(
    `${assets.path}/marketplace.css`,
    assets.when((c) => {
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(MARKETPLACE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
    }),
  );
  // Fixed paths first, so that "/marketplace/:region" never takes them.
  registerSignInRoutes(app);
  registerCatalogueRoutes(app, deps);
  registerApplyRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerMyDataRoutes(app, deps);
  registerQueueRoutes(app, deps);
  registerBoardRoutes(app, deps);
}
