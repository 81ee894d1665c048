import type { Context, MiddlewareHandler, Next } from "hono";
import type { AppEnv } from "../env.ts";

/** A handler or middleware of the guarded route (what `app.get(path, …)` would take). */
// biome-ignore lint/suspicious/noConfusingVoidType: hono's middleware resolve to void
type Step = (c: Context<AppEnv>, next: Next) => Response | undefined | Promise<Response | undefined | void>;

/**
 * A fixed path segment that sits where other routes have a parameter — `/factors/sign-in` beside
 * `/factors/{region}`. hono's fast RegExpRouter cannot route a literal and a parameter in the same
 * place, and one such pair makes the whole app fall back to the slower TrieRouter
 * (test/http/router.test.ts). So the route is declared with the same parameter, `/factors/:region`, and
 * `when(…steps)` runs its middleware and handler only when the segment is the literal; any other
 * value goes on to the routes registered after it (the region pages), as if this route were not
 * there. The URLs are unchanged.
 */
export function literalSegment(
  prefix: string,
  literal: string,
  /** The parameter's name where the other routes have it (the same name, or RegExpRouter refuses both). */
  name = "region",
): { readonly path: string; when(...steps: Step[]): MiddlewareHandler<AppEnv> } {
  return {
    path: `${prefix}/:${name}`,
    when(...steps) {
      const run = async (i: number, c: Context<AppEnv>, last: Next): Promise<Response | undefined> => {
        const step = steps[i];
        if (!step) {
          await last();
          return undefined;
        }
        const out = await step(c, async () => {
          const res = await run(i + 1, c, last);
          if (res) c.res = res;
        });
        return out instanceof Response ? out : undefined;
      };
      return async (c, next) => {
        if (c.req.param(name) !== literal) return next();
        const res = await run(0, c, next);
        return res ?? c.res;
      };
    },
  };
}
