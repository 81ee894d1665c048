import * as v from "valibot";
import { RealEstateRegistryPort } from "../../core/marketplace/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { SimulatedRealEstateRegistry } from "./simulated-real-estate-registry.ts";

const configSchema = v.strictObject({
  processingMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7 * 24 * 3_600_000)), 60_000),
    v.description("time the simulated registry takes to register a filed request, in milliseconds"),
  ),
  refuseWhenTitleContains: v.pipe(
    v.optional(v.array(v.string()), ["查封"]),
    v.description("title certificate numbers containing one of these texts are refused (e.g. seized property)"),
  ),
  placeName: v.pipe(
    v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(20)), "龙岩市"),
    v.description("place name printed on the simulated registration certificates"),
  ),
  allowInProduction: v.pipe(
    v.optional(v.boolean(), false),
    v.description("let this simulator load when NODE_ENV=production (a demonstration deployment only)"),
  ),
});

/** SIMULATOR of the real-estate registry for online mortgage registration (抵押登记云办理). */
export const manifest = definePlugin({
  id: "marketplace-estate-registry-sim",
  version: "1.0.0",
  title: { zh: "不动产登记系统（模拟）", en: "Real-estate registry (simulator)" },
  description:
    "Simulator of the real-estate registry (不动产登记审批系统): files mortgage registrations sent from bank branches, answers pending, then registered with a certificate number (or refused for seized titles). Deterministic and restart-safe; for demos and tests.",
  kind: "simulator",
  regions: "*",
  provides: [RealEstateRegistryPort],
  configSchema,
  create(config, ctx) {
    if (ctx.production && !config.allowInProduction) {
      throw new Error(
        "marketplace-estate-registry-sim is a simulator and refuses to load when NODE_ENV=production; install the registry's adapter (or set allowInProduction for a demonstration)",
      );
    }
    const registry = new SimulatedRealEstateRegistry(
      {
        processingMs: config.processingMs,
        refuseWhenTitleContains: config.refuseWhenTitleContains,
        placeName: config.placeName,
      },
      ctx.clock,
    );
    return new Map([[RealEstateRegistryPort, registry]]);
  },
});
