import type { Context } from "hono";
import type { Principal, Role } from "../../../core/kernel/mod.ts";
import {
  createMarketplaceUseCases,
  type MarketplaceDeps,
  type MarketplaceUseCases,
} from "../../../core/marketplace/mod.ts";
import type { AppEnv } from "../../env.ts";
import { pageGuard } from "../../pages/page-guard.tsx";
import { ErrorPage } from "./error-page.tsx";
import { mkPath, safeNext } from "./mk-paths.ts";
import { pageProblem } from "./page-errors.ts";

/** How the pages get a region's marketplace dependencies (slice A's `marketplaceDeps`). */
export type DepsFor = (regionCode: string) => MarketplaceDeps;

export type MkContext = Context<AppEnv, string>;

export const MODULE_ID = "marketplace";

const guard = pageGuard({
  module: MODULE_ID,
  safeNext,
  home: "/marketplace",
  signInPath: mkPath.signIn,
  pageProblem,
  ErrorPage,
});

/** The region of the path (`/marketplace/:region/…`), 404 unless it has the module and the caller acts there. */
export const regionOf: (c: MkContext) => string = guard.regionOf;

/** A path parameter ("" when absent, which the use cases refuse as not found). */
export function param(c: MkContext, name: string): string {
  return c.req.param(name) ?? "";
}

/** The signed-in caller, required to hold one of `roles` (a 403 page otherwise, a sign-in redirect when anonymous). */
export const signedIn: (c: MkContext, ...roles: Role[]) => Principal = guard.caller;

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export const guarded = guard.guarded;

/** The use cases of each region, built once from its deps and shared by every request. */
export function useCasesFor(depsFor: DepsFor): (regionCode: string) => MarketplaceUseCases {
  const cache = new Map<string, MarketplaceUseCases>();
  return (code) => {
    let uc = cache.get(code);
    if (!uc) {
      uc = createMarketplaceUseCases(depsFor(code));
      cache.set(code, uc);
    }
    return uc;
  };
}

/** What every marketplace route module gets. */
export interface MkRoutesDeps {
  readonly depsFor: DepsFor;
  readonly useCases: (regionCode: string) => MarketplaceUseCases;
}

/** A fresh single-use form key (see form-once.tsx). */
export const newOnce: (c: MkContext) => string = guard.newOnce;
