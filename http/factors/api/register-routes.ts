import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import {
  activateFactor,
  confirmFactor,
  formMarineBundle,
  getFactorHistory,
  lodgeObjection,
  registerFactor,
  resolveObjection,
  submitFactor,
  valueCollateral,
} from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor } from "./api-context.ts";
import {
  BundleBody,
  DecisionBody,
  EmptyBody,
  FactorParams,
  ObjectionBody,
  ObjectionParams,
  RegionParam,
  RegisterFactorBody,
  SubmitBody,
  ValuationBody,
} from "./request-schemas.ts";
import { body, json, mutating, post, security, tags } from "./route-kit.ts";
import { LienWire, lienWire } from "./wire-lending.ts";
import { fenOf } from "./wire-money.ts";
import {
  BundleWire,
  bundleWire,
  EventWire,
  eventWire,
  FactorWire,
  factorWire,
  ObjectionWire,
  objectionWire,
  ValuationWire,
  valuationWire,
} from "./wire-register.ts";

const Outcome = z.enum(["publicised", "rejected", "awaiting_department", "awaiting_registry"]);
const FactorOutcome = z.object({ factor: FactorWire, outcome: Outcome }).openapi("FactorOutcome");
const ObjectionResult = z.object({ objection: ObjectionWire, factor: FactorWire }).openapi("ObjectionResult");
const History = z
  .object({
    factor: FactorWire,
    events: z.array(EventWire),
    liens: z.array(LienWire),
    objections: z.array(ObjectionWire),
    valuation: ValuationWire.nullable(),
  })
  .openapi("FactorHistory");

/** 登记 → 确权 → 公示 → 生效, 三权合一, 评估, and a factor's full history and liens. */
export function registerRegisterRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...post(
        "/factors",
        "登记: register a factor as a draft (holder ID checked, kept encrypted; evidence by upload id; a citizen registers only a holder proved on the account by 实名认证, else 403 FAC-R01)",
        ["citizen", "clerk", "institution_staff", "platform_admin"],
      ),
      request: { params: RegionParam, ...body(RegisterFactorBody) },
      responses: { 201: { description: "Draft registered", ...json(FactorWire) }, ...mutating },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const input = c.req.valid("json");
      await deps.evidence.assertOwnUploads(deps.regionCode, p.id, input.evidence ?? []);
      return c.json(factorWire(await registerFactor(deps, p, input)), 201);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/factors/{factorId}/submit",
        "FAC-R01 submit for confirmation: the registry (or the county's department) is asked",
        ["citizen", "clerk", "institution_staff", "platform_admin"],
      ),
      request: { params: FactorParams, ...body(SubmitBody) },
      responses: {
        200: { description: "Publicised, or waiting for the registry", ...json(FactorOutcome) },
        ...mutating,
      },
    }),
    async (c) => {
      const { region, factorId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const { evidence } = c.req.valid("json");
      if (evidence) await deps.evidence.assertOwnUploads(deps.regionCode, p.id, evidence);
      const r = await submitFactor(deps, p, { factorId, ...(evidence ? { evidence } : {}) });
      return c.json({ factor: factorWire(r.factor), outcome: r.outcome }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/factors/{factorId}/confirm", "FAC-R01 follow up a submitted factor: the registry's answer now", [
        "citizen",
        "clerk",
        "institution_staff",
        "regulator",
        "platform_admin",
      ]),
      request: { params: FactorParams, ...body(EmptyBody) },
      responses: { 200: { description: "Outcome", ...json(FactorOutcome) }, ...mutating },
    }),
    async (c) => {
      const { region, factorId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await confirmFactor(deps, p, { factorId });
      return c.json({ factor: factorWire(r.factor), outcome: r.outcome }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/factors/{factorId}/objections", "FAC-R02 异议: object during public notice, with grounds", []),
      request: { params: FactorParams, ...body(ObjectionBody) },
      responses: {
        201: { description: "Objection lodged; the factor is disputed", ...json(ObjectionResult) },
        ...mutating,
      },
    }),
    async (c) => {
      const { region, factorId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await lodgeObjection(deps, p, { factorId, grounds: c.req.valid("json").grounds });
      return c.json({ objection: objectionWire(r.objection), factor: factorWire(r.factor) }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...post("/factors/{factorId}/objections/{objectionId}/decision", "FAC-R02 the county decides an objection", [
        "regulator",
        "platform_admin",
      ]),
      request: { params: ObjectionParams, ...body(DecisionBody) },
      responses: { 200: { description: "Decided", ...json(ObjectionResult) }, ...mutating },
    }),
    async (c) => {
      const { region, factorId, objectionId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await resolveObjection(deps, p, { factorId, objectionId, ...c.req.valid("json") });
      return c.json({ objection: objectionWire(r.objection), factor: factorWire(r.factor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/factors/{factorId}/activate", "FAC-R02 activate once the notice has run without objection", []),
      request: { params: FactorParams, ...body(EmptyBody) },
      responses: { 200: { description: "Active", ...json(FactorWire) }, ...mutating },
    }),
    async (c) => {
      const { region, factorId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(factorWire(await activateFactor(deps, p, { factorId })), 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/bundles", "FAC-R03 三权合一: bind sea-area use, fish raft and aquaculture right of one site", [
        "citizen",
        "clerk",
        "institution_staff",
        "platform_admin",
      ]),
      request: { params: RegionParam, ...body(BundleBody) },
      responses: {
        201: { description: "Bundle formed", ...json(z.object({ bundle: BundleWire, factors: z.array(FactorWire) })) },
        ...mutating,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const r = await formMarineBundle(deps, p, c.req.valid("json"));
      return c.json({ bundle: bundleWire(r.bundle), factors: r.factors.map(factorWire) }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/valuations",
        "FAC-R04 value a factor or a whole bundle (self-assessment, appraiser, or verified revenue)",
        [],
      ),
      request: { params: RegionParam, ...body(ValuationBody) },
      responses: { 201: { description: "Valuation recorded", ...json(ValuationWire) }, ...mutating },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const { monthlyRevenueYuan, ...rest } = c.req.valid("json");
      const monthlyRevenueFen = monthlyRevenueYuan?.map((y, k) => fenOf(y, `monthlyRevenueYuan.${k}`));
      const v = await valueCollateral(deps, p, { ...rest, ...(monthlyRevenueFen ? { monthlyRevenueFen } : {}) });
      return c.json(valuationWire(v), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/factors/{factorId}`,
      tags,
      security,
      summary: "A factor's full history (never rewritten), its liens by rank (FAC-R06), objections and valuation",
      middleware: [requireAuth()] as const,
      request: { params: FactorParams },
      responses: { 200: { description: "History and liens", ...json(History) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, factorId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const h = await getFactorHistory(deps, p, { factorId });
      return c.json(
        {
          factor: factorWire(h.factor),
          events: h.events.map(eventWire),
          liens: h.liens.map(lienWire),
          objections: h.objections.map(objectionWire),
          valuation: h.valuation ? valuationWire(h.valuation) : null,
        },
        200,
      );
    },
  );
}
