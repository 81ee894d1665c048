import type { HttpModule } from "../modules.ts";
import { registerMarketplaceApi } from "./api/register-api.ts";
import { registerMarketplacePages } from "./pages/register-pages.tsx";

/** 龙岩数字普惠金融服务平台: the JSON API (slice A) and the pages (slice B). */
export const marketplaceHttp: HttpModule = {
  id: "marketplace",
  title: { zh: "龙岩数字普惠金融服务平台", en: "Digital inclusive-finance marketplace" },
  registerApi(app, platform) {
    registerMarketplaceApi(app, platform);
  },
  registerPages(app, platform) {
    registerMarketplacePages(app, platform);
  },
};
