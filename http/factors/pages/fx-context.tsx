import type { Context } from "hono";
import type { FactorsPlatformDeps } from "../../../adapters/factors/factors-deps.ts";
import { businessDateOf, type Principal, type Role } from "../../../core/kernel/mod.ts";
import type { AppEnv } from "../../env.ts";
import { pageGuard } from "../../pages/page-guard.tsx";
import { ErrorPage } from "./error-page.tsx";
import { fxPath, safeNext } from "./fx-paths.ts";
import { pageProblem } from "./page-errors.ts";

/** How the pages get a region's factors dependencies (slice A's `factorsDeps`, memoised). */
export type DepsFor = (regionCode: string) => FactorsPlatformDeps;

export type FxContext = Context<AppEnv, string>;

const guard = pageGuard({
  module: "factors",
  safeNext,
  home: "/factors",
  signInPath: fxPath.signIn,
  pageProblem,
  ErrorPage,
  countiesAct: true,
});

/**
 * The region (prefecture) of the path, `/factors/:region/…`: 404 unless it has the module and
 * the caller acts in it — in the whole prefecture or in one of its counties (a 福安 official
 * works the 宁德 pages; the use cases then show only what lies in the caller's county, KRN-R06).
 */
export const regionOf: (c: FxContext) => string = guard.regionOf;

/** The signed-in caller (the sign-in page otherwise); with roles, one of them (403 otherwise). */
export const caller: (c: FxContext, ...roles: Role[]) => Principal = guard.caller;

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export const guarded = guard.guarded;

/** Memoises the deps of each region: they are built once and shared by every request. */
export function memoDeps(build: DepsFor): DepsFor {
  const cache = new Map<string, FactorsPlatformDeps>();
  return (code) => {
    let deps = cache.get(code);
    if (!deps) {
      deps = build(code);
      cache.set(code, deps);
    }
    return deps;
  };
}

/** A fresh single-use form key (see form-once.tsx). */
export const newOnce: (c: FxContext) => string = guard.newOnce;

/** The page language of the request. */
export function langOf(c: FxContext): "zh" | "en" {
  return c.get("lang") ?? "zh";
}

/** The page frame: region, caller, and whether simulators stand in for the outside systems. */
export function frameOf(
  c: FxContext,
  region: string,
): { region: string; principal: Principal | undefined; simulated: boolean } {
  const r = c.get("platform").regions.get(region);
  const simulated = r?.pluginDetails?.some((p) => p.simulator) ?? false;
  return { region, principal: c.get("principal"), simulated };
}

/** Today's business date (Asia/Shanghai) by the platform clock. */
export function todayOf(c: FxContext): string {
  return businessDateOf(c.get("platform").clock.now());
}
