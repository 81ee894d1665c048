import type { App } from "../../env.ts";
import { registerModuleSignIn } from "../../pages/module-sign-in.tsx";
import { safeNext } from "./fx-paths.ts";
import { FxPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";

/**
 * Sign-in that comes back to the factors page the person was on (a citizen by one-time code, a
 * staff member with the institution key; http/pages/module-sign-in.tsx).
 */
export function registerSignInRoutes(app: App): void {
  registerModuleSignIn(app, {
    module: "factors",
    testIds: "fx",
    Frame: FxPage,
    safeNext,
    lead: (page) => <p class="hint">{commonText(page.lang).signInIntro}</p>,
  });
}
