import { describe, expect, it } from "vitest";
import { nationalCalendarData } from "./national-calendar.ts";
import { provisionalCalendarData, statutoryHolidays } from "./statutory-calendar.ts";

describe("KRN-R03 法定节假日 provisional statutory calendar", () => {
  it("puts the 2027 statutory days on their dates: 春节 from 除夕 (2027-02-05), 清明, 端午, 中秋, 国庆", () => {
    expect(statutoryHolidays(2027)).toEqual([
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-04-05",
      "2027-05-01",
      "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
      "2027-10-02",
      "2027-10-03",
    ]);
  });

  it("agrees with the published 2026 arrangement on every statutory day (the arrangement only adds days)", () => {
    const published = new Set(nationalCalendarData([2026]).holidays);
    for (const day of statutoryHolidays(2026)) expect(published.has(day)).toBe(true);
  });

  it("says it is provisional and has no adjusted working days", () => {
    const data = provisionalCalendarData([2027]);
    expect(data.source).toMatch(/^PROVISIONAL 2027/);
    expect(data.adjustedWorkingDays).toEqual([]);
    expect(data.coversYears).toEqual([2027]);
  });
});

describe("KRN-R03 region calendar: published arrangement first, provisional after", () => {
  it("uses the published 2026 arrangement (with its 调休 days) and the statutory 2027 days", async () => {
    const { regionCalendarData } = await import("./region-calendar.ts");
    const data = regionCalendarData([2026, 2027]);
    expect(data.coversYears).toEqual([2026, 2027]);
    expect(data.adjustedWorkingDays.length).toBeGreaterThan(0);
    expect(data.adjustedWorkingDays.every((d) => d.startsWith("2026"))).toBe(true);
    expect(data.holidays).toContain("2027-10-01");
    expect(data.source).toContain("PROVISIONAL 2027");
  });
});
