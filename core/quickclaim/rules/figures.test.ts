import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateFigureInputs,
  bucketedDurationStats,
  type CaseFact,
  type DurationHistogram,
  durationStats,
  type FigureInputs,
  figuresFrom,
} from "./figures.ts";

const T = Date.parse("2026-03-01T00:00:00Z");
const iso = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const fact = (determinedAfter: number | null, disputed = false): CaseFact => ({
  centreId: "fuan",
  countyCode: "350981",
  reportedAt: iso(0),
  determinedAt: determinedAfter === null ? null : iso(determinedAfter),
  disputed,
});
const inputs = (change: Partial<FigureInputs>): FigureInputs => ({
  accidents: 0,
  handledRemotely: 0,
  noDispute: 0,
  handling: durationStats([]),
  payout: durationStats([]),
  surveys: 0,
  satisfied: 0,
  suggestions: 0,
  ...change,
});

describe("QC-R08 成效指标 quick-claim figures per centre, county and period", () => {
  it.each([
    [
      "the seed's 10,000 remote of 17,634 accidents is 56.71 %",
      { accidents: 17_634, handledRemotely: 10_000 },
      "remoteShareBp",
      5_671,
    ],
    [
      "72 of 100 remote cases without dispute is 72 %",
      { handledRemotely: 100, noDispute: 72 },
      "noDisputeShareBp",
      7_200,
    ],
    ["5,000 follow-ups all satisfied is 100 % (福安)", { surveys: 5_000, satisfied: 5_000 }, "satisfactionBp", 10_000],
    ["2 of 3 satisfied is 66.67 % (half-up)", { surveys: 3, satisfied: 2 }, "satisfactionBp", 6_667],
    ["no accidents in the period: no share rather than 0 %", {}, "remoteShareBp", null],
  ] as [string, Partial<FigureInputs>, "remoteShareBp" | "noDisputeShareBp" | "satisfactionBp", number | null][])(
    "%s",
    (_title, change, key, expected) => {
      expect(figuresFrom(inputs(change))[key]).toBe(expected);
    },
  );

  it.each([
    ["one case of 5 minutes", [300], { median: 300, average: 300, fastest: 300 }],
    [
      "5, 15 and 25 minutes: median and average 15 minutes, fastest 5",
      [300, 900, 1_500],
      { median: 900, average: 900, fastest: 300 },
    ],
    ["an even count takes the mean of the middle two, half-up", [1, 2, 4, 10], { median: 3, average: 4, fastest: 1 }],
    ["the average rounds half-up to the second", [1, 2], { median: 2, average: 2, fastest: 1 }],
  ])("handling time: %s", (_title, seconds, expected) => {
    const s = durationStats(seconds);
    expect({ median: s.medianSeconds, average: s.averageSeconds, fastest: s.fastestSeconds }).toEqual(expected);
  });

  it("counts accidents, remote handling, disputes, payout times and suggestions from case facts", () => {
    const cases = [fact(5), fact(15), fact(25, true), fact(null)];
    const claims = [
      { centreId: "fuan", countyCode: "350981", openedAt: iso(20), paidAt: iso(22) },
      { centreId: "fuan", countyCode: "350981", openedAt: iso(20), paidAt: iso(78) },
      { centreId: "fuan", countyCode: "350981", openedAt: iso(20), paidAt: null },
    ];
    const surveys = [
      { centreId: "fuan", countyCode: "350981", satisfied: true, suggestion: "希望夜间也有人值班" },
      { centreId: "fuan", countyCode: "350981", satisfied: true, suggestion: " " },
    ];
    const f = figuresFrom(aggregateFigureInputs(cases, claims, surveys));
    expect([f.accidents, f.handledRemotely, f.remoteShareBp]).toEqual([4, 3, 7_500]);
    expect([f.handling.averageSeconds, f.handling.fastestSeconds, f.handling.medianSeconds]).toEqual([900, 300, 900]);
    expect([f.noDispute, f.noDisputeShareBp]).toEqual([2, 6_667]);
    expect([f.payout.count, f.payout.averageSeconds, f.payout.fastestSeconds]).toEqual([2, 1_800, 120]);
    expect([f.satisfactionBp, f.suggestions]).toEqual([10_000, 1]);
  });

  it("property: shares stay within 0–100 % and the median lies between fastest and slowest", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 50 }), fc.nat(1_000), (seconds, extra) => {
        const s = durationStats(seconds);
        expect((s.fastestSeconds as number) <= (s.medianSeconds as number)).toBe(true);
        expect((s.medianSeconds as number) <= Math.max(...seconds)).toBe(true);
        expect((s.averageSeconds as number) <= Math.max(...seconds)).toBe(true);
        const f = figuresFrom(inputs({ accidents: seconds.length + extra, handledRemotely: seconds.length }));
        expect((f.remoteShareBp as number) >= 0 && (f.remoteShareBp as number) <= 10_000).toBe(true);
      }),
    );
  });

  const histogramOf = (seconds: readonly number[], width: number): DurationHistogram => {
    const buckets = new Map<number, number>();
    for (const x of seconds) buckets.set(Math.floor(x / width), (buckets.get(Math.floor(x / width)) ?? 0) + 1);
    return {
      count: seconds.length,
      sumSeconds: seconds.reduce((a, b) => a + b, 0),
      fastestSeconds: seconds.length === 0 ? null : Math.min(...seconds),
      buckets,
    };
  };

  it.each([
    ["an odd count: the middle duration's minute, 14:59 → 14:00", [300, 899, 1_500], 840],
    ["an even count: the half-up mean of the middle two minutes, 1:10 and 2:50 → 1:30", [70, 170], 90],
    ["one duration: its own minute", [59], 0],
  ])("median to the minute from minute buckets: %s", (_title, seconds, median) => {
    const s = bucketedDurationStats(histogramOf(seconds, 60), 60);
    expect(s.medianSeconds).toBe(median);
    expect(s.medianPrecisionSeconds).toBe(60);
    expect([s.count, s.averageSeconds, s.fastestSeconds]).toEqual([
      seconds.length,
      durationStats(seconds).averageSeconds,
      Math.min(...seconds),
    ]);
  });

  it("no durations: no median, average or fastest", () => {
    const s = bucketedDurationStats(histogramOf([], 60), 60);
    expect([s.count, s.medianSeconds, s.averageSeconds, s.fastestSeconds]).toEqual([0, null, null, null]);
  });

  it("property: from buckets the count, average and fastest are exact and the median is at most one bucket below", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(200_000), { minLength: 1, maxLength: 80 }),
        fc.constantFrom(1, 60, 300),
        (seconds, width) => {
          const exact = durationStats(seconds);
          const b = bucketedDurationStats(histogramOf(seconds, width), width);
          expect([b.count, b.averageSeconds, b.fastestSeconds]).toEqual([
            exact.count,
            exact.averageSeconds,
            exact.fastestSeconds,
          ]);
          const gap = (exact.medianSeconds as number) - (b.medianSeconds as number);
          expect(gap >= 0 && gap < width).toBe(true);
          if (width === 1) expect(b.medianSeconds).toBe(exact.medianSeconds);
        },
      ),
    );
  });
});
