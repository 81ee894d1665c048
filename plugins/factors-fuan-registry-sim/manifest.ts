import * as v from "valibot";
import { RightsRegistryPort } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { demoRegistryRecords, RegistryBook, registryRecordSchema } from "../factors-sim-support/registry-book.ts";
import { FUAN, FuanRegistry } from "./fuan-registry.ts";

const configSchema = v.strictObject({
  records: v.pipe(
    v.optional(v.array(registryRecordSchema), () => demoRegistryRecords((c) => c === FUAN)),
    v.description("records of 福安's registries and departments (default: the demo book's 福安 records)"),
  ),
  departments: v.pipe(
    v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._:-]{1,63}$/))), [
      "fuan-agri",
      "fuan-natural-resources",
      "fuan-ocean-fishery",
      "fuan-forestry",
    ]),
    v.description("department ids connected (as the county pack names them); others do not answer"),
  ),
});

/** SIMULATOR of 福安 (350981): its registries and the departments confirming its eight 无证 types. */
export const manifest = definePlugin({
  id: "factors-fuan-registry-sim",
  version: "1.0.0",
  title: {
    zh: "福安市确权登记与非标资产确权部门（模拟）",
    en: "Fu'an registries and confirming departments (simulator)",
  },
  description:
    "Simulator of 福安市's registries and of the departments its implementing rules name to confirm the eight non-standard (无证) asset types (农业农村局, 自然资源局, 海洋与渔业局, 林业局). A filing is found only at the department the county pack names; deterministic.",
  kind: "simulator",
  regions: [FUAN],
  provides: [RightsRegistryPort],
  configSchema,
  create(config, ctx) {
    const book = new RegistryBook(config.records);
    ctx.logger.info("福安 registry simulator", { records: book.size, departments: config.departments });
    return new Map([[RightsRegistryPort, new FuanRegistry(book, config.departments)]]);
  },
});
