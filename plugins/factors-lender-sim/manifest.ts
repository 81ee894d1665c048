import * as v from "valibot";
import { LenderGatewayPort, NINGDE_DEMO_INSTITUTIONS } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { deskInstitutionSchema, InstitutionDesk } from "../factors-sim-support/institution-desk.ts";

const I = NINGDE_DEMO_INSTITUTIONS;

const configSchema = v.strictObject({
  banks: v.pipe(
    v.optional(v.array(deskInstitutionSchema), () => [
      { id: I.ruralBank.id, name: I.ruralBank.zh, failFirst: 0, offline: false },
      { id: I.postalBank.id, name: I.postalBank.zh, failFirst: 0, offline: false },
    ]),
    v.description("the simulated banks (default: the two demo banks of the Ningde products)"),
  ),
});

/** SIMULATOR of the lending banks' systems (LenderGateway): loan booked, consent requests, disposal and loss notices. */
export const manifest = definePlugin({
  id: "factors-lender-sim",
  version: "1.0.0",
  title: { zh: "合作银行系统（模拟）", en: "Lending banks (simulator)" },
  description:
    "Simulator of the banks' systems that receive the platform's notices about their loans (booked, transfer consent requested, disposal completed, loss allocated). Dedupes by event id; can be set to fail or be offline to show retries. For demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [LenderGatewayPort],
  configSchema,
  create(config, ctx) {
    return new Map([[LenderGatewayPort, new InstitutionDesk("bank", config.banks, ctx.logger)]]);
  },
});
