import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { pageContext } from "../pages/layout.tsx";
import { NotFoundPage } from "../pages/not-found-page.tsx";
import { problemResponse } from "./problem-response.ts";

/** `app.notFound`: a 404 problem; browsers asking for HTML with GET get the 404 page instead. */
export function notFound(c: Context<AppEnv>): Response | Promise<Response> {
  const wantsHtml = c.req.method === "GET" && /\btext\/html\b/.test(c.req.header("Accept") ?? "");
  if (wantsHtml) return c.html(<NotFoundPage page={pageContext(c)} />, 404);
  return problemResponse(c, { status: 404, detail: `nothing at ${c.req.path}`, ruleId: "KRN-R11" });
}
