import * as v from "valibot";
import { CreditDataSourcePort, longyanCreditDataCatalogue } from "../../core/marketplace/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { SimulatedCreditDataSource } from "./simulated-credit-data-source.ts";

/** The demo story's people (spec 90-demo-story.md): 张师傅 and his shop have never borrowed. */
export const demoLoanCounts: Readonly<Record<string, number>> = {
  "350802198801153019": 0, // 张师傅
  "92350802MA31XK5R2X": 0, // 张师傅's 个体工商户
  "91350800MA2YQ3LF3C": 2, // 龙岩闽西茶业有限公司
};

const configSchema = v.strictObject({
  latencyMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), 0),
    v.description("simulated response time of the data platform in milliseconds (0 = answer at once)"),
  ),
  loanCategories: v.pipe(
    v.optional(v.array(v.pipe(v.string(), v.minLength(1))), ["finance.loan-records"]),
    v.description("categories whose records are loans, one record per loan (MKT-R07 first-loan check)"),
  ),
  loanCounts: v.pipe(
    v.optional(v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))), () => ({
      ...demoLoanCounts,
    })),
    v.description(
      "identity number → number of loans on record, overriding the drawn count (default: the demo story's people)",
    ),
  ),
  allowInProduction: v.pipe(
    v.optional(v.boolean(), false),
    v.description("let this simulator load when NODE_ENV=production (a demonstration deployment only)"),
  ),
});

/** SIMULATOR of the public-credit data-aggregation platform (17 departments / 44 categories). */
export const manifest = definePlugin({
  id: "marketplace-credit-data-sim",
  version: "1.0.0",
  title: { zh: "公共信用数据汇聚平台（模拟）", en: "Public-credit data platform (simulator)" },
  description:
    "Simulator of the prefecture's data-aggregation platform (龙岩: 17 departments, 44 categories, plus UnionPay acquiring flow): deterministic, live data per subject and category for any period; loan records for the first-loan check. Clearly not real data; for demos and tests.",
  kind: "simulator",
  regions: "*",
  provides: [CreditDataSourcePort],
  configSchema,
  create(config, ctx) {
    if (ctx.production && !config.allowInProduction) {
      throw new Error(
        "marketplace-credit-data-sim is a simulator and refuses to load when NODE_ENV=production; install the region's data-platform adapter (or set allowInProduction for a demonstration)",
      );
    }
    ctx.logger.info("simulated public-credit data source installed (deterministic demo data, not real)");
    const source = new SimulatedCreditDataSource({
      latencyMs: config.latencyMs,
      loanCategories: config.loanCategories,
      loanCounts: config.loanCounts,
      catalogue: longyanCreditDataCatalogue,
    });
    return new Map([[CreditDataSourcePort, source]]);
  },
});
