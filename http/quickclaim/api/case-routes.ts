import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { DomainError, requireRole } from "../../../core/kernel/mod.ts";
import {
  addPhoto,
  getCase,
  reportAccident,
  signLetter,
  submitEvidence,
  submitPartyItems,
  submitSurvey,
} from "../../../core/quickclaim/mod.ts";
import type { App, AppEnv } from "../../env.ts";
import { principalOf, requireAuth } from "../../middleware/authenticate.ts";
import { allowBodyUpTo } from "../../middleware/body-limit.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { validationHook } from "../../problem/validation-hook.ts";
import { qcPath } from "../pages/qc-paths.ts";
import { API, callFor, degrees, fileBytes } from "./api-context.ts";
import { caseView } from "./case-view.ts";
import {
  CaseParams,
  ItemsBody,
  PartyParams,
  PhotoForm,
  PhotoParams,
  RegionParam,
  ReportBody,
  SignBody,
  SurveyBody,
} from "./request-schemas.ts";
import { CaseSummaryView, CaseView, PhotoResultView, ReportResultView, StatusView } from "./response-schemas.ts";
import { uploadLimit } from "./upload-limits.ts";

const tags = ["quickclaim"];
const security: Record<string, string[]>[] = [{ citizenSession: [] }, { apiKey: [] }];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });

/** 一次关注 and 两步操作: report, evidence (photos + five items), signatures, follow-up, case view. */
export function registerCaseRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases`,
      tags,
      security,
      summary: "一次关注: report a minor accident (a party signed in by one-time code, or a clerk / officer helping)",
      middleware: [requireAuth("citizen", "clerk", "police"), idempotent()] as const,
      request: { params: RegionParam, ...body(ReportBody) },
      responses: {
        201: { description: "Case opened", ...json(ReportResultView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { deps, p, region } = callFor(c, platform, c.req.valid("param").region);
      const r = await reportAccident(deps, c.req.valid("json"), p);
      const caseUrl = new URL(qcPath.case(region, r.caseId), c.req.url).toString();
      return c.json({ ...r, offlineReasons: [...r.offlineReasons], parties: [...r.parties], caseUrl }, 201);
    },
  );

  // GET …/cases/mine and GET …/cases/{caseId} put a literal and a parameter in the same place,
  // which hono's fast RegExpRouter cannot route (one such pair makes the whole app fall back to
  // its TrieRouter). So "mine" keeps its URL and is documented as its own operation, but it is
  // answered by a middleware of the {caseId} route, with the same checks in the same order:
  // signed in (401), a citizen (403), the region parameter (400), the caller's region (404).
  const mine = createRoute({
    method: "get",
    path: `${API}/cases/mine`,
    tags,
    security,
    summary: "The signed-in citizen's own cases (found by the blind index of the mobile), newest first",
    request: { params: RegionParam },
    responses: {
      200: { description: "Cases", ...json(z.object({ cases: z.array(CaseSummaryView) })) },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openAPIRegistry.registerPath(mine);
  const casesMine: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.param("caseId") !== "mine") return next();
    requireRole(principalOf(c), "citizen");
    const params = RegionParam.safeParse({ region: c.req.param("region") });
    if (!params.success) return validationHook({ success: false, error: params.error, target: "param" }, c);
    const { deps, p } = callFor(c, platform, params.data.region);
    const cases = p.subjectRef === undefined ? [] : await deps.queries.casesOfSubject(p.subjectRef);
    return c.json({ cases: cases.map((s) => ({ ...s, plates: [...s.plates] })) }, 200);
  };

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/cases/{caseId}`,
      tags,
      security,
      summary: "A case as the caller may see it (C2 data masked for anyone but its subject)",
      middleware: [requireAuth(), casesMine] as const,
      request: { params: CaseParams },
      responses: { 200: { description: "The case", ...json(CaseView) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(caseView(await getCase(deps, { caseId }, p)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/photos`,
      tags,
      security,
      summary:
        "Step 1: upload one guided photo (front, rear, collision) — JPEG/PNG/HEIC, size limit of the pack (QC-R02)",
      middleware: [requireAuth("citizen", "clerk"), allowBodyUpTo(uploadLimit(platform, 1)), idempotent()] as const,
      request: {
        params: CaseParams,
        body: { required: true, content: { "multipart/form-data": { schema: PhotoForm } } },
      },
      responses: {
        201: { description: "Photo stored", ...json(PhotoResultView) },
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const form = c.req.valid("form");
      const file = await fileBytes(form.photo, "photo");
      const point = { lat: degrees(form.lat, "lat"), lng: degrees(form.lng, "lng") };
      const r = await addPhoto(deps, { caseId, slot: form.slot, capturedAt: form.capturedAt, point, ...file }, p);
      return c.json({ ...r, flags: [...r.flags] }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/cases/{caseId}/photos/{photoId}`,
      tags,
      security,
      summary: "A photo of the case, for those who may see the case",
      middleware: [requireAuth()] as const,
      request: { params: PhotoParams },
      responses: {
        200: { description: "The image", content: { "image/*": { schema: z.string().openapi({ format: "binary" }) } } },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { region, caseId, photoId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const view = await getCase(deps, { caseId }, p);
      const photo = view.photos.find((ph) => ph.id === photoId);
      const found = photo && (await deps.photos.get(photo.storageKey));
      if (!photo || !found) throw new DomainError("photo not found", { ruleId: "KRN-R06", kind: "not_found" });
      c.header("Cache-Control", "private, max-age=300");
      return c.body(found.bytes as unknown as ArrayBuffer, 200, { "Content-Type": photo.contentType }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/parties/{partyId}/items`,
      tags,
      security,
      summary: "Step 1: a party's five items (plate, driver and licence, vehicle licence, insurer and policy, mobile)",
      middleware: [requireAuth("citizen", "clerk"), idempotent()] as const,
      request: { params: PartyParams, ...body(ItemsBody) },
      responses: {
        200: { description: "Items recorded", ...json(z.object({ partyId: z.string() })) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId, partyId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(await submitPartyItems(deps, { caseId, partyId, items: c.req.valid("json") }, p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/evidence`,
      tags,
      security,
      summary:
        "Step 1 done: submit the evidence (all 3 photos and every party's 5 items, QC-R02); the parties may leave",
      middleware: [requireAuth("citizen", "clerk"), idempotent()] as const,
      request: { params: CaseParams },
      responses: {
        200: { description: "Submitted", ...json(StatusView) },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(await submitEvidence(deps, { caseId }, p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/signatures`,
      tags,
      security,
      summary: "Step 2: sign (agree or dispute) the determination letter's exact content hash (QC-R04)",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: CaseParams, ...body(SignBody) },
      responses: {
        200: { description: "Signed", ...json(StatusView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await signLetter(deps, { caseId, ...c.req.valid("json") }, p);
      return c.json({ ...r, waitingFor: [...r.waitingFor] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/survey`,
      tags,
      security,
      summary: "回访: after payment, each party answers once (satisfied or not, a suggestion)",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: CaseParams, ...body(SurveyBody) },
      responses: {
        201: { description: "Answer recorded", ...json(z.object({ surveyId: z.string() })) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(await submitSurvey(deps, { caseId, ...c.req.valid("json") }, p), 201);
    },
  );
}
