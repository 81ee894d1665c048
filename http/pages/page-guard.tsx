import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { DomainError, hasRole, inRegion, type Principal, prefectureOf, type Role } from "../../core/kernel/mod.ts";
import { regionFor } from "../auth/region-access.ts";
import type { AppEnv } from "../env.ts";
import { principalOf } from "../middleware/authenticate.ts";
import type { Lang } from "./i18n.ts";
import { type PageContext, pageContext } from "./layout.tsx";
import type { PageProblem } from "./page-problems.ts";

type PageCtx = Context<AppEnv, string>;

export interface PageGuardOptions {
  /** The module's id and first path segment. */
  readonly module: string;
  /** Only the module's own pages (no open redirect); anything else gives the module's home. */
  readonly safeNext: (next: string | undefined) => string;
  /** Where a form post with no usable Referer comes back to after signing in: the module's home. */
  readonly home: string;
  /** The module's sign-in page, coming back to `next`. */
  readonly signInPath: (next: string) => string;
  readonly pageProblem: (e: unknown, lang: Lang) => PageProblem | undefined;
  readonly ErrorPage: (props: { readonly page: PageContext; readonly problem: PageProblem }) => Child;
  /**
   * Whether staff of a county act on the prefecture's pages (a 福鼎 officer works the 宁德 pages;
   * the use cases then show only what lies in the caller's county, KRN-R06).
   */
  readonly countiesAct?: boolean;
}

/**
 * What every module's pages share: the region of the path, the signed-in caller with a role, and
 * the wrapper that turns a refusal into a page with its status (never a 500) and a missing
 * sign-in into a redirect to the module's sign-in page that comes back here.
 */
export function pageGuard(o: PageGuardOptions) {
  const { ErrorPage } = o;

  /** The region (prefecture) of `/<module>/:region/…`: 404 unless it has the module and the caller acts in it. */
  function regionOf(c: PageCtx): string {
    const code = c.req.param("region") ?? "";
    const p = c.get("principal");
    if (o.countiesAct && p && !inRegion(p, code) && p.regionCodes.some((rc) => prefectureOf(rc) === code)) {
      const region = c.get("platform").regions.get(code);
      if (region?.modules.includes(o.module)) return region.code;
    }
    return regionFor(c, code, o.module).code;
  }

  /** The signed-in caller (the sign-in page otherwise); with roles, one of them (403 otherwise). */
  function caller(c: PageCtx, ...roles: Role[]): Principal {
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
  function returnPath(c: PageCtx): string {
    const here = new URL(c.req.url);
    if (c.req.method === "GET") return o.safeNext(here.pathname + here.search);
    const referer = c.req.header("Referer");
    if (referer) {
      try {
        const u = new URL(referer);
        if (u.host === here.host) return o.safeNext(u.pathname + u.search);
      } catch {
        // not a URL: fall through
      }
    }
    return o.home;
  }

  /** Wraps a page handler (see above). */
  function guarded(handler: (c: PageCtx) => Promise<Response> | Response) {
    return async (c: PageCtx): Promise<Response> => {
      try {
        return await handler(c);
      } catch (e) {
        const problem = o.pageProblem(e, c.get("lang") ?? "zh");
        if (!problem) throw e;
        if (problem.status === 401) return c.redirect(o.signInPath(returnPath(c)), 303);
        return c.html(<ErrorPage page={pageContext(c)} problem={problem} />, problem.status);
      }
    };
  }

  /** A fresh single-use form key (http/pages/form-once.tsx). */
  function newOnce(c: PageCtx): string {
    return c.get("platform").ids.next("form");
  }

  return { regionOf, caller, guarded, newOnce };
}
