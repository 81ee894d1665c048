import { regionCalendarData, regionCalendarYears } from "../../adapters/calendar/region-calendar.ts";
import { marketplacePolicyDefaults } from "../../core/marketplace/mod.ts";
import { regionPackPlugin } from "../_framework/region-pack-plugin.ts";

/**
 * 龙岩 Longyan (350800) policy pack: the national pilot zone of the 数字普惠金融服务平台 and
 * 福农驿站. Kernel part: the prefecture, its 7 counties (GB/T 2260) and the national calendar.
 */
export const manifest = regionPackPlugin({
  id: "longyan-region",
  version: "1.0.0",
  regionCode: "350800",
  title: { zh: "龙岩市政策包", en: "Longyan policy pack" },
  description:
    "Policy pack of 龙岩 Longyan (350800): counties, working-day calendar and each module's parameters with their dates and source documents.",
  calendar: regionCalendarData,
  availableYears: regionCalendarYears,
  defaultYears: [2026, 2027],
  // LEAD HOOK — module parts, one line per module as its core lands, e.g.
  //   marketplace: marketplacePolicyDefaults,   (core/marketplace/policy-defaults.ts)
  modules: () => ({ marketplace: marketplacePolicyDefaults }),
});
