import type { Context } from "hono";
import type { Principal, Role } from "../../../core/kernel/mod.ts";
import type { CaseSummary, QuickClaimDeps } from "../../../core/quickclaim/mod.ts";
import type { AppEnv } from "../../env.ts";
import { pageGuard } from "../../pages/page-guard.tsx";
import { ErrorPage } from "./error-page.tsx";
import { pageProblem } from "./page-errors.ts";
import { qcPath, safeNext } from "./qc-paths.ts";

/** How the pages get a region's quick-claim dependencies (slice A's `quickClaimDeps`, memoised). */
export type DepsFor = (regionCode: string) => QuickClaimDeps;

export type QcContext = Context<AppEnv, string>;

const guard = pageGuard({
  module: "quickclaim",
  safeNext,
  home: "/quickclaim",
  signInPath: qcPath.signIn,
  pageProblem,
  ErrorPage,
  countiesAct: true,
});

/**
 * The region (prefecture) of the path, `/quickclaim/:region/…`: 404 unless it has the module and
 * the caller acts in it — in the whole prefecture or in one of its counties (a 福鼎 officer works
 * the 宁德 pages; the use cases then show only what lies in the caller's county, KRN-R06).
 */
export const regionOf: (c: QcContext) => string = guard.regionOf;

/** The signed-in caller, required to hold one of `roles` (a 403 page otherwise). */
export const staff = (c: QcContext, role: Role, ...roles: Role[]): Principal => guard.caller(c, role, ...roles);

/**
 * Wraps a page handler: a DomainError becomes an HTML page with its status (never a 500), a
 * missing sign-in a redirect to the sign-in page that comes back here.
 */
export const guarded = guard.guarded;

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
export const newOnce: (c: QcContext) => string = guard.newOnce;

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
