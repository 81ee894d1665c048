import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  businessDateOf,
  dateOfEpochDay,
  daysBetween,
  endOfBusinessDate,
  epochDay,
  isIsoDate,
  isoWeekday,
  startOfBusinessDate,
} from "./business-date.ts";
import { isDomainError } from "./errors.ts";

const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

describe("KRN-R03 营业日 business dates in Asia/Shanghai", () => {
  it.each([
    ["an instant at 23:59:59 Beijing time is still that day", "2026-03-31T15:59:59.999Z", "2026-03-31"],
    ["midnight Beijing time starts the next business date", "2026-03-31T16:00:00.000Z", "2026-04-01"],
    ["early morning UTC is already afternoon in Fujian", "2026-10-01T01:00:00.000Z", "2026-10-01"],
    ["new year's eve 16:30 UTC is new year's day in Fujian", "2026-12-31T16:30:00.000Z", "2027-01-01"],
  ])("%s (%s → %s)", (_title, instant, date) => {
    expect(businessDateOf(new Date(instant))).toBe(date);
  });

  it("a business date ends at 24:00 Asia/Shanghai, which is 16:00 UTC that day", () => {
    expect(endOfBusinessDate("2026-10-08").toISOString()).toBe("2026-10-08T16:00:00.000Z");
    expect(startOfBusinessDate("2026-10-09").toISOString()).toBe("2026-10-08T16:00:00.000Z");
    expect(businessDateOf(new Date(endOfBusinessDate("2026-10-08").getTime() - 1))).toBe("2026-10-08");
  });

  it("agrees with the Asia/Shanghai time-zone database for every instant since 1992", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect(businessDateOf(instant)).toBe(shanghaiDate.format(instant));
      }),
    );
  });

  it("refuses an invalid instant", () => {
    let error: unknown;
    try {
      businessDateOf(new Date(Number.NaN), "reportedAt");
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.ruleId === "KRN-R03" && error.field === "reportedAt").toBe(true);
  });
});

describe("KRN-R03 日期运算 date arithmetic on ISO dates", () => {
  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["1900-02-28", 1, "1900-03-01"],
  ])("%s plus %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-03-21", 12, "2027-03-21"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-11-15", 2, "2027-01-15"],
  ])("%s plus %i months is %s (a missing day becomes the month's last)", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ["2026-10-01", 4],
    ["2026-09-20", 7],
    ["2026-10-10", 6],
    ["1970-01-01", 4],
  ])("%s falls on ISO weekday %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([["2026-02-29"], ["2026-13-01"], ["2026-1-01"], ["20260101"], ["2026-04-31"], ["0000-01-01"], [""]])(
    '"%s" is not a calendar date',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
    },
  );

  it("counts days from one date to another", () => {
    expect(daysBetween("2026-03-01", "2026-03-21")).toBe(20);
    expect(daysBetween("2026-03-21", "2026-03-01")).toBe(-20);
  });

  const dates = fc
    .integer({ min: epochDay("1900-01-01"), max: epochDay("2199-12-31") })
    .map((day) => dateOfEpochDay(day));

  it("every date survives the trip to an epoch day and back, and matches the JavaScript calendar", () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(dateOfEpochDay(epochDay(date))).toBe(date);
        expect(new Date(epochDay(date) * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it("adding n days then counting them gives n back", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});
