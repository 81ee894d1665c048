/**
 * Self-test of the vitest shim, run by `deno test` only (the name keeps vitest away from it).
 * That a failing expectation fails the Deno test was shown by running a deliberately failing
 * spec once (exit code 1); here the shim's own behaviour is pinned down.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, formatEachTitle, it } from "./vitest-shim.ts";

describe("the vitest shim", () => {
  it.each([
    ["%s and %s", [1, "a"], 0, "1 and a"],
    ["case %# of %$", [true], 4, "case 4 of 5"],
    ["%d%% of %i", [12.5, 7.9], 0, "12.5% of 7"],
    ["$name owes $debt.fen", [{ name: "林", debt: { fen: 100 } }], 0, "'林' owes 100"],
    ["%j", [{ a: 1n }], 0, '{"a":"1n"}'],
    ["%s", [-0], 0, "-0"],
    ["no placeholders", [1, 2], 0, "no placeholders"],
  ])("formats the title %s", (template, items, index, title) => {
    expect(formatEachTitle(template as string, items as unknown[], index as number)).toBe(title);
  });

  const calls: unknown[][] = [];
  it.each([
    [1, "x"],
    [2, "y"],
  ])("spreads array rows into arguments (%s)", (n, s) => {
    calls.push([n, s]);
  });
  it.each([{ n: 3 }])("passes an object row as one argument", (row) => {
    calls.push([row]);
  });
  it("ran the rows in order with the right arguments", () => {
    expect(calls).toEqual([[1, "x"], [2, "y"], [{ n: 3 }]]);
  });

  it("adds vitest's matchers to Jest's expect", () => {
    expect(() => {
      throw new RangeError("boom");
    }).toThrowError(/boom/);
    expect(() => 1).not.toThrowError();
    expect(1n).toBeTypeOf("bigint");
    expect(3).toSatisfy((n: number) => n % 2 === 1);
    expect("b").toBeOneOf(["a", "b"]);
    expect({ a: [1, 2] }).toEqual({ a: [1, 2] });
  });

  it("a failing expectation throws, which is what fails the Deno test", () => {
    expect(() => expect(1 + 1).toBe(3)).toThrow(/Expected: 3/);
    expect(() => expect([1]).toEqual([2])).toThrow();
  });

  it("awaits async tests and promise matchers", async () => {
    await expect(Promise.resolve(5)).resolves.toBe(5);
    await expect(Promise.reject(new Error("no"))).rejects.toThrowError("no");
  });
});

describe("the vitest shim's hooks", () => {
  const log: string[] = [];
  beforeAll(() => {
    log.push("beforeAll");
  });
  beforeEach(() => {
    log.push("beforeEach");
  });
  afterEach(() => {
    log.push("afterEach");
  });
  it("runs beforeAll once, then beforeEach", () => {
    log.push("test 1");
    expect(log).toEqual(["beforeAll", "beforeEach", "test 1"]);
  });
  it("runs afterEach after every test", () => {
    expect(log).toEqual(["beforeAll", "beforeEach", "test 1", "afterEach", "beforeEach"]);
  });
  it.skip("does not run skipped tests", () => {
    throw new Error("must not run");
  });
  it.todo("lists todo tests as ignored");
});
