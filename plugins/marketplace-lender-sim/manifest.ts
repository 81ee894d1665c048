import * as v from "valibot";
import { LenderGatewayPort } from "../../core/marketplace/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { SimulatedLenderGateway } from "./simulated-lender-gateway.ts";

const bp = (fallback: number, what: string) =>
  v.pipe(v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), fallback), v.description(what));
const percent = (fallback: number, what: string) =>
  v.pipe(v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), fallback), v.description(what));
const ids = v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "an institution id")));

const configSchema = v.strictObject({
  latencyMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)), 300),
    v.description("simulated decision time in milliseconds; 0 answers at once (the bench's zero-latency bank)"),
  ),
  institutions: v.pipe(
    v.optional(v.union([v.literal("*"), ids]), "*"),
    v.description(
      'institution ids whose decision service is simulated, or "*" for every direct-connect one not connected by another plugin (e.g. http-gateway)',
    ),
  ),
  hangingInstitutions: v.pipe(
    v.optional(ids, []),
    v.description("institutions whose simulated service never answers, to show the MKT-R06 fallback"),
  ),
  rateBp: v.pipe(
    v.optional(
      v.strictObject({
        A: bp(385, "annual rate for grade A, basis points"),
        B: bp(435, "annual rate for grade B, basis points"),
        C: bp(520, "annual rate for grade C, basis points"),
      }),
      {},
    ),
    v.description("annual rate offered per scorecard grade (basis points; 435 = 4.35 %)"),
  ),
  grantPercent: v.pipe(
    v.optional(
      v.strictObject({
        A: percent(100, "share of the requested amount granted at grade A"),
        B: percent(70, "share of the requested amount granted at grade B"),
        C: percent(40, "share of the requested amount granted at grade C"),
      }),
      {},
    ),
    v.description("share of the requested amount granted per scorecard grade (percent)"),
  ),
  allowInProduction: v.pipe(
    v.optional(v.boolean(), false),
    v.description("let this simulator load when NODE_ENV=production (a demonstration deployment only)"),
  ),
});

/** SIMULATOR of the direct-connect banks' instant-decision services (MKT-R06). */
export const manifest = definePlugin({
  id: "marketplace-lender-sim",
  version: "1.0.0",
  title: { zh: "直连银行秒批系统（模拟）", en: "Direct-connect bank decisions (simulator)" },
  description:
    "Simulator of direct-connect institutions' decision services (秒批): a scorecard over the pushed, minimised data approves a share of the requested amount at the grade's rate, rejects or refers; deterministic per application, honours the core's time budget. For demos, tests and the zero-latency bench.",
  kind: "simulator",
  regions: "*",
  provides: [LenderGatewayPort],
  configSchema,
  create(config, ctx) {
    if (ctx.production && !config.allowInProduction) {
      throw new Error(
        "marketplace-lender-sim is a simulator and refuses to load when NODE_ENV=production; connect the banks through http-gateway (or set allowInProduction for a demonstration)",
      );
    }
    ctx.logger.info("simulated lender decision service installed", { latencyMs: config.latencyMs });
    const gateway = new SimulatedLenderGateway({
      latencyMs: config.latencyMs,
      institutions: config.institutions,
      hangingInstitutions: config.hangingInstitutions,
      rateBp: config.rateBp,
      grantPercent: config.grantPercent,
    });
    return new Map([[LenderGatewayPort, gateway]]);
  },
});
