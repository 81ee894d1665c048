import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { registerCaseRoutes } from "./case-routes.ts";
import { registerClaimRoutes } from "./claim-routes.ts";
import { registerStaffRoutes } from "./staff-routes.ts";

/**
 * The quick-claim JSON API under `/api/quickclaim/{region}` (OpenAPI in /openapi.json): every
 * use case of the module, strict request schemas, yuan strings at the edge, idempotent POSTs.
 */
export function registerQuickClaimApi(app: App, platform: Platform): void {
  registerCaseRoutes(app, platform);
  registerClaimRoutes(app, platform);
  registerStaffRoutes(app, platform);
}
