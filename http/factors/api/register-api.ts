import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { registerDisposalRoutes } from "./disposal-routes.ts";
import { registerEvidenceRoutes } from "./evidence-routes.ts";
import { registerFundRoutes } from "./fund-routes.ts";
import { registerLendingRoutes } from "./lending-routes.ts";
import { registerReadRoutes } from "./read-routes.ts";
import { registerRegisterRoutes } from "./register-routes.ts";
import { registerTransferRoutes } from "./transfer-routes.ts";

/** The factors JSON API under /api/factors/{region}: every use case, OpenAPI-documented. */
export function registerFactorsApi(app: App, platform: Platform): void {
  registerEvidenceRoutes(app, platform);
  registerRegisterRoutes(app, platform);
  registerLendingRoutes(app, platform);
  registerDisposalRoutes(app, platform);
  registerTransferRoutes(app, platform);
  registerReadRoutes(app, platform);
  registerFundRoutes(app, platform);
}
