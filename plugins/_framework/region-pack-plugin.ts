import * as v from "valibot";
import { type CalendarData, fujianChildren, fujianRegion } from "../../core/kernel/mod.ts";
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
  /** Calendar data for the requested years (e.g. the national calendar adapter); throws for a year it lacks. */
  readonly calendar: (years: readonly number[]) => CalendarData;
  /**
   * Years the calendar is loaded for when the deployment config does not name them (the current
   * and the next year). Those `availableYears` lacks are left out with a warning — the calendar
   * then refuses dates in them rather than guessing (KRN-R03).
   */
  readonly defaultYears: readonly number[];
  /** Years `calendar` has data for. */
  readonly availableYears: () => readonly number[];
  /** Module id → that module's pack part for the prefecture. */
  readonly modules: () => Readonly<Record<string, unknown>>;
  /** County code → module id → partial part merged over the prefecture's. */
  readonly counties?: () => Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The prefecture and its counties from the Fujian GB/T 2260 table. */
export function regionMeta(regionCode: string): KernelPackInput["region"] {
  const entry = fujianRegion(regionCode);
  if (entry?.level !== "prefecture")
    throw new Error(`${regionCode} is not a prefecture in the GB/T 2260 table of Fujian`);
  return {
    code: entry.code,
    name: { zh: entry.zh, en: entry.en },
    counties: fujianChildren(regionCode).map((c) => ({
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
      ),
      v.description(
        `years of the working-day calendar to load (public holidays and 调休 days); default ${options.defaultYears.join(", ")} where published`,
      ),
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
    create(config, ctx) {
      let years = config.calendarYears;
      if (!years) {
        const available = new Set(options.availableYears());
        years = options.defaultYears.filter((y) => available.has(y));
        const missing = options.defaultYears.filter((y) => !available.has(y));
        if (missing.length > 0) {
          ctx.logger.warn(
            `working-day calendar: no published holiday arrangement for ${missing.join(", ")}; dates in those years are refused until it is added`,
          );
        }
      }
      const pack: PolicyPack = {
        kernel: { region: regionMeta(options.regionCode), calendar: options.calendar(years) },
        modules: options.modules(),
        ...(options.counties ? { counties: options.counties() } : {}),
      };
      return new Map([[PolicyPackPort, pack]]);
    },
  });
  return manifest;
}
