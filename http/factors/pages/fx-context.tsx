import type { Context } from "hono";
import type { FactorsPlatformDeps } from "../../../adapters/factors/factors-deps.ts";
import {
  businessDateOf,
  DomainError,
  hasRole,
  inRegion,
  type Principal,
  prefectureOf,
  type Role,
} from "../../../core/kernel/mod.ts";
import { regionFor } from "../../auth/region-access.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { fxPath, safeNext } from "./fx-paths.ts";
import { pageProblem } from "./page-errors.ts";

/** How the pages get a region's factors dependencies (slice A's `factorsDeps`, memoised). */
export type DepsFor = (regionCode: string) => FactorsPlatformDeps;

export type FxContext = Context<AppEnv, string>;

/**
 * The region (prefecture) of the path, `/factors/:region/…`: 404 unless it has the module and
 * the caller acts in it — in the whole prefecture or in one of its counties (a 福安 official
 * works the 宁德 pages; the use cases then show only what lies in the caller's county, KRN-R06).
 */
export function regionOf(c: FxContext): string {
  const code = c.req.param("region") ?? "";
  const p = c.get("principal");
  if (p && !inRegion(p, code) && p.regionCodes.some((rc) => prefectureOf(rc) === code)) {
    const region = c.get("platform").regions.get(code);
    if (region?.modules.includes("factors")) return region.code;
  }
  return regionFor(c, code, "factors").code;
}

/** The signed-in caller (the sign-in page otherwise); with roles, one of them (403 otherwise). */
export function caller(c: FxContext, ...roles: Role[]): Principal {
  const p = principalOf(c);
  if (roles.length > 0 && !hasRole(p, ...roles)) {
    throw new DomainError(`this page needs one of the roles: ${roles.join(", ")}`, {
      ruleId: "KRN-R06",
      kind: "forbidden",
    });
  }
  return p;
}

/** Where to come back to after signing in: this page for a GET, the page the form was on for a POST. */
function returnPath(c: FxContext): string {
  const url = new URL(c.req.url);
  if (c.req.method === "GET") return safeNext(url.pathname + url.search);
  const referer = c.req.header("Referer");
  if (referer) {
    try {
      const u = new URL(referer);
      if (u.host === url.host) return safeNext(u.pathname + u.search);
    } catch {
      // not a URL: fall through
    }
  }
  return "/factors";
}

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export function guarded(handler: (c: FxContext) => Promise<Response> | Response) {
  return async (c: FxContext): Promise<Response> => {
    try {
      return await handler(c);
    } catch (e) {
      const problem = pageProblem(e, c.get("lang") ?? "zh");
      if (!problem) throw e;
      if (problem.status === 401) return c.redirect(fxPath.signIn(returnPath(c)), 303);
      return c.html(<ErrorPage page={pageContext(c)} problem={problem} />, problem.status);
    }
  };
}

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
export function newOnce(c: FxContext): string {
  return c.get("platform").ids.next("form");
}

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
