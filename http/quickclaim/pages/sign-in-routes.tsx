import type { App } from "../../env.ts";
import { registerModuleSignIn } from "../../pages/module-sign-in.tsx";
import { QcPage } from "./page-kit.tsx";
import { safeNext } from "./qc-paths.ts";
import { commonText } from "./text-common.ts";

/**
 * Sign-in that comes back to the quick-claim page the person was on: the other party opens the
 * case link, signs in with a code sent to the mobile given in the report, and lands on the case.
 * Staff may paste their key here too (http/pages/module-sign-in.tsx).
 */
export function registerSignInRoutes(app: App): void {
  registerModuleSignIn(app, {
    module: "quickclaim",
    testIds: "qc",
    Frame: QcPage,
    safeNext,
    lead: (page) => <p class="hint">{commonText(page.lang).signInIntro}</p>,
  });
}
