import { createRoute, z } from "@hono/zod-openapi";
import { DomainError } from "../../core/kernel/mod.ts";
import type { App } from "../env.ts";
import { problemResponses } from "../problem/problem-response.ts";
import { PROBLEM_TYPES } from "../problem/problem-types.ts";
import type { ReadinessProbe } from "./readiness.ts";
import { summariseRegion } from "./region-summary.ts";

/**
 * /ready, /openapi.json (OpenAPI 3.1), /problems/{slug}. (/health and /docs are registered
 * ahead of the request middleware: health-route.ts, docs-routes.ts.)
 */
export interface SystemRouteOptions {
  readonly readiness: ReadinessProbe;
  readonly title: string;
  readonly version: string;
}

const CheckSchema = z.object({ ok: z.boolean(), engine: z.string().optional(), error: z.string().optional() });
const Names = z.object({ zh: z.string(), en: z.string() });
const RegionSchema = z
  .object({
    code: z.string().openapi({ example: "350900" }),
    name: Names,
    modules: z.array(z.string()),
    plugins: z.array(
      z.object({
        id: z.string(),
        version: z.string().optional(),
        kind: z.string().optional(),
        title: Names.optional(),
        simulator: z.boolean(),
        label: Names.optional().openapi({ description: "Simulators only: 模拟器 / simulator." }),
      }),
    ),
    simulators: z.array(z.string()).openapi({ description: "Ids of the installed simulators of outside systems." }),
    calendar: z
      .object({
        source: z.string(),
        years: z.array(z.number().int()),
        provisionalYears: z.array(z.number().int()).openapi({
          description: "Years with statutory holidays only: the State Council's yearly arrangement is not yet loaded.",
        }),
      })
      .optional(),
  })
  .openapi("RegionSummary");
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
            regions: z.array(RegionSchema).openapi({
              description: "Configured regions: modules, plugins (simulators marked) and working-day calendar source.",
            }),
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

  app.openapi(ready, async (c) => {
    const report = await options.readiness();
    c.header("Cache-Control", "no-store");
    if (report.ready) {
      const regions = [...c.get("platform").regions.values()].map(summariseRegion);
      return c.json({ status: "ready" as const, checks: report.checks, regions }, 200);
    }
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
}
