import { createRoute } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, security, tags } from "./api-context.ts";
import { JobBody, RegionParam } from "./request-schemas.ts";
import { JobView } from "./response-schemas-report.ts";

/**
 * Operators' sweeps (also run on a timer by adapters/marketplace/marketplace-jobs.ts): mark
 * consents past their expiry EXPIRED, and drop pushed content whose data life has ended (MKT-R01).
 */
export function registerJobRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/jobs/expire-consents`,
      tags,
      security,
      summary: "Mark ACTIVE consents past their expiry as EXPIRED (checks never wait for it)",
      middleware: [requireAuth("platform_admin"), idempotent({ required: false })] as const,
      request: { params: RegionParam, body: { required: true, ...json(JobBody) } },
      responses: { 200: { description: "How many", ...json(JobView) }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(await uc.expireConsents.execute(c.req.valid("json"), p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/jobs/purge-pushed-data`,
      tags,
      security,
      summary: "Drop the content of pushes past their data life; the push-log lines stay (MKT-R01/R03)",
      middleware: [requireAuth("platform_admin"), idempotent({ required: false })] as const,
      request: { params: RegionParam, body: { required: true, ...json(JobBody) } },
      responses: { 200: { description: "How many", ...json(JobView) }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(await uc.purgeExpiredPushedData.execute(c.req.valid("json"), p), 200);
    },
  );
}
