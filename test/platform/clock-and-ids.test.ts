import { describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { SystemClock } from "../../adapters/platform/system-clock.ts";

describe("clock adapters", () => {
  it("the system clock tells the current time", () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("a fixed clock stands still until set or advanced, and hands out copies", () => {
    const clock = new FixedClock("2026-11-27T08:00:00.000Z");
    const a = clock.now();
    a.setFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-11-27T08:00:00.000Z");
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe("2026-11-27T08:00:01.500Z");
    clock.set(new Date("2027-01-01T00:00:00Z"));
    expect(clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it.each([["not a date"], [Number.NaN]])("a fixed clock refuses %s", (bad) => {
    expect(() => new FixedClock(bad as string)).toThrow(RangeError);
  });
});

describe("random ids", () => {
  it("are the prefix, an underscore and 26 Crockford base-32 characters", () => {
    const id = new RandomIds().next("evt");
    expect(id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it("sort in creation order, within one millisecond and across milliseconds", () => {
    const clock = new FixedClock("2026-11-27T08:00:00.000Z");
    const ids = new RandomIds(clock);
    const made: string[] = [];
    for (let ms = 0; ms < 5; ms++) {
      for (let i = 0; i < 500; i++) made.push(ids.next("case"));
      clock.advance(1);
    }
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it("stay ordered when the clock steps back", () => {
    const clock = new FixedClock("2026-11-27T08:00:00.000Z");
    const ids = new RandomIds(clock);
    const a = ids.next("x");
    clock.advance(-60_000);
    const b = ids.next("x");
    expect(b > a).toBe(true);
  });

  it("encode the time so that ids of two generators sort by millisecond", () => {
    const clock = new FixedClock("2026-11-27T08:00:00.000Z");
    const early = new RandomIds(clock).next("a");
    clock.advance(1);
    const late = new RandomIds(clock).next("a");
    expect(late > early).toBe(true);
  });

  it.each([[""], ["Evt"], ["evt_"], ["1abc"], ["a-b"], ["abcdefghijklmnopq"]])("refuse the prefix %j", (prefix) => {
    expect(() => new RandomIds().next(prefix)).toThrow(RangeError);
  });
});
