import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { type DatedParam, datedParam, since, valueAsOf } from "./dated.ts";
import { isDomainError } from "./errors.ts";

// The quick-claim property cap (QC-R01): 2,000 yuan before the reform, 5,000 after. The reform
// date here is illustrative; the real one lives in the region's policy pack.
const REFORM_DAY = "2021-06-01";
const propertyCapFen: DatedParam<number> = [
  { from: "2008-01-01", value: 200_000, source: "快处快赔 财损 2000 元 (before the reform)" },
  { from: REFORM_DAY, value: 500_000, source: "闽 普惠金融改革试验区 通知: 财损 5000 元以下 (after the reform)" },
];

const capSchema = datedParam(v.pipe(v.number(), v.integer(), v.minValue(0)), "QC-R01 property cap in fen");

function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}`;
  }
  return undefined;
}

describe("KRN-R12 政策参数 dated policy parameters", () => {
  it.each([
    ["an accident the day before the reform is judged by the 2,000-yuan cap", "2021-05-31", 200_000],
    ["an accident on the reform day is judged by the 5,000-yuan cap", REFORM_DAY, 500_000],
    ["an accident years later still uses the 5,000-yuan cap", "2026-03-02", 500_000],
    ["an accident on the first day of the old cap uses it", "2008-01-01", 200_000],
  ])("%s", (_title, caseDate, capFen) => {
    expect(valueAsOf(propertyCapFen, caseDate, "propertyCapFen")).toBe(capFen);
  });

  it("a case dated before any value was in force is refused, naming the parameter", () => {
    expect(errorOf(() => valueAsOf(propertyCapFen, "2007-12-31", "propertyCapFen"))).toBe("KRN-R12:propertyCapFen");
  });

  it("a case date that is not a calendar date is refused, naming the parameter", () => {
    expect(errorOf(() => valueAsOf(propertyCapFen, "2026-3-2", "propertyCapFen"))).toBe("KRN-R12:propertyCapFen");
  });

  it("a policy change never rewrites the past: adding a later value keeps every earlier answer", () => {
    const later = [...propertyCapFen, { from: "2030-01-01", value: 800_000, source: "a future notice" }];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 21 }), (offset) => {
        const day = new Date(Date.UTC(2008, 0, 1 + offset)).toISOString().slice(0, 10);
        expect(valueAsOf(later, day)).toBe(valueAsOf(propertyCapFen, day));
      }),
    );
  });

  it("the value in force is the one with the latest start on or before the case date", () => {
    const entries = fc
      .uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 8 })
      .map((days) =>
        [...days]
          .sort((a, b) => a - b)
          .map((d) => ({ from: new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10), value: d, source: "s" })),
      );
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 3000 }), (param, d) => {
        const date = new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
        const inForce = param.filter((e) => e.from <= date).at(-1);
        if (inForce) expect(valueAsOf(param, date)).toBe(inForce.value);
        else expect(errorOf(() => valueAsOf(param, date))).toBe("KRN-R12:parameter");
      }),
    );
  });

  it("the pack schema accepts values in date order, each with its source", () => {
    const parsed = v.parse(capSchema, propertyCapFen);
    expect(parsed).toEqual(propertyCapFen);
    expect(v.parse(capSchema, since("2026-01-01", 0, "a test"))).toEqual([
      { from: "2026-01-01", value: 0, source: "a test" },
    ]);
  });

  it.each([
    ["values out of date order", [propertyCapFen[1], propertyCapFen[0]], "strictly increasing date order"],
    ["two values from the same day", [propertyCapFen[0], { ...propertyCapFen[1], from: "2008-01-01" }], "strictly"],
    ["a value without its source", [{ from: "2008-01-01", value: 200_000, source: " " }], "source document"],
    ["a value with no source field", [{ from: "2008-01-01", value: 200_000 }], "source"],
    ["no value at all", [], "at least one dated value"],
    ["a start date that does not exist", [{ from: "2021-02-29", value: 1, source: "s" }], "calendar date"],
    ["a value the parameter's own schema refuses", [{ from: "2021-01-01", value: -1, source: "s" }], "-1"],
  ])("the pack schema refuses %s", (_title, param, reason) => {
    const result = v.safeParse(capSchema, param);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.issues?.map((i) => [i.message, i.path?.map((p) => p.key)]))).toContain(reason);
  });
});
