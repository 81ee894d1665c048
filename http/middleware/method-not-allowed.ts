import type { Hono, MiddlewareHandler } from "hono";
import { methodNotAllowed as honoMethodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "../env.ts";
import { problemResponse } from "../problem/problem-response.ts";

/** 405 problem with `Allow` when the path exists under other methods (else the 404 stands). */
export function methodNotAllowed(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return honoMethodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      problemResponse(
        c,
        { status: 405, detail: `${c.req.method} is not allowed here; use ${methods.join(", ")}`, ruleId: "KRN-R11" },
        { Allow: methods.join(", ") },
      ),
  }) as MiddlewareHandler<AppEnv>;
}
