import * as v from "valibot";
import { InsurerPort, NINGDE_DEMO_INSTITUTIONS } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { deskInstitutionSchema, InstitutionDesk } from "../factors-sim-support/institution-desk.ts";

const S = NINGDE_DEMO_INSTITUTIONS.insurer;

const configSchema = v.strictObject({
  insurers: v.pipe(
    v.optional(v.array(deskInstitutionSchema), () => [{ id: S.id, name: S.zh, failFirst: 0, offline: false }]),
    v.description("the simulated insurers (default: the Ningde demo agricultural insurer)"),
  ),
});

/** SIMULATOR of the insurer's system: cover requests, default notices and loss-share claims (FAC-R09). */
export const manifest = definePlugin({
  id: "factors-insurer-sim",
  version: "1.0.0",
  title: { zh: "农业保险公司系统（模拟）", en: "Agricultural insurer (simulator)" },
  description:
    "Simulator of the insurer's system receiving cover requests (mortgage accepted, loan booked), default notices and FAC-R09 loss-share claims. Dedupes by event id; can be set to fail or be offline. For demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [InsurerPort],
  configSchema,
  create(config, ctx) {
    return new Map([[InsurerPort, new InstitutionDesk("insurer", config.insurers, ctx.logger)]]);
  },
});
