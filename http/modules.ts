import type { Platform } from "../adapters/composition/platform.ts";
import type { App } from "./env.ts";
import { factorsHttp } from "./factors/http-module.ts";
import { marketplaceHttp } from "./marketplace/http-module.ts";
import { quickclaimHttp } from "./quickclaim/http-module.ts";

/**
 * How a module plugs into the HTTP layer. Each module helper writes `http/<module>/http-module.ts`
 * exporting one `HttpModule` and adds it to `httpModules` below (one line each).
 *
 * - `registerApi(app, platform)`: JSON routes with `app.openapi(createRoute({...}), handler)`;
 *   they appear in /openapi.json. Request schemas use `z.strictObject` (unknown fields refused).
 * - `registerPages(app, platform)`: hono/jsx pages under `/{id}` (the home page links
 *   `/{id}?region=<code>` for each region that enables the module).
 * - `title`: the module's name on the home page (else the shell's dictionary, else the id).
 */
export interface HttpModule {
  /** The module id as in the deployment config and the core's ModuleDescriptor, e.g. "quickclaim". */
  readonly id: string;
  readonly title?: { readonly zh: string; readonly en: string };
  registerApi(app: App, platform: Platform): void;
  registerPages?(app: App, platform: Platform): void;
}

/** The modules the app mounts, in this order. Module helpers: add your entry here. */
export const httpModules: readonly HttpModule[] = [quickclaimHttp, marketplaceHttp, factorsHttp];
