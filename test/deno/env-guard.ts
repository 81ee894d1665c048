/**
 * Imported by the vitest shim before the `expect` package. Jest's matcher utilities read a few
 * environment variables (NODE_ENV, CI, FORCE_COLOR …) while loading; under `deno test` without
 * --allow-env such a read throws. This makes an unreadable variable look unset instead, so the
 * core's specs need no permission beyond --allow-read. With --allow-env nothing changes.
 */
type Env = Record<string, string | undefined>;
const proc = (globalThis as unknown as { process?: { env: Env } }).process;
const GUARDED = Symbol.for("fujian-finance.deno-env-guard");
const flags = globalThis as unknown as Record<symbol, boolean>;

if (proc?.env && !flags[GUARDED]) {
  flags[GUARDED] = true;
  const real = proc.env;
  // The proxy's own target is a blank object so that the engine's invariant checks never touch
  // the real environment; every operation is forwarded to it and a refusal reads as "unset".
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  const guarded = new Proxy({} as Env, {
    get: (_t, key) => attempt(() => Reflect.get(real, key), undefined),
    set: (_t, key, value) => attempt(() => Reflect.set(real, key, value), false),
    deleteProperty: (_t, key) => attempt(() => Reflect.deleteProperty(real, key), false),
    has: (_t, key) => attempt(() => Reflect.has(real, key), false),
    ownKeys: () => attempt(() => Reflect.ownKeys(real), []),
    getOwnPropertyDescriptor: (_t, key) => {
      const value = attempt(() => Reflect.get(real, key) as unknown, undefined);
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  Object.defineProperty(proc, "env", { value: guarded, configurable: true, writable: true, enumerable: true });
}

export {};
