import * as v from "valibot";
import { isIsoDate, isoWeekday } from "./business-date.ts";

/**
 * KRN-R03: the data of a region's working-day calendar, as a policy pack or an adapter carries
 * it. Weekends are Saturday and Sunday; `holidays` are the days off announced by the State
 * Council (and any regional ones), `adjustedWorkingDays` the Saturdays/Sundays that are worked
 * instead (调休). The calendar only answers for `coversYears`: it never guesses about a year whose
 * arrangement has not been published.
 */
export interface CalendarData {
  readonly holidays: readonly string[];
  readonly adjustedWorkingDays: readonly string[];
  readonly coversYears: readonly number[];
  readonly source: string;
}

const isoDate = v.pipe(
  v.string(),
  v.check((s) => isIsoDate(s), "a calendar date must be written YYYY-MM-DD"),
);

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function outsideCoveredYears(data: { holidays: string[]; adjustedWorkingDays: string[]; coversYears: number[] }) {
  const years = new Set(data.coversYears);
  return [...data.holidays, ...data.adjustedWorkingDays].find((d) => !years.has(yearOf(d)));
}

/** The valibot schema of {@link CalendarData}, with the consistency checks a pack must pass. */
export const calendarDataSchema = v.pipe(
  v.object({
    holidays: v.pipe(v.array(isoDate), v.description("days off: public holidays, including those on weekends")),
    adjustedWorkingDays: v.pipe(
      v.array(isoDate),
      v.description("Saturdays and Sundays that are working days (调休)"),
      v.check(
        (days) => days.every((d) => isoWeekday(d) >= 6),
        "an adjusted working day (调休) must fall on a Saturday or Sunday",
      ),
    ),
    coversYears: v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999))),
      v.minLength(1, "a calendar must cover at least one year"),
      v.description("years whose holiday arrangement is complete in this data"),
    ),
    source: v.pipe(
      v.string(),
      v.minLength(1, "a calendar names its source document"),
      v.description("the document the dates come from, e.g. 国务院办公厅关于2026年部分节假日安排的通知"),
    ),
  }),
  v.check(
    (data) => outsideCoveredYears(data) === undefined,
    "every holiday and adjusted working day must fall in one of the covered years",
  ),
  v.check((data) => {
    const off = new Set(data.holidays);
    return !data.adjustedWorkingDays.some((d) => off.has(d));
  }, "a date cannot be both a holiday and an adjusted working day"),
);
