import type { HttpModule } from "../modules.ts";
import { registerFactorsApi } from "./api/register-api.ts";
import { registerFactorsPages } from "./pages/register-pages.tsx";

/** 宁德农村生产要素流转融资: the JSON API (slice A) and the pages (slice B). */
export const factorsHttp: HttpModule = {
  id: "factors",
  title: { zh: "农村生产要素流转融资", en: "Rural production-factor financing" },
  registerApi(app, platform) {
    registerFactorsApi(app, platform);
  },
  registerPages: registerFactorsPages,
};
