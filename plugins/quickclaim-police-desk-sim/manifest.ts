import * as v from "valibot";
import { PoliceDeskPort } from "../../core/quickclaim/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { ningdePoliceUnits } from "./ningde-police-units.ts";
import { SimulatedPoliceDesk } from "./simulated-police-desk.ts";

const unitSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z][a-z0-9-]{1,63}$/, "a unit id is kebab-case"),
    v.description("unit id = institution id of its officers' API keys"),
  ),
  name: v.pipe(v.string(), v.minLength(1), v.description("unit name printed on determination letters")),
  officers: v.pipe(
    v.array(
      v.strictObject({
        name: v.pipe(v.string(), v.minLength(1), v.description("officer name on the letter")),
        badgeNo: v.pipe(v.string(), v.minLength(1), v.description("警号 badge number")),
      }),
    ),
    v.minLength(1, "a unit needs at least one officer"),
    v.description("officers on duty"),
  ),
});

const configSchema = v.strictObject({
  units: v.pipe(
    v.optional(v.array(unitSchema), () => ningdePoliceUnits.map((u) => ({ ...u, officers: [...u.officers] }))),
    v.check((us) => new Set(us.map((u) => u.id)).size === us.length, "unit ids must be unique"),
    v.description("police units and their duty rosters (default: 宁德 traffic police brigades)"),
  ),
  staffKeysUnit: v.pipe(
    v.optional(v.nullable(v.string()), "ningde-traffic-police"),
    v.description("unit of police API keys without an institution; null: such keys are no officers"),
  ),
});

/** SIMULATOR of the traffic police desk (officer identity, determination queue hand-over). */
export const manifest = definePlugin({
  id: "quickclaim-police-desk-sim",
  version: "1.0.0",
  title: { zh: "交警在线认定平台（模拟）", en: "Traffic police desk (simulator)" },
  description:
    "Simulator of the traffic police's online determination desk: tells which signed-in police principal is which officer of which unit (from a configured roster) and records cases handed to the desk. Deterministic; for demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [PoliceDeskPort],
  configSchema,
  create(config, ctx) {
    if (config.staffKeysUnit !== null && !config.units.some((u) => u.id === config.staffKeysUnit)) {
      throw new Error(`staffKeysUnit ${config.staffKeysUnit} is not one of the configured units`);
    }
    return new Map([[PoliceDeskPort, new SimulatedPoliceDesk(config.units, config.staffKeysUnit, ctx.logger)]]);
  },
});
