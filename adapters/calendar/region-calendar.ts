import type { CalendarData } from "../../core/kernel/mod.ts";
import { nationalCalendarData, nationalCalendarYears } from "./national-calendar.ts";
import { publishedOrProvisionalCalendarData } from "./statutory-calendar.ts";

/**
 * The calendar a region pack loads by default: the State Council's published arrangement where
 * the data has it, and the provisional statutory calendar for the one year after the last
 * published one (the arrangement is announced late in the year before). Any other year is
 * refused, as the national calendar refuses it (KRN-R03).
 */
export function regionCalendarYears(): number[] {
  const published = nationalCalendarYears();
  return [...published, (published.at(-1) as number) + 1];
}

export function regionCalendarData(years: readonly number[]): CalendarData {
  const allowed = new Set(regionCalendarYears());
  const refused = years.filter((y) => !allowed.has(y));
  if (refused.length > 0) nationalCalendarData(refused); // throws, naming the years
  return publishedOrProvisionalCalendarData(years, nationalCalendarData, nationalCalendarYears);
}
