import { regionCalendarData, regionCalendarYears } from "../../adapters/calendar/region-calendar.ts";
import { ningdeFactorsPolicy } from "../../core/factors/mod.ts";
import { ningdeQuickClaimPolicy } from "../../core/quickclaim/mod.ts";
import { regionPackPlugin } from "../_framework/region-pack-plugin.ts";

/**
 * 宁德 Ningde (350900) policy pack: the national pilot zone of 农村生产要素流转融资 and 快处快赔.
 * Kernel part: the prefecture, its 9 counties (GB/T 2260) and the national working-day calendar.
 */
export const manifest = regionPackPlugin({
  id: "ningde-region",
  version: "1.0.0",
  regionCode: "350900",
  title: { zh: "宁德市政策包", en: "Ningde policy pack" },
  description:
    "Policy pack of 宁德 Ningde (350900): counties, working-day calendar and each module's parameters with their dates and source documents.",
  calendar: regionCalendarData,
  availableYears: regionCalendarYears,
  defaultYears: [2026, 2027],
  // LEAD HOOK — module parts, one line per module as its core lands, e.g.
  //   factors: ningdeFactorsPolicy,          (core/factors/policy-defaults.ts)
  //   quickclaim: ningdeQuickClaimPolicy,    (core/quickclaim/policy-defaults.ts)
  modules: () => ({
    quickclaim: ningdeQuickClaimPolicy,
    factors: ningdeFactorsPolicy,
  }),
  // County differences (e.g. 福安 350981 implementing rules) as partial module parts:
  //   counties: () => ({ "350981": { factors: { … } } }),
});
