import * as v from "valibot";
import { GuarantorPort, NINGDE_DEMO_INSTITUTIONS } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { deskInstitutionSchema, InstitutionDesk } from "../factors-sim-support/institution-desk.ts";

const G = NINGDE_DEMO_INSTITUTIONS.guarantor;

const configSchema = v.strictObject({
  guarantors: v.pipe(
    v.optional(v.array(deskInstitutionSchema), () => [{ id: G.id, name: G.zh, failFirst: 0, offline: false }]),
    v.description("the simulated government guarantors (default: the Ningde demo guarantor)"),
  ),
});

/** SIMULATOR of the government guarantor's system (政府性融资担保): guarantee requests, default notices, loss-share claims. */
export const manifest = definePlugin({
  id: "factors-guarantor-sim",
  version: "1.0.0",
  title: { zh: "政府性融资担保公司系统（模拟）", en: "Government guarantor (simulator)" },
  description:
    "Simulator of the government guarantor's system receiving guarantee requests (mortgage accepted, loan booked), default notices and FAC-R09 loss-share claims. Dedupes by event id; can be set to fail or be offline. For demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [GuarantorPort],
  configSchema,
  create(config, ctx) {
    return new Map([[GuarantorPort, new InstitutionDesk("guarantor", config.guarantors, ctx.logger)]]);
  },
});
