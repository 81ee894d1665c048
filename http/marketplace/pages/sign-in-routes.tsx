import type { App } from "../../env.ts";
import { registerModuleSignIn } from "../../pages/module-sign-in.tsx";
import { MODULE_ID } from "./mk-context.tsx";
import { safeNext } from "./mk-paths.ts";
import { MkPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";

/**
 * Sign-in that comes back to the marketplace page the person was on (the apply page, "my data",
 * the institution desk, the board): citizens by a one-time code sent through that page's region,
 * staff by API key (http/pages/module-sign-in.tsx).
 */
export function registerSignInRoutes(app: App): void {
  registerModuleSignIn(app, {
    module: MODULE_ID,
    testIds: "mk",
    Frame: MkPage,
    safeNext,
    lead: (page) => <p class="notice">{commonText(page.lang).signInFirst}</p>,
    citizenHint: true,
  });
}
