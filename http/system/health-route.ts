import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../env.ts";

/**
 * GET /health, liveness: the process is up. It touches nothing (no database, no session), and
 * http/app.ts registers it before the body-limit, language and authentication middleware, so
 * the probe costs little more than a bare router's answer.
 */
const HEALTH_BODY = { status: "ok" as const };

const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Liveness: the process is up",
  responses: {
    200: { description: "Up", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
  },
});

export function registerHealthRoute(app: App): void {
  app.openapi(health, (c) => c.json(HEALTH_BODY, 200));
}
