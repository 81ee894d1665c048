import { isAbsolute, join } from "node:path";
import * as v from "valibot";
import { PaymentGatewayPort } from "../../core/quickclaim/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { PaymentLedger } from "./payment-ledger.ts";
import { SimulatedPaymentGateway } from "./simulated-payment-gateway.ts";

const configSchema = v.strictObject({
  ledger: v.pipe(
    v.optional(v.union([v.literal("memory"), v.pipe(v.string(), v.minLength(1))]), "simulators/payment-ledger"),
    v.description(
      'journal of executed orders: a folder (relative: under dataDir) holding <region>.jsonl, or "memory" (lost on restart)',
    ),
  ),
  refuseCardsEndingWith: v.pipe(
    v.optional(v.array(v.pipe(v.string(), v.regex(/^\d{1,8}$/))), []),
    v.description("card numbers ending with one of these are refused by the bank (a final failure)"),
  ),
  settleLater: v.pipe(
    v.optional(v.boolean(), false),
    v.description("answer new orders 'pending' and settle them when their status is next asked"),
  ),
  latencyMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)), 0),
    v.description("simulated response time in milliseconds"),
  ),
});

/** SIMULATOR of the payment gateway that pays claims to bank cards, at most once per order key. */
export const manifest = definePlugin({
  id: "quickclaim-payment-sim",
  version: "1.0.0",
  title: { zh: "理赔款支付通道（模拟）", en: "Claim payment gateway (simulator)" },
  description:
    "Simulator of the payment gateway paying claims to bank cards: executes an order at most once per request id (a repeat returns the first outcome) and keeps its orders in a journal under dataDir, so the promise survives a crash and restart. Deterministic; for demos and tests.",
  kind: "simulator",
  regions: "*",
  provides: [PaymentGatewayPort],
  configSchema,
  create(config, ctx) {
    let file: string | null = null;
    if (config.ledger !== "memory") {
      const folder = isAbsolute(config.ledger) ? config.ledger : ctx.dataDir && join(ctx.dataDir, config.ledger);
      if (!folder)
        throw new Error(
          'a relative ledger folder needs the deployment\'s dataDir; give an absolute folder or "memory"',
        );
      file = join(folder, `${ctx.regionCode}.jsonl`);
    }
    const gateway = new SimulatedPaymentGateway(new PaymentLedger(file), ctx.clock, ctx.logger, {
      refuseCardsEndingWith: config.refuseCardsEndingWith,
      settleLater: config.settleLater,
      latencyMs: config.latencyMs,
    });
    ctx.logger.warn("payment simulator installed: no money moves", { ledger: file ?? "memory" });
    return new Map([[PaymentGatewayPort, gateway]]);
  },
});
