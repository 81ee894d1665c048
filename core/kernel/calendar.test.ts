import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { addDays, dateOfEpochDay, epochDay } from "./business-date.ts";
import { endOfNthWorkingDayAfter, RegionCalendar } from "./calendar.ts";
import { type CalendarData, calendarDataSchema } from "./calendar-data.ts";
import { isDomainError } from "./errors.ts";

/** The State Council's 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知). */
const NATIONAL_2026: CalendarData = {
  holidays: [
    ...["01-01", "01-02", "01-03"],
    ...["02-15", "02-16", "02-17", "02-18", "02-19", "02-20", "02-21", "02-22", "02-23"],
    ...["04-04", "04-05", "04-06"],
    ...["05-01", "05-02", "05-03", "05-04", "05-05"],
    ...["06-19", "06-20", "06-21"],
    ...["09-25", "09-26", "09-27"],
    ...["10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07"],
  ].map((d) => `2026-${d}`),
  adjustedWorkingDays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  coversYears: [2026],
  source: "国务院办公厅关于2026年部分节假日安排的通知",
};

const calendar = new RegionCalendar(NATIONAL_2026);

function errorOf(fn: () => unknown): { rule: string; kind: string; field: string | undefined } | undefined {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { rule: e.ruleId, kind: e.kind, field: e.field };
    throw e;
  }
  return undefined;
}

describe("KRN-R03 工作日 working-day calendar", () => {
  it.each([
    ["国庆 National Day is a holiday", "2026-10-01", false],
    ["the last day of the 国庆 break is a holiday", "2026-10-07", false],
    ["the Thursday after 国庆 is a working day", "2026-10-08", true],
    ["Sunday 20 September is worked for 国庆 (调休)", "2026-09-20", true],
    ["Saturday 10 October is worked for 国庆 (调休)", "2026-10-10", true],
    ["Saturday 14 February is worked for 春节 (调休)", "2026-02-14", true],
    ["an ordinary Saturday is a rest day", "2026-03-07", false],
    ["an ordinary Wednesday is a working day", "2026-03-11", true],
    ["清明 Monday 6 April is a holiday", "2026-04-06", false],
  ])("%s (%s)", (_title, date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it.each([
    ["the working day after 30 September is 8 October", "2026-09-30", 1, "2026-10-08"],
    ["3 working days after Friday 18 September count the 调休 Sunday", "2026-09-18", 3, "2026-09-22"],
    ["the working day after Friday 13 February is the 调休 Saturday", "2026-02-13", 1, "2026-02-14"],
    ["the working day before 8 October is 30 September", "2026-10-08", -1, "2026-09-30"],
    ["0 working days from a holiday is the next working day", "2026-10-03", 0, "2026-10-08"],
    ["0 working days from a working day is that day", "2026-03-11", 0, "2026-03-11"],
  ])("%s", (_title, date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ["across the whole 国庆 break there is one working day", "2026-09-30", "2026-10-08", 1],
    ["a normal week has five", "2026-03-08", "2026-03-15", 5],
    ["counting backwards gives a negative number", "2026-03-15", "2026-03-08", -5],
    ["from a day to itself there are none", "2026-03-11", "2026-03-11", 0],
  ])("%s", (_title, from, to, count) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(count);
  });

  it("a deadline of 3 working days ends at 24:00 Beijing time of the third working day", () => {
    // after 30 September: Thu 8, Fri 9 and the 调休 Saturday 10 October
    expect(calendar.endOfNthWorkingDayAfter("2026-09-30", 3).toISOString()).toBe("2026-10-10T16:00:00.000Z");
    expect(endOfNthWorkingDayAfter(calendar, "2026-09-18", 3).toISOString()).toBe("2026-09-22T16:00:00.000Z");
  });

  it("refuses to guess about a year it does not cover", () => {
    expect(errorOf(() => calendar.isWorkingDay("2027-01-04"))).toEqual({
      rule: "KRN-R03",
      kind: "unavailable",
      field: "date",
    });
    expect(errorOf(() => calendar.addWorkingDays("2026-12-31", 1))?.kind).toBe("unavailable");
    expect(errorOf(() => calendar.workingDaysBetween("2025-12-31", "2026-01-05"))?.field).toBe("from");
  });

  it("refuses a negative n for a deadline and a date that does not exist", () => {
    expect(errorOf(() => calendar.endOfNthWorkingDayAfter("2026-03-11", -1))?.field).toBe("n");
    expect(errorOf(() => calendar.isWorkingDay("2026-02-30"))).toEqual({
      rule: "KRN-R03",
      kind: "validation",
      field: "date",
    });
  });

  const inner2026 = fc
    .integer({ min: epochDay("2026-01-01"), max: epochDay("2026-11-30") })
    .map((d) => dateOfEpochDay(d));

  it("the nth working day after a date is a working day, later, with n working days in between", () => {
    fc.assert(
      fc.property(inner2026, fc.integer({ min: 1, max: 20 }), (date, n) => {
        const due = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due > date).toBe(true);
        expect(calendar.workingDaysBetween(date, due)).toBe(n);
        expect(calendar.workingDaysBetween(date, addDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it("going n working days forward and n back returns to a working day", () => {
    fc.assert(
      fc.property(inner2026, fc.integer({ min: 1, max: 20 }), (date, n) => {
        fc.pre(calendar.isWorkingDay(date));
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });
});

describe("KRN-R03 日历数据 calendar data in a policy pack", () => {
  it("the 2026 national calendar passes the schema", () => {
    expect(v.is(calendarDataSchema, NATIONAL_2026)).toBe(true);
  });

  it.each([
    ["an adjusted working day on a weekday", { adjustedWorkingDays: ["2026-10-09"] }, "Saturday or Sunday"],
    ["a holiday outside the covered years", { holidays: ["2027-01-01"] }, "covered years"],
    ["a date that is both holiday and working day", { adjustedWorkingDays: ["2026-10-03"] }, "both"],
    ["no source document", { source: "" }, "source"],
    ["no covered year", { coversYears: [] }, "at least one year"],
    ["a malformed date", { holidays: ["2026-10-1"] }, "YYYY-MM-DD"],
  ])("refuses %s", (_title, change, reason) => {
    const result = v.safeParse(calendarDataSchema, { ...NATIONAL_2026, ...change });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toContain(reason);
    expect(errorOf(() => new RegionCalendar({ ...NATIONAL_2026, ...change }))?.field).toBe("calendar");
  });
});
