import type { RegionContext } from "../../adapters/composition/platform.ts";
import type { CalendarData } from "../../core/kernel/mod.ts";

/**
 * What operators see of a configured region on /ready and the home page: its modules, the
 * plugins installed for it with simulators marked as such (KRN-R13: a stand-in for an outside
 * system must never pass for the real one), and the source of its working-day calendar
 * (KRN-R03), with the years that are only PROVISIONAL (statutory holidays without the State
 * Council's yearly arrangement, see adapters/calendar/statutory-calendar.ts).
 */
export const SIMULATOR_LABEL = { zh: "模拟器", en: "simulator" } as const;

export interface PluginSummaryView {
  readonly id: string;
  readonly version?: string;
  readonly kind?: string;
  readonly title?: { readonly zh: string; readonly en: string };
  readonly simulator: boolean;
  /** Present for simulators only: 模拟器 / simulator. */
  readonly label?: typeof SIMULATOR_LABEL;
}

export interface CalendarSummary {
  /** The documents the calendar comes from, as the policy pack states them. */
  readonly source: string;
  readonly years: number[];
  /** Covered years whose data is provisional (no published yearly arrangement yet). */
  readonly provisionalYears: number[];
}

export interface RegionSummary {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly modules: string[];
  readonly plugins: PluginSummaryView[];
  /** Ids of the installed simulators (empty when every outside system is real). */
  readonly simulators: string[];
  /** Absent when the region has no policy pack kernel (bare test platforms). */
  readonly calendar?: CalendarSummary;
}

const PROVISIONAL = /PROVISIONAL\s+([0-9、,\s]+)/g;
const YEAR = /\d{4}/g;

/** The covered years a calendar source marks PROVISIONAL ("PROVISIONAL 2027: …", "PROVISIONAL 2027、2028: …"). */
export function provisionalYearsOf(calendar: Pick<CalendarData, "source" | "coversYears">): number[] {
  const covered = new Set(calendar.coversYears);
  const years = new Set<number>();
  for (const m of calendar.source.matchAll(PROVISIONAL)) {
    for (const y of (m[1] ?? "").match(YEAR) ?? []) if (covered.has(Number(y))) years.add(Number(y));
  }
  return [...years].sort((a, b) => a - b);
}

/** The region's working-day calendar, when the region carries a policy-pack kernel. */
function calendarOf(region: RegionContext): CalendarData | undefined {
  const kernel = (region as { readonly kernel?: { readonly calendar?: CalendarData } }).kernel;
  return kernel?.calendar;
}

export function summariseRegion(region: RegionContext): RegionSummary {
  const plugins: PluginSummaryView[] = region.pluginDetails
    ? region.pluginDetails.map((p) => ({
        id: p.id,
        version: p.version,
        kind: p.kind,
        title: p.title,
        simulator: p.simulator,
        ...(p.simulator ? { label: SIMULATOR_LABEL } : {}),
      }))
    : region.plugins.map((id) => ({ id, simulator: false }));
  const calendar = calendarOf(region);
  return {
    code: region.code,
    name: region.name,
    modules: [...region.modules],
    plugins,
    simulators: plugins.filter((p) => p.simulator).map((p) => p.id),
    ...(calendar
      ? {
          calendar: {
            source: calendar.source,
            years: [...calendar.coversYears].sort((a, b) => a - b),
            provisionalYears: provisionalYearsOf(calendar),
          },
        }
      : {}),
  };
}
