import { createRoute, z } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { DomainError } from "../../core/kernel/mod.ts";
import type { App } from "../env.ts";
import { problemResponses } from "../problem/problem-response.ts";
import { PROBLEM_TYPES } from "../problem/problem-types.ts";
import type { ReadinessProbe } from "./readiness.ts";

/** /health, /ready, /openapi.json (OpenAPI 3.1), /docs (Scalar), /problems/{slug}. */
export interface SystemRouteOptions {
  readonly readiness: ReadinessProbe;
  readonly title: string;
  readonly version: string;
}

const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https:; font-src 'self' data: https:; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'";

const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Liveness: the process is up",
  responses: {
    200: { description: "Up", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
  },
});

const CheckSchema = z.object({ ok: z.boolean(), engine: z.string().optional(), error: z.string().optional() });
const ready = createRoute({
  method: "get",
  path: "/ready",
  tags: ["system"],
  summary: "Readiness: database reachable and migrations current",
  responses: {
    200: {
      description: "Ready",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("ready"),
            checks: z.object({ database: CheckSchema, migrations: CheckSchema }),
          }),
        },
      },
    },
    ...problemResponses(503),
  },
});

const problemType = createRoute({
  method: "get",
  path: "/problems/{slug}",
  tags: ["system"],
  summary: "Description of a problem type (the `type` URI of error responses)",
  request: { params: z.strictObject({ slug: z.string().regex(/^[a-z-]{1,40}$/) }) },
  responses: {
    200: {
      description: "The problem type",
      content: {
        "application/json": {
          schema: z.object({ type: z.string(), status: z.number().int(), title: z.string(), description: z.string() }),
        },
      },
    },
    ...problemResponses(404),
  },
});

export function registerSystemRoutes(app: App, options: SystemRouteOptions): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fif_<key>",
    description: "Institution and staff API key (`scripts/create-api-key.ts`), sent as `Authorization: Bearer fif_…`.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "citizenSession", {
    type: "apiKey",
    in: "cookie",
    name: "fif_session",
    description:
      "Session from a one-time code (POST /auth/otp, /auth/otp/verify) or the staff sign-in page; apps may send the token as `Authorization: Bearer fis_…` instead.",
  });

  app.openapi(health, (c) => c.json({ status: "ok" as const }, 200));

  app.openapi(ready, async (c) => {
    const report = await options.readiness();
    c.header("Cache-Control", "no-store");
    if (report.ready) return c.json({ status: "ready" as const, checks: report.checks }, 200);
    throw new DomainError(
      !report.checks.database.ok ? "the database is not reachable" : "database migrations are not current",
      { ruleId: "KRN-R11", kind: "unavailable", detail: { checks: report.checks } },
    );
  });

  app.openapi(problemType, (c) => {
    const t = PROBLEM_TYPES.get(c.req.valid("param").slug);
    if (!t) throw new DomainError("no such problem type", { ruleId: "KRN-R11", kind: "not_found", field: "slug" });
    return c.json({ type: `/problems/${t.slug}`, status: t.status, title: t.title, description: t.description }, 200);
  });

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: options.title,
      version: options.version,
      description:
        "HTTP API of the Fujian inclusive-finance platform. Errors are RFC 9457 problem details (`application/problem+json`). Request bodies are strict: unknown fields are refused. State-changing POSTs take an `Idempotency-Key` header.",
    },
    tags: [
      { name: "system", description: "Health, readiness, API description" },
      { name: "auth", description: "Citizen one-time codes, sessions" },
    ],
  });

  const reference = Scalar({ url: "/openapi.json", pageTitle: `${options.title} — API` });
  // The reference page loads its script from the Scalar CDN and runs inline configuration.
  app.get(
    "/docs",
    async (c, next) => {
      c.header("Content-Security-Policy", DOCS_CSP);
      await next();
    },
    reference,
  );
}
