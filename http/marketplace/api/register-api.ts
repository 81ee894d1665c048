import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { registerApplicationRoutes } from "./application-routes.ts";
import { registerApplyCodeRoutes } from "./apply-code-routes.ts";
import { registerCallbackRoutes } from "./callback-routes.ts";
import { registerCatalogueRoutes } from "./catalogue-routes.ts";
import { registerConsentRoutes } from "./consent-routes.ts";
import { registerJobRoutes } from "./job-routes.ts";
import { registerMortgageRoutes } from "./mortgage-routes.ts";
import { registerReportRoutes } from "./report-routes.ts";

/**
 * The marketplace JSON API under `/api/marketplace/{region}` (OpenAPI in /openapi.json): every
 * use case of the module, strict request schemas, yuan strings at the edge and fen inside,
 * idempotent POSTs (KRN-R08), problem details naming the rule (KRN-R11), and the signed
 * outcome callback of direct-connect institutions (KRN-R14).
 */
export function registerMarketplaceApi(app: App, platform: Platform): void {
  registerCatalogueRoutes(app, platform);
  registerConsentRoutes(app, platform);
  registerApplicationRoutes(app, platform);
  registerApplyCodeRoutes(app, platform);
  registerReportRoutes(app, platform);
  registerMortgageRoutes(app, platform);
  registerCallbackRoutes(app, platform);
  registerJobRoutes(app, platform);
}
