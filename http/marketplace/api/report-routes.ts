import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, security, tags } from "./api-context.ts";
import { FiguresQuery, RegionParam, ReportQuery, SnapshotBody, SnapshotQuery } from "./request-schemas.ts";
import { FiguresView, ReportAnswerView, SnapshotView } from "./response-schemas-report.ts";
import { figuresWire, reportAnswerWire, snapshotWire } from "./wire-report.ts";

const READERS = ["regulator", "institution_staff", "institution_admin", "platform_admin"] as const;

/** 银行机构对接实时通报 (MKT-R04/R05/R09), 定期通报 notices, and the outcome figures. */
export function registerReportRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/report`,
      tags,
      security,
      summary:
        "The real-time institution report: pending, overdue for contact, long unfinished, instant fallbacks — and one column's list (the work queue)",
      description:
        "Regulators see every institution of the region (optionally one); institution staff only their own row and applications (MKT-R09). Deadlines follow the region's working-day calendar.",
      middleware: [requireAuth(...READERS)] as const,
      request: { params: RegionParam, query: ReportQuery },
      responses: {
        200: { description: "The report at this moment", ...json(ReportAnswerView) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(reportAnswerWire(await uc.getInstitutionReport.execute(c.req.valid("query"), p), p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/report/snapshots`,
      tags,
      security,
      summary: "Freeze the live report into a numbered notice for a period (定期通报; the region's regulators)",
      middleware: [requireAuth("regulator", "platform_admin"), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(SnapshotBody) } },
      responses: {
        201: { description: "The notice", ...json(SnapshotView) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(snapshotWire(await uc.takeReportSnapshot.execute(c.req.valid("json"), p)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/report/snapshots`,
      tags,
      security,
      summary: "Earlier notices, newest first",
      middleware: [requireAuth(...READERS)] as const,
      request: { params: RegionParam, query: SnapshotQuery },
      responses: {
        200: { description: "Notices", ...json(z.object({ items: z.array(SnapshotView) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const limit = c.req.valid("query").limit;
      const list = await uc.takeReportSnapshot.list(limit !== undefined ? { limit } : undefined, p);
      return c.json({ items: list.map(snapshotWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/figures`,
      tags,
      security,
      summary:
        "Financings, first-loan borrowers, amount granted and average per financing — by institution, product, special action or month",
      middleware: [requireAuth(...READERS)] as const,
      request: { params: RegionParam, query: FiguresQuery },
      responses: {
        200: { description: "Figures", ...json(FiguresView) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(figuresWire(await uc.getFigures.execute(c.req.valid("query"), p)), 200);
    },
  );
}
