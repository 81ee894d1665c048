import type { HttpModule } from "../modules.ts";
import { registerQuickClaimApi } from "./api/register-api.ts";
import { registerQuickClaimPages } from "./pages/register-pages.tsx";

/** 快处快赔121: the JSON API (slice A) and the phone-first pages (slice B). */
export const quickclaimHttp: HttpModule = {
  id: "quickclaim",
  title: { zh: "快处快赔121", en: "Quick claims for minor accidents" },
  registerApi(app, platform) {
    registerQuickClaimApi(app, platform);
  },
  registerPages(app, platform) {
    registerQuickClaimPages(app, platform);
  },
};
