/**
 * The shim's `expect`: the npm `expect` package (Jest's matchers) plus the vitest matchers the
 * specs use — toThrowError, toBeTypeOf, toSatisfy, toBeOneOf. The env guard must load first.
 */
import "./env-guard.ts";
import { type AsymmetricMatchers, type BaseExpect, type Inverse, expect as jestExpect, type Matchers } from "expect";

type TypeName = "string" | "number" | "bigint" | "boolean" | "symbol" | "undefined" | "object" | "function";

export interface VitestMatchers<R extends void | Promise<void>, T = unknown> extends Matchers<R, T> {
  toThrowError(expected?: unknown): R;
  toBeTypeOf(type: TypeName): R;
  toSatisfy(predicate: (value: T) => boolean, message?: string): R;
  toBeOneOf(values: readonly unknown[]): R;
}

export type Assertion<T> = VitestMatchers<void, T> &
  Inverse<VitestMatchers<void, T>> & {
    resolves: VitestMatchers<Promise<void>, T> & Inverse<VitestMatchers<Promise<void>, T>>;
    rejects: VitestMatchers<Promise<void>, T> & Inverse<VitestMatchers<Promise<void>, T>>;
  };

export type ExpectStatic = (<T>(actual: T, message?: string) => Assertion<T>) &
  BaseExpect &
  AsymmetricMatchers &
  Inverse<Omit<AsymmetricMatchers, "any" | "anything">>;

jestExpect.extend({
  toBeTypeOf(received: unknown, type: TypeName) {
    const actual = received === null ? "object" : typeof received;
    return {
      pass: actual === type,
      message: () => `expected a value of type ${type}${this.isNot ? " not" : ""}, got ${actual}`,
    };
  },
  toSatisfy(received: unknown, predicate: (v: unknown) => boolean, message?: string) {
    return {
      pass: Boolean(predicate(received)),
      message: () => message ?? `expected ${this.utils.printReceived(received)} to satisfy the predicate`,
    };
  },
  toBeOneOf(received: unknown, values: readonly unknown[]) {
    return {
      pass: values.some((v) => this.equals(received, v)),
      message: () => `expected ${this.utils.printReceived(received)} to be one of ${this.utils.printExpected(values)}`,
    };
  },
});

type Aliasable = Record<string, unknown> & { toThrow?: unknown };

function withAliases<M>(m: M): M {
  const target = m as unknown as Aliasable;
  if (target && typeof target.toThrow === "function") target.toThrowError = target.toThrow;
  return m;
}

const expectFn = <T>(actual: T, _message?: string): Assertion<T> => {
  const m = jestExpect(actual) as unknown as Record<string, Aliasable>;
  withAliases(m);
  for (const key of ["not", "resolves", "rejects"]) {
    const sub = m[key];
    if (sub) {
      withAliases(sub);
      if (sub.not) withAliases(sub.not);
    }
  }
  return m as unknown as Assertion<T>;
};

export const expect: ExpectStatic = Object.assign(expectFn, jestExpect) as unknown as ExpectStatic;
