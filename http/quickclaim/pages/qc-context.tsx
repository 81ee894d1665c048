import type { Context } from "hono";
import type { Principal, Role } from "../../../core/kernel/mod.ts";
import { DomainError, hasRole, inRegion, prefectureOf } from "../../../core/kernel/mod.ts";
import type { CaseSummary, QuickClaimDeps } from "../../../core/quickclaim/mod.ts";
import { regionFor } from "../../auth/region-access.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { pageProblem } from "./page-errors.ts";
import { qcPath, safeNext } from "./qc-paths.ts";

/** How the pages get a region's quick-claim dependencies (slice A's `quickClaimDeps`, memoised). */
export type DepsFor = (regionCode: string) => QuickClaimDeps;

export type QcContext = Context<AppEnv, string>;

/**
 * The region (prefecture) of the path, `/quickclaim/:region/…`: 404 unless it has the module and
 * the caller acts in it — in the whole prefecture or in one of its counties (a 福鼎 officer works
 * the 宁德 pages; the use cases then show only what lies in the caller's county, KRN-R06).
 */
export function regionOf(c: QcContext): string {
  const code = c.req.param("region") ?? "";
  const p = c.get("principal");
  if (p && !inRegion(p, code) && p.regionCodes.some((rc) => prefectureOf(rc) === code)) {
    const region = c.get("platform").regions.get(code);
    if (region?.modules.includes("quickclaim")) return region.code;
  }
  return regionFor(c, code, "quickclaim").code;
}

/** The signed-in caller, required to hold one of `roles` (a 403 page otherwise). */
export function staff(c: QcContext, ...roles: Role[]): Principal {
  const p = principalOf(c);
  if (!hasRole(p, ...roles)) {
    throw new DomainError(`this page needs one of the roles: ${roles.join(", ")}`, {
      ruleId: "KRN-R06",
      kind: "forbidden",
    });
  }
  return p;
}

/** Where to come back to after signing in: this page for a GET, the page the form was on for a POST. */
function returnPath(c: QcContext): string {
  if (c.req.method === "GET") return safeNext(new URL(c.req.url).pathname + new URL(c.req.url).search);
  const referer = c.req.header("Referer");
  if (referer) {
    try {
      const u = new URL(referer);
      if (u.host === new URL(c.req.url).host) return safeNext(u.pathname + u.search);
    } catch {
      // not a URL: fall through
    }
  }
  return "/quickclaim";
}

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export function guarded(handler: (c: QcContext) => Promise<Response> | Response) {
  return async (c: QcContext): Promise<Response> => {
    try {
      return await handler(c);
    } catch (e) {
      const problem = pageProblem(e, c.get("lang") ?? "zh");
      if (!problem) throw e;
      if (problem.status === 401) return c.redirect(qcPath.signIn(returnPath(c)), 303);
      return c.html(<ErrorPage page={pageContext(c)} problem={problem} />, problem.status);
    }
  };
}

/** Memoises the deps of each region: they are built once and shared by every request. */
export function memoDeps(build: DepsFor): DepsFor {
  const cache = new Map<string, QuickClaimDeps>();
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
export function newOnce(c: QcContext): string {
  return c.get("platform").ids.next("form");
}

/**
 * The cases a citizen is a party of, newest first, when the platform's queries can say so (the
 * kysely queries answer `casesOfSubject`; the core port does not require it).
 */
export async function myCases(deps: QuickClaimDeps, subjectRef: string, limit = 20): Promise<CaseSummary[]> {
  const queries = deps.queries as QuickClaimDeps["queries"] & {
    casesOfSubject?: (subjectRef: string, limit?: number) => Promise<CaseSummary[]>;
  };
  return typeof queries.casesOfSubject === "function" ? queries.casesOfSubject(subjectRef, limit) : [];
}
