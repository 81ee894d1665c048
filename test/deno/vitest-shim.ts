/**
 * A small stand-in for "vitest" under Deno (deno.json maps the "vitest" import here), so that the
 * core's rule specs run unchanged with `deno test`. It covers what core specs use: describe / it /
 * test (with .each, .skip, .only, .todo, .skipIf, .runIf), the four hooks, and expect — the npm
 * `expect` package (Jest's matchers) plus vitest's toThrowError, toBeTypeOf, toSatisfy and
 * toBeOneOf. Nested describes become name prefixes: "KRN-R01 金额 money > splits …".
 * No mocks (`vi`), snapshots, concurrency or per-test timeouts.
 */
import { formatEachTitle } from "./each-title.ts";
import { type ExpectStatic, expect } from "./vitest-expect.ts";

export { formatEachTitle } from "./each-title.ts";
export { type Assertion, type ExpectStatic, expect, type VitestMatchers } from "./vitest-expect.ts";

// ---------------------------------------------------------------- suites and tests

type Awaitable<T> = T | Promise<T>;
export interface TestContext {
  readonly task: { readonly name: string };
  readonly expect: ExpectStatic;
}
type TestFn = (context: TestContext) => Awaitable<unknown>;
type Hook = () => Awaitable<unknown>;

interface Suite {
  readonly name: string;
  readonly parent: Suite | undefined;
  readonly beforeAll: Hook[];
  readonly afterAll: Hook[];
  readonly beforeEach: Hook[];
  readonly afterEach: Hook[];
  readonly only: boolean;
  readonly skip: boolean;
  /** Tests registered under this suite (all depths), and how many have finished. */
  total: number;
  finished: number;
  started: boolean;
}

interface DenoTestApi {
  test(def: { name: string; fn: () => Promise<void>; ignore?: boolean; only?: boolean }): void;
}
const deno = (globalThis as unknown as { Deno?: DenoTestApi }).Deno;

function newSuite(name: string, parent: Suite | undefined, flags: { only?: boolean; skip?: boolean } = {}): Suite {
  return {
    name,
    parent,
    beforeAll: [],
    afterAll: [],
    beforeEach: [],
    afterEach: [],
    only: Boolean(flags.only || parent?.only),
    skip: Boolean(flags.skip || parent?.skip),
    total: 0,
    finished: 0,
    started: false,
  };
}

const root = newSuite("", undefined);
let current = root;

function chain(suite: Suite): Suite[] {
  const out: Suite[] = [];
  for (let s: Suite | undefined = suite; s; s = s.parent) out.unshift(s);
  return out;
}

function fullName(suite: Suite, name: string): string {
  return [...chain(suite).map((s) => s.name), name].filter((n) => n !== "").join(" > ");
}

function register(name: string, fn: TestFn | undefined, flags: { only?: boolean; skip?: boolean; todo?: boolean }) {
  if (!deno) throw new Error("the vitest shim runs only under Deno (deno test)");
  const suite = current;
  const title = fullName(suite, name);
  const ignore = Boolean(flags.skip || flags.todo || suite.skip || !fn);
  const suites = chain(suite);
  if (!ignore) for (const s of suites) s.total++;
  deno.test({
    name: flags.todo ? `${title} (todo)` : title,
    ignore,
    only: Boolean(flags.only || suite.only) || undefined,
    fn: async () => {
      for (const s of suites) {
        if (!s.started) {
          s.started = true;
          for (const h of s.beforeAll) await h();
        }
      }
      try {
        for (const s of suites) for (const h of s.beforeEach) await h();
        await (fn as TestFn)({ task: { name: title }, expect });
      } finally {
        for (const s of [...suites].reverse()) for (const h of s.afterEach) await h();
        for (const s of [...suites].reverse()) {
          s.finished++;
          if (s.finished === s.total) for (const h of s.afterAll) await h();
        }
      }
    },
  });
}

function collect(name: string, fn: (() => void) | undefined, flags: { only?: boolean; skip?: boolean }): void {
  const suite = newSuite(name, current, flags);
  const previous = current;
  current = suite;
  try {
    const result = fn?.() as unknown;
    if (result instanceof Promise) throw new Error(`describe("${name}") must not be async under the Deno shim`);
  } finally {
    current = previous;
  }
}

// ---------------------------------------------------------------- the vitest-shaped API

