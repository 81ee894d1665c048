import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { parseYuan } from "../../../core/kernel/mod.ts";
import {
  assessLoss,
  determineLiability,
  getFigures,
  listAdjusterQueue,
  listPoliceQueue,
  lookupSurveillance,
  moveOffline,
} from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor } from "./api-context.ts";
import { AssessmentBody, CaseParams, DeterminationBody, OfflineBody, RegionParam } from "./request-schemas.ts";
import {
  AssessmentResultView,
  CaseSummaryView,
  ClaimSummaryView,
  FiguresView,
  StatusView,
} from "./response-schemas.ts";
import { yuanView } from "./yuan-view.ts";

const tags = ["quickclaim"];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { citizenSession: [] }];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });
const Limit = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });

/** Police desk (在线认定), adjusters (定损) and the regulator's figures (QC-R08). */
export function registerStaffRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/police/queue`,
      tags,
      security,
      summary: "交警在线认定 queue: cases waiting for determination or signatures, oldest first",
      middleware: [requireAuth("police")] as const,
      request: { params: RegionParam, query: Limit },
      responses: {
        200: { description: "Queue", ...json(z.object({ cases: z.array(CaseSummaryView) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const cases = await listPoliceQueue(deps, c.req.valid("query"), p);
      return c.json({ cases: cases.map((s) => ({ ...s, plates: [...s.plates] })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/video-lookups`,
      tags,
      security,
      summary: "调取监控: surveillance clips near the accident's time and place (TrafficVideo)",
      middleware: [requireAuth("police"), idempotent()] as const,
      request: { params: CaseParams },
      responses: {
        200: {
          description: "Clips",
          ...json(z.object({ clips: z.array(z.looseObject({ clipId: z.string(), cameraId: z.string() })) })),
        },
        ...problemResponses(401, 403, 404, 503),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await lookupSurveillance(deps, { caseId }, p);
      return c.json({ clips: [...r.clips] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/determination`,
      tags,
      security,
      summary:
        "在线认定: liability by accident form (QC-R03 suggestion, override with reason) and the electronic letter",
      middleware: [requireAuth("police"), idempotent()] as const,
      request: { params: CaseParams, ...body(DeterminationBody) },
      responses: {
        200: {
          description: "Letter issued (or the case moved offline by a finding)",
          ...json(
            z.object({
              status: z.string(),
              letter: z.looseObject({ number: z.string(), contentHash: z.string() }).nullable(),
            }),
          ),
        },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await determineLiability(deps, { caseId, ...c.req.valid("json") }, p);
      const view = { status: r.status, letter: r.letter, offlineReasons: r.offlineReasons };
      return c.json(yuanView(view) as { status: string; letter: { number: string; contentHash: string } | null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/offline`,
      tags,
      security,
      summary: "转线下: send a case to its service centre with a reason (everything signed is kept)",
      middleware: [requireAuth("police", "clerk", "platform_admin"), idempotent()] as const,
      request: { params: CaseParams, ...body(OfflineBody) },
      responses: {
        200: { description: "Offline", ...json(StatusView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(await moveOffline(deps, { caseId, ...c.req.valid("json") }, p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/adjuster/queue`,
      tags,
      security,
      summary: "值班查勘员 queue: open claims of cases involving the adjuster's insurer",
      middleware: [requireAuth("adjuster")] as const,
      request: { params: RegionParam, query: Limit },
      responses: {
        200: { description: "Queue", ...json(z.object({ claims: z.array(ClaimSummaryView) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const claims = await listAdjusterQueue(deps, c.req.valid("query"), p);
      return c.json({ claims: yuanView(claims) as z.infer<typeof ClaimSummaryView>[] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/assessment`,
      tags,
      security,
      summary:
        "定损: the assessed loss of every party; the payout is computed (QC-R05 交强险 first, QC-R06 互碰自赔); losses over the QC-R01 caps move the case offline",
      middleware: [requireAuth("adjuster", "platform_admin"), idempotent()] as const,
      request: { params: CaseParams, ...body(AssessmentBody) },
      responses: {
        200: { description: "Payout plan", ...json(AssessmentResultView) },
        ...problemResponses(400, 401, 403, 404, 409, 422, 503),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const losses = c.req.valid("json").losses.map((l, i) => ({
        partyId: l.partyId,
        vehicleFen: parseYuan(l.vehicleYuan, `losses[${i}].vehicleYuan`),
        otherPropertyFen: parseYuan(l.otherPropertyYuan ?? "0", `losses[${i}].otherPropertyYuan`),
        medicalFen: parseYuan(l.medicalYuan ?? "0", `losses[${i}].medicalYuan`),
      }));
      const r = await assessLoss(deps, { caseId, losses }, p);
      return c.json(yuanView(r) as z.infer<typeof AssessmentResultView>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/figures`,
      tags,
      security,
      summary: "QC-R08 成效指标 per region, centre or county for accidents reported between two dates",
      middleware: [requireAuth("regulator", "clerk", "platform_admin")] as const,
      request: {
        params: RegionParam,
        query: z.strictObject({
          from: z.string().openapi({ example: "2026-03-01" }),
          to: z.string().openapi({ example: "2026-03-31" }),
          groupBy: z.enum(["region", "centre", "county"]).optional(),
          area: z
            .string()
            .regex(/^\d{6}$/)
            .optional()
            .openapi({ description: "a county of the region; default the region" }),
        }),
      },
      responses: {
        200: { description: "Figures", ...json(FiguresView) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const q = c.req.valid("query");
      const rows = await getFigures(
        deps,
        { regionCode: q.area ?? region, from: q.from, to: q.to, groupBy: q.groupBy ?? "region" },
        p,
      );
      return c.json({ rows: rows.map((r) => ({ ...r, recentSuggestions: [...r.recentSuggestions] })) }, 200);
    },
  );
}
