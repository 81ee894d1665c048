import * as v from "valibot";
import type { CalendarData } from "../../core/kernel/calendar-data.ts";
import { FUJIAN_REGIONS } from "../../core/kernel/identity/fujian-regions.ts";
import { PolicyPackPort } from "./kernel-tokens.ts";
import { definePlugin, type PluginManifest } from "./plugin-manifest.ts";
import type { KernelPackInput, PolicyPack } from "./policy-pack.ts";

/**
 * Builds the manifest of a prefecture's policy-pack plugin (KRN-R12): the kernel part (the
 * prefecture and its counties from the GB/T 2260 table, the working-day calendar for the
 * configured years) plus the module parts and county overrides the region supplies. Adding a
 * prefecture = one folder whose manifest calls this with its code and module parts.
 */
export interface RegionPackOptions {
  readonly id: string;
  readonly version: string;
  /** GB/T 2260 prefecture code, e.g. "350900". */
  readonly regionCode: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description: string;
  /** Calendar data for the requested years (e.g. the national calendar adapter). */
  readonly calendar: (years: readonly number[]) => CalendarData;
  /** Years the calendar is loaded for when the deployment config does not say. */
  readonly defaultYears: readonly number[];
  /** Module id → that module's pack part for the prefecture. */
  readonly modules: () => Readonly<Record<string, unknown>>;
  /** County code → module id → partial part merged over the prefecture's. */
  readonly counties?: () => Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The prefecture and its counties from the Fujian GB/T 2260 table. */
export function regionMeta(regionCode: string): KernelPackInput["region"] {
  const entry = FUJIAN_REGIONS.find((r) => r.code === regionCode && r.level === "prefecture");
  if (!entry) throw new Error(`${regionCode} is not a prefecture in the GB/T 2260 table of Fujian`);
  return {
    code: entry.code,
    name: { zh: entry.zh, en: entry.en },
    counties: FUJIAN_REGIONS.filter((r) => r.parent === regionCode).map((c) => ({
      code: c.code,
      name: { zh: c.zh, en: c.en },
    })),
  };
}

export function regionPackPlugin(options: RegionPackOptions) {
  const configSchema = v.strictObject({
    calendarYears: v.pipe(
      v.optional(
        v.pipe(
          v.array(v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100))),
          v.minLength(1, "name at least one year"),
        ),
        [...options.defaultYears],
      ),
      v.description("years of the working-day calendar to load (public holidays and 调休 days)"),
    ),
  });
  const manifest: PluginManifest<typeof configSchema> = definePlugin({
    id: options.id,
    version: options.version,
    title: options.title,
    description: options.description,
    kind: "policy-pack",
    regions: [options.regionCode],
    provides: [PolicyPackPort],
    configSchema,
    create(config) {
      const pack: PolicyPack = {
        kernel: { region: regionMeta(options.regionCode), calendar: options.calendar(config.calendarYears) },
        modules: options.modules(),
        ...(options.counties ? { counties: options.counties() } : {}),
      };
      return new Map([[PolicyPackPort, pack]]);
    },
  });
  return manifest;
}
