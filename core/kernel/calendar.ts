import * as v from "valibot";
import { dateOfEpochDay, endOfBusinessDate, epochDay, isoWeekdayOfEpochDay, tryEpochDay } from "./business-date.ts";
import { type CalendarData, calendarDataSchema } from "./calendar-data.ts";
import { DomainError } from "./errors.ts";

/** KRN-R03: which days are working days in a region. Dates are YYYY-MM-DD business dates. */
export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  /**
   * n > 0: the nth working day after `date`; n < 0: the |n|th working day before it; n = 0:
   * `date` itself when it is a working day, otherwise the next working day.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * Working days d with from < d ≤ to (negative, counted the same way, when `to` is before
   * `from`). For a working day `to` after `from`: addWorkingDays(from, workingDaysBetween(from, to)) === to.
   */
  workingDaysBetween(from: string, to: string): number;
}

function calendarError(message: string, field: string, kind: "validation" | "unavailable" = "validation") {
  return new DomainError(message, { ruleId: "KRN-R03", field, kind });
}

function wholeNumber(n: number, field: string): number {
  if (!Number.isSafeInteger(n)) throw calendarError(`${field} must be a whole number`, field);
  return n;
}

/**
 * A region's working-day calendar built from {@link CalendarData}: Monday–Friday work unless a
 * holiday, Saturday/Sunday rest unless an adjusted working day (调休). Asking about a date outside
 * the covered years throws a KRN-R03 DomainError (kind "unavailable") instead of guessing.
 */
export class RegionCalendar implements WorkingDayCalendar {
  readonly source: string;
  readonly coversYears: readonly number[];
  readonly #holidays: ReadonlySet<number>;
  readonly #adjusted: ReadonlySet<number>;
  /** Covered epoch-day ranges [first, last], one per covered year. */
  readonly #ranges: readonly (readonly [number, number])[];

  constructor(data: CalendarData) {
    const parsed = v.safeParse(calendarDataSchema, data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = v.getDotPath(issue);
      throw calendarError(`invalid working-day calendar${path ? ` at ${path}` : ""}: ${issue.message}`, "calendar");
    }
    const d = parsed.output;
    this.source = d.source;
    this.coversYears = [...new Set(d.coversYears)].sort((a, b) => a - b);
    this.#holidays = new Set(d.holidays.map((x) => epochDay(x)));
    this.#adjusted = new Set(d.adjustedWorkingDays.map((x) => epochDay(x)));
    this.#ranges = this.coversYears.map((y) => {
      const ys = `${y}`.padStart(4, "0");
      return [tryEpochDay(`${ys}-01-01`) as number, tryEpochDay(`${ys}-12-31`) as number] as const;
    });
  }

  #covered(day: number): boolean {
    for (const [first, last] of this.#ranges) if (day >= first && day <= last) return true;
    return false;
  }

  #check(day: number, field: string): number {
    if (!this.#covered(day)) {
      const year = dateOfEpochDay(day).slice(0, 4);
      throw calendarError(
        `the working-day calendar (${this.source}) does not cover ${year}; covered years: ${this.coversYears.join(", ")}`,
        field,
        "unavailable",
      );
    }
    return day;
  }

  #working(day: number): boolean {
    if (this.#holidays.has(day)) return false;
    return isoWeekdayOfEpochDay(day) <= 5 || this.#adjusted.has(day);
  }

  isWorkingDay(date: string): boolean {
    return this.#working(this.#check(epochDay(date), "date"));
  }

  addWorkingDays(date: string, n: number): string {
    let day = this.#check(epochDay(date), "date");
    wholeNumber(n, "n");
    if (n === 0) {
      while (!this.#working(day)) day = this.#check(day + 1, "date");
      return dateOfEpochDay(day);
    }
    const step = n > 0 ? 1 : -1;
    let left = n > 0 ? n : -n;
    while (left > 0) {
      day = this.#check(day + step, "date");
      if (this.#working(day)) left--;
    }
    return dateOfEpochDay(day);
  }

  workingDaysBetween(from: string, to: string): number {
    const a = this.#check(epochDay(from, "from"), "from");
    const b = this.#check(epochDay(to, "to"), "to");
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.#working(this.#check(day, "to"))) count++;
    return b >= a ? count : -count;
  }

  /** The instant at 24:00 Asia/Shanghai of the nth working day after `date` (see addWorkingDays). */
  endOfNthWorkingDayAfter(date: string, n: number): Date {
    return endOfNthWorkingDayAfter(this, date, n);
  }
}

/**
 * The deadline "by the end of the nth working day after `date`": the instant at 24:00
 * Asia/Shanghai of calendar.addWorkingDays(date, n). `n` must be a whole number ≥ 0.
 */
export function endOfNthWorkingDayAfter(calendar: WorkingDayCalendar, date: string, n: number): Date {
  if (wholeNumber(n, "n") < 0) throw calendarError("n must not be negative", "n");
  return endOfBusinessDate(calendar.addWorkingDays(date, n));
}
