import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";

describe("canonical JSON for content hashes (MKT-R03)", () => {
  it.each([
    ["keys are sorted", { b: 1, a: [true, null] }, '{"a":[true,null],"b":1}'],
    ["undefined members are left out", { a: 1, b: undefined }, '{"a":1}'],
    ["dates are ISO strings", { at: new Date("2026-03-02T02:00:00Z") }, '{"at":"2026-03-02T02:00:00.000Z"}'],
    ["Chinese text is kept as is", { name: "张师傅" }, '{"name":"张师傅"}'],
  ])("%s", (_title, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it("refuses NaN", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it("property: key order never changes the text, and the text parses back to the same value", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))),
        (obj) => {
          const reversed = Object.fromEntries(Object.entries(obj).reverse());
          return (
            canonicalJson(obj) === canonicalJson(reversed) &&
            canonicalJson(JSON.parse(canonicalJson(obj))) === canonicalJson(obj)
          );
        },
      ),
    );
  });
});
