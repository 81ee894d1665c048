import chineseDays from "chinese-days";
import { addDays, type CalendarData } from "../../core/kernel/mod.ts";

// chinese-days ships CommonJS for Node (named ESM imports fail outside bundlers): use its default.
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/**
 * KRN-R03 fallback for a year whose State Council arrangement is not yet in the `chinese-days`
 * package: a PROVISIONAL calendar of the statutory holidays alone, as fixed by
 * 《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01) — 元旦 1 day, 春节 4 days
 * (除夕 and 正月初一–初三), 清明 1 day, 劳动节 2 days (5-1, 5-2), 端午 1 day, 中秋 1 day, 国庆
 * 3 days (10-1 to 10-3) — with lunar dates and the 清明 solar term computed by `chinese-days`.
 * The yearly notice adds bridge days and 调休 working weekends that cannot be known in advance, so
 * the source says "provisional" and a region should replace it with the published arrangement.
 */
export function statutoryHolidays(year: number): string[] {
  const lunar = (md: string) => getSolarDateFromLunar(`${year}-${md}`).date;
  const springFestival = lunar("01-01");
  const days = [
    `${year}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    getSolarTermDate(year, 4, "pure_brightness"),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar("05-05"),
    lunar("08-15"),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  return [...new Set(days)].sort();
}

export function provisionalCalendarData(years: readonly number[]): CalendarData {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  return {
    holidays: wanted.flatMap(statutoryHolidays).sort(),
    adjustedWorkingDays: [],
    coversYears: wanted,
    source: `PROVISIONAL ${wanted.join("、")}: statutory holidays of 《全国年节及纪念日放假办法》(国务院令第795号) only; the State Council's yearly arrangement (bridge days, 调休) is not yet in the data`,
  };
}

/**
 * The published national arrangement where `chinese-days` has it, the provisional statutory
 * calendar for the other years (each year's source says which it is).
 */
export function publishedOrProvisionalCalendarData(
  years: readonly number[],
  published: (years: readonly number[]) => CalendarData,
  publishedYears: () => readonly number[],
): CalendarData {
  const have = new Set(publishedYears());
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const real = wanted.filter((y) => have.has(y));
  const missing = wanted.filter((y) => !have.has(y));
  const parts = [
    ...(real.length ? [published(real)] : []),
    ...(missing.length ? [provisionalCalendarData(missing)] : []),
  ];
  return {
    holidays: parts.flatMap((p) => p.holidays).sort(),
    adjustedWorkingDays: parts.flatMap((p) => p.adjustedWorkingDays).sort(),
    coversYears: wanted,
    source: parts.map((p) => p.source).join("; "),
  };
}