type ExtractEachCallbackArgs<T extends ReadonlyArray<unknown>> = T extends readonly [infer A]
  ? [A]
  : T extends readonly [infer A, infer B]
    ? [A, B]
    : T extends readonly [infer A, infer B, infer C]
      ? [A, B, C]
      : T extends readonly [infer A, infer B, infer C, infer D]
        ? [A, B, C, D]
        : T extends readonly [infer A, infer B, infer C, infer D, infer E]
          ? [A, B, C, D, E]
          : T extends readonly [infer A, infer B, infer C, infer D, infer E, infer F]
            ? [A, B, C, D, E, F]
            : Array<T extends ReadonlyArray<infer U> ? U : unknown>;

type EachReturn<A extends unknown[]> = (name: string, fn: (...args: A) => Awaitable<unknown>, timeout?: number) => void;

export interface EachFunction {
  <T extends unknown[] | [unknown]>(cases: ReadonlyArray<T>): EachReturn<T>;
  <T extends ReadonlyArray<unknown>>(cases: ReadonlyArray<T>): EachReturn<ExtractEachCallbackArgs<T>>;
  <T>(cases: ReadonlyArray<T>): EachReturn<T[]>;
}

function eachOf(run: (name: string, fn: () => Awaitable<unknown>) => void): EachFunction {
  return ((cases: ReadonlyArray<unknown>) => (name: string, fn: (...args: unknown[]) => Awaitable<unknown>) => {
    const arrays = cases.every((c) => Array.isArray(c));
    cases.forEach((c, idx) => {
      const items = Array.isArray(c) ? (c as unknown[]) : [c];
      run(formatEachTitle(name, items, idx), () => (arrays ? fn(...items) : fn(c)));
    });
  }) as EachFunction;
}

export interface TestApi {
  (name: string, fn?: TestFn, timeout?: number): void;
  only: (name: string, fn?: TestFn, timeout?: number) => void;
  skip: (name: string, fn?: TestFn, timeout?: number) => void;
  todo: (name: string, fn?: TestFn) => void;
  skipIf: (condition: unknown) => (name: string, fn?: TestFn, timeout?: number) => void;
  runIf: (condition: unknown) => (name: string, fn?: TestFn, timeout?: number) => void;
  each: EachFunction;
}

const testApi: TestApi = Object.assign((name: string, fn?: TestFn) => register(name, fn, {}), {
  only: (name: string, fn?: TestFn) => register(name, fn, { only: true }),
  skip: (name: string, fn?: TestFn) => register(name, fn, { skip: true }),
  todo: (name: string, fn?: TestFn) => register(name, fn, { todo: true }),
  skipIf: (condition: unknown) => (name: string, fn?: TestFn) => register(name, fn, { skip: Boolean(condition) }),
  runIf: (condition: unknown) => (name: string, fn?: TestFn) => register(name, fn, { skip: !condition }),
  each: eachOf((name, fn) => register(name, fn, {})),
});

export const it: TestApi = testApi;
export const test: TestApi = testApi;

export interface DescribeApi {
  (name: string, fn?: () => void): void;
  only: (name: string, fn?: () => void) => void;
  skip: (name: string, fn?: () => void) => void;
  skipIf: (condition: unknown) => (name: string, fn?: () => void) => void;
  runIf: (condition: unknown) => (name: string, fn?: () => void) => void;
  each: EachFunction;
}

export const describe: DescribeApi = Object.assign((name: string, fn?: () => void) => collect(name, fn, {}), {
  only: (name: string, fn?: () => void) => collect(name, fn, { only: true }),
  skip: (name: string, fn?: () => void) => collect(name, fn, { skip: true }),
  skipIf: (condition: unknown) => (name: string, fn?: () => void) => collect(name, fn, { skip: Boolean(condition) }),
  runIf: (condition: unknown) => (name: string, fn?: () => void) => collect(name, fn, { skip: !condition }),
  each: eachOf((name, fn) => collect(name, fn as () => void, {})),
});
export const suite: DescribeApi = describe;

export function beforeAll(fn: Hook): void {
  current.beforeAll.push(fn);
}
export function afterAll(fn: Hook): void {
  current.afterAll.push(fn);
}
export function beforeEach(fn: Hook): void {
  current.beforeEach.push(fn);
}
export function afterEach(fn: Hook): void {
  current.afterEach.push(fn);
}
