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

  it("property: the text is JSON.stringify's of the value with its keys sorted (strings, numbers, nesting)", () => {
    // The reference: the straightforward recursive form (push-log hashes already stored were made with it).
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== "object") return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : reference(x))).join(",")}]`;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(",")}}`;
    };
    const text = fc.string({
      unit: fc.constantFrom("a", '"', "\\", "\n", "\u0000", "\u001f", "\u2028", "张", "\ud800", "\udc00", "😀"),
    });
    const leaf = fc.oneof(
      text,
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node")),
        fc.dictionary(fc.oneof(text, fc.string()), tie("node")),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 500 },
    );
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
