import type { Context } from "hono";
import { DomainError, hasRole, type Principal, type Role } from "../../../core/kernel/mod.ts";
import {
  createMarketplaceUseCases,
  type MarketplaceDeps,
  type MarketplaceUseCases,
} from "../../../core/marketplace/mod.ts";
import { regionFor } from "../../auth/region-access.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { mkPath, safeNext } from "./mk-paths.ts";
import { pageProblem } from "./page-errors.ts";

/** How the pages get a region's marketplace dependencies (slice A's `marketplaceDeps`). */
export type DepsFor = (regionCode: string) => MarketplaceDeps;

export type MkContext = Context<AppEnv, string>;

export const MODULE_ID = "marketplace";

/** The region of the path (`/marketplace/:region/…`), 404 unless it has the module and the caller acts there. */
export function regionOf(c: MkContext): string {
  return regionFor(c, c.req.param("region") ?? "", MODULE_ID).code;
}

/** A path parameter ("" when absent, which the use cases refuse as not found). */
export function param(c: MkContext, name: string): string {
  return c.req.param(name) ?? "";
}

/** The signed-in caller, required to hold one of `roles` (a 403 page otherwise, a sign-in redirect when anonymous). */
export function signedIn(c: MkContext, ...roles: Role[]): Principal {
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
function returnPath(c: MkContext): string {
  const here = new URL(c.req.url);
  if (c.req.method === "GET") return safeNext(here.pathname + here.search);
  const referer = c.req.header("Referer");
  if (referer) {
    try {
      const u = new URL(referer);
      if (u.host === here.host) return safeNext(u.pathname + u.search);
    } catch {
      // not a URL: fall through
    }
  }
  return "/marketplace";
}

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export function guarded(handler: (c: MkContext) => Promise<Response> | Response) {
  return async (c: MkContext): Promise<Response> => {
    try {
      return await handler(c);
    } catch (e) {
      const problem = pageProblem(e, c.get("lang") ?? "zh");
      if (!problem) throw e;
      if (problem.status === 401) return c.redirect(mkPath.signIn(returnPath(c)), 303);
      return c.html(<ErrorPage page={pageContext(c)} problem={problem} />, problem.status);
    }
  };
}

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
export function newOnce(c: MkContext): string {
  return c.get("platform").ids.next("form");
}
