import { describe, expect, it } from "vitest";
import { isDomainError } from "../../core/kernel/mod.ts";
import { nationalCalendar, nationalCalendarData, nationalCalendarYears } from "./national-calendar.ts";

describe("KRN-R03 national calendar from chinese-days", () => {
  const cal2026 = nationalCalendar([2026]);

  it.each([
    ["元旦 New Year's Day", "2026-01-01", false],
    ["春节 eve of the break (Sunday 15 February)", "2026-02-15", false],
    ["春节 last day (Monday 23 February)", "2026-02-23", false],
    ["清明 Monday 6 April", "2026-04-06", false],
    ["劳动节 Tuesday 5 May", "2026-05-05", false],
    ["端午 Friday 19 June", "2026-06-19", false],
    ["中秋 Friday 25 September", "2026-09-25", false],
    ["国庆 Thursday 1 October", "2026-10-01", false],
    ["国庆 Wednesday 7 October", "2026-10-07", false],
    ["the Thursday after 国庆", "2026-10-08", true],
    ["调休 Sunday 4 January", "2026-01-04", true],
    ["调休 Saturday 14 February", "2026-02-14", true],
    ["调休 Saturday 28 February", "2026-02-28", true],
    ["调休 Saturday 9 May", "2026-05-09", true],
    ["调休 Sunday 20 September", "2026-09-20", true],
    ["调休 Saturday 10 October", "2026-10-10", true],
  ])("2026: %s (%s) working = %s", (_title, date, working) => {
    expect(cal2026.isWorkingDay(date)).toBe(working);
  });

  it("the package's 2026 data is exactly the State Council's arrangement", () => {
    const data = nationalCalendarData([2026]);
    expect(data.adjustedWorkingDays).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off
    expect(data.holidays.length).toBe(33);
    expect(data.holidays.filter((d) => d.startsWith("2026-10"))).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
    expect(data.source).toContain("2026");
  });

  it("every year the package holds passes the calendar schema (weekend 调休 only, no date both ways)", () => {
    const years = nationalCalendarYears();
    expect(years).toContain(2026);
    expect(() => nationalCalendar(years)).not.toThrow();
  });

  it("2027 is not published in the installed package, so asking for it fails clearly instead of guessing", () => {
    expect(nationalCalendarYears()).not.toContain(2027);
    let error: unknown;
    try {
      nationalCalendar([2026, 2027]);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.ruleId === "KRN-R03" && error.kind === "unavailable").toBe(true);
    expect((error as Error).message).toContain("2027");
    expect(() => cal2026.isWorkingDay("2027-01-04")).toThrow(/does not cover 2027/);
  });
});
