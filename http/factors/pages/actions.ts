import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import type { Form } from "./form-once.tsx";
import { fxPath, safeNext } from "./fx-paths.ts";
import { type PageProblem, pageProblem } from "./page-errors.ts";

/**
 * The outcome of a use case called from a form: its value, or the refusal to show next to the
 * form (a rule, a conflict, a bad field, an outside system down). "Not found", "forbidden" and
 * "sign in first" are not the form's business: they propagate to the error page.
 */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: PageProblem };

export async function attempt<T>(lang: "zh" | "en", work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    const problem = pageProblem(e, lang);
    if (!problem || problem.status === 401 || problem.status === 403 || problem.status === 404) throw e;
    return { ok: false, problem };
  }
}

/** The text fields of a form, to echo in the form shown again after a refusal (never the form key). */
export function valuesOf(form: Form): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === "_once") continue;
    const s = Array.isArray(v) ? v.join("\n") : v;
    if (typeof s === "string") out[k] = s;
  }
  return out;
}

/** Forms post only for someone signed in: anyone else goes to sign in and comes back to the page. */
export function needsSignIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("principal")) return next();
    const referer = c.req.header("Referer");
    let back = "/factors";
    if (referer) {
      try {
        const u = new URL(referer);
        if (u.host === new URL(c.req.url).host) back = safeNext(u.pathname + u.search);
      } catch {
        // not a URL
      }
    }
    return c.redirect(fxPath.signIn(back), 303);
  };
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
