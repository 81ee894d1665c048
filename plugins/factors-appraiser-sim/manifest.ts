import * as v from "valibot";
import { AppraiserPort } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { SimulatedAppraiser } from "./simulated-appraiser.ts";

/** Demo unit prices (fen per unit of the type's quantity); an appraiser's, not the pack's table. */
const DEMO_PRICES: Record<string, number> = {
  A01: 1_650_000,
  A02: 8_500,
  A03: 65_000,
  A04: 6_000_000,
  A05: 2_000,
  A06: 20_000,
  A07: 130_000,
  A08: 50_000_000,
  R01: 550_000,
  R02: 160_000,
  R03: 32_000,
  R04: 320_000,
  R05: 210_000,
  R06: 500_000,
  R07: 2_000_000,
  R08: 3_000,
};

const configSchema = v.strictObject({
  appraiserId: v.pipe(v.optional(v.string(), "nd-appraiser-sim"), v.description("institution id of the appraiser")),
  unitPricesFen: v.pipe(
    v.optional(
      v.record(v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/)), v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
      () => ({
        ...DEMO_PRICES,
      }),
    ),
    v.description("fen per unit of quantity, by factor type (demo prices by default)"),
  ),
  marketBp: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20_000)), 10_000),
    v.description("market factor applied to every appraisal, basis points (10000 = as priced)"),
  ),
  offline: v.pipe(v.optional(v.boolean(), false), v.description("the appraiser does not answer (KRN-R10 demo)")),
});

/** SIMULATOR of a licensed appraiser serving every Ningde county (FAC-R04). */
export const manifest = definePlugin({
  id: "factors-appraiser-sim",
  version: "1.0.0",
  title: { zh: "资产评估机构（模拟）", en: "Licensed appraiser (simulator)" },
  description:
    "Simulator of a licensed appraiser for values above the self-assessment ceiling or on the lender's request: unit price × quantity × market factor, with a deterministic report number. For demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [AppraiserPort],
  configSchema,
  create(config, ctx) {
    return new Map([[AppraiserPort, new SimulatedAppraiser(config, ctx.clock)]]);
  },
});
