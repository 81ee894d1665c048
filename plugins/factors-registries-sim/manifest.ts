import * as v from "valibot";
import { RightsRegistryPort } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { demoRegistryRecords, RegistryBook, registryRecordSchema } from "../factors-sim-support/registry-book.ts";

const county = v.pipe(v.string(), v.regex(/^\d{6}$/, "a 6-digit county code"));

const configSchema = v.strictObject({
  records: v.pipe(
    v.optional(v.array(registryRecordSchema), () => demoRegistryRecords()),
    v.description("the records the simulated registries hold (default: the Ningde demo book)"),
  ),
  unreachableCounties: v.pipe(
    v.optional(v.array(county), []),
    v.description("counties whose registries do not answer (to show a submission waiting, KRN-R10)"),
  ),
});

/**
 * SIMULATOR of the confirming registries of every Ningde county (FAC-R01): 不动产登记, 林权,
 * 海域, 渔业, 船舶, 仓单 and the other registries the catalogue names. A county with its own
 * registry plugin (e.g. factors-fuan-registry-sim for 福安) is answered by that one instead.
 */
export const manifest = definePlugin({
  id: "factors-registries-sim",
  version: "1.0.0",
  title: { zh: "宁德各县确权登记机构（模拟）", en: "Ningde county rights registries (simulator)" },
  description:
    "Simulator of the rights registries that confirm factors in Ningde's counties (real-estate, forest, sea-area, fishery, vessel, warehouse-receipt registries…). Answers from a configured book of records (default: the demo book); deterministic. Counties with their own registry plugin are served by that plugin.",
  kind: "simulator",
  regions: ["350900"],
  provides: [RightsRegistryPort],
  configSchema,
  create(config, ctx) {
    const book = new RegistryBook(config.records, config.unreachableCounties);
    ctx.logger.info("factors registries simulator", { records: book.size });
    return new Map([[RightsRegistryPort, book]]);
  },
});
