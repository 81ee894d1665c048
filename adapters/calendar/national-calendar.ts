import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import pkg from "chinese-days/package.json" with { type: "json" };
import { type CalendarData, DomainError, RegionCalendar } from "../../core/kernel/mod.ts";

/**
 * KRN-R03: the national working-day calendar (public holidays and 调休 working weekends from the
 * State Council's yearly notice 国务院办公厅关于 YYYY 年部分节假日安排的通知), taken from the
 * maintained npm package `chinese-days`, which publishes each year's arrangement as data.
 * A year the package does not have is refused: the platform never guesses holidays.
 */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

const source = data as ChineseDaysData;
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The years whose arrangement the installed `chinese-days` package holds, ascending. */
export function nationalCalendarYears(): number[] {
  return [...new Set(Object.keys(source.holidays).map(yearOf))].sort((a, b) => a - b);
}

/**
 * The calendar data of the national arrangement for `years`. Throws a KRN-R03 DomainError (kind
 * "unavailable") naming the missing years when the package has no arrangement for one of them.
 */
export function nationalCalendarData(years: readonly number[]): CalendarData {
  const known = new Set(nationalCalendarYears());
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const missing = wanted.filter((y) => !known.has(y));
  if (wanted.length === 0 || missing.length > 0) {
    const have = nationalCalendarYears();
    throw new DomainError(
      `the national holiday arrangement for ${missing.join(", ") || "(no year)"} is not available: chinese-days ${pkg.version} covers ${have[0]}–${have.at(-1)}; publish the State Council's arrangement in the region's calendar or update chinese-days`,
      { ruleId: "KRN-R03", kind: "unavailable", field: "calendar.coversYears" },
    );
  }
  const inYears = (date: string) => wanted.includes(yearOf(date));
  return {
    holidays: Object.keys(source.holidays).filter(inYears).sort(),
    adjustedWorkingDays: Object.keys(source.workdays).filter(inYears).sort(),
    coversYears: wanted,
    source: `国务院办公厅关于${wanted.join("、")}年部分节假日安排的通知 (npm chinese-days ${pkg.version})`,
  };
}

/** The national working-day calendar for `years` (see nationalCalendarData). */
export function nationalCalendar(years: readonly number[]): RegionCalendar {
  return new RegionCalendar(nationalCalendarData(years));
}
