import { createRoute, z } from "@hono/zod-openapi";
import { DomainError } from "../../../core/kernel/mod.ts";
import { regionFor } from "../../../http/auth/region-access.ts";
import { requireAuth } from "../../../http/middleware/authenticate.ts";
import { allowBodyUpTo } from "../../../http/middleware/body-limit.ts";
import { idempotent } from "../../../http/middleware/idempotency.ts";
import type { HttpModule } from "../../../http/modules.ts";
import { problemResponses } from "../../../http/problem/problem-response.ts";

/**
 * A module used only by the HTTP tests, registered the way real modules are: strict request
 * schemas, domain errors, an upload route with a raised body limit, an idempotent POST whose
 * handler can be held open, and a region-scoped read.
 */
export interface TestModuleControl {
  /** When set, the idempotent handler waits for this promise before answering. */
  gate: Promise<void> | undefined;
  /** Resolves when the idempotent handler has started. */
  entered: () => void;
  /** Times the idempotent handler really ran. */
  runs: number;
  /** When true the idempotent handler fails with a 500. */
  fail: boolean;
}

const Echo = z.strictObject({
  name: z.string().min(1),
  amount: z.number().int(),
  nested: z.strictObject({ city: z.string() }).optional(),
});

export function testModule(control: TestModuleControl): HttpModule {
  return {
    id: "testing",
    title: { zh: "测试模块", en: "Testing module" },
    registerApi(app) {
      app.openapi(
        createRoute({
          method: "post",
          path: "/testing/echo",
          tags: ["testing"],
          request: {
            query: z.strictObject({ limit: z.coerce.number().int().positive().optional() }),
            body: { required: true, content: { "application/json": { schema: Echo } } },
          },
          responses: {
            200: { description: "echo", content: { "application/json": { schema: Echo } } },
            ...problemResponses(400, 413, 415),
          },
        }),
        (c) => c.json(c.req.valid("json"), 200),
      );

      app.openapi(
        createRoute({
          method: "post",
          path: "/testing/rule",
          request: {
            body: {
              required: true,
              content: { "application/json": { schema: z.strictObject({ amount: z.number() }) } },
            },
          },
          responses: { 200: { description: "ok" }, ...problemResponses(422) },
        }),
        () => {
          throw new DomainError("amount must not exceed the cap", {
            ruleId: "TST-R01",
            field: "amount",
            detail: { cap: 500000 },
          });
        },
      );

      app.get("/testing/boom", () => {
        throw new Error("secret internals: password=hunter2 at db.example:5432");
      });

      app.post("/testing/upload", allowBodyUpTo(3 * 1024 * 1024), async (c) => {
        const bytes = (await c.req.arrayBuffer()).byteLength;
        return c.json({ bytes }, 200);
      });

      app.post("/testing/raw", async (c) => {
        const bytes = (await c.req.arrayBuffer()).byteLength;
        return c.json({ bytes }, 200);
      });

      app.openapi(
        createRoute({
          method: "post",
          path: "/testing/orders",
          middleware: [requireAuth(), idempotent()] as const,
          request: {
            body: { required: true, content: { "application/json": { schema: z.strictObject({ item: z.string() }) } } },
          },
          responses: {
            201: {
              description: "created",
              content: { "application/json": { schema: z.object({ run: z.number(), item: z.string() }) } },
            },
            ...problemResponses(400, 401, 409, 422),
          },
        }),
        async (c) => {
          control.runs += 1;
          const run = control.runs;
          control.entered();
          if (control.gate) await control.gate;
          if (control.fail) throw new Error("database went away");
          return c.json({ run, item: c.req.valid("json").item }, 201);
        },
      );

      app.openapi(
        createRoute({
          method: "get",
          path: "/testing/regions/{region}",
          middleware: [requireAuth("regulator", "institution_staff")] as const,
          request: { params: z.strictObject({ region: z.string().regex(/^\d{6}$/) }) },
          responses: {
            200: {
              description: "visible",
              content: { "application/json": { schema: z.object({ code: z.string(), name: z.string() }) } },
            },
            ...problemResponses(401, 403, 404),
          },
        }),
        (c) => {
          const region = regionFor(c, c.req.valid("param").region, "marketplace");
          return c.json({ code: region.code, name: region.name.en }, 200);
        },
      );
    },
  };
}

export function newControl(): TestModuleControl {
  return { gate: undefined, entered: () => {}, runs: 0, fail: false };
}
