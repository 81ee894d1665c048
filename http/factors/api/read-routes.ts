import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import {
  getDashboard,
  listCountyQueue,
  listCreditProducts,
  listInstitutionQueue,
  listMarket,
  listMyWork,
} from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import { CountyQuery, DashboardQuery, LimitQuery, RegionParam } from "./request-schemas.ts";
import { get, json } from "./route-kit.ts";
import {
  ApplicationWire,
  applicationWire,
  LoanWire,
  LossWire,
  loanWire,
  lossWire,
  ProductWire,
  productWire,
} from "./wire-lending.ts";
import {
  DashboardWire,
  DisposalWire,
  dashboardWire,
  disposalWire,
  ListingWire,
  listingWire,
  PublicFactorWire,
  PublicNoticeWire,
  publicFactorWire,
  publicNoticeWire,
} from "./wire-market.ts";
import { FactorWire, factorWire } from "./wire-register.ts";

const reads = problemResponses(400, 401, 403, 404, 422);

/** Work lists (my factors, the bank's queue, the county desk), the market, products and dashboards. */
export function registerReadRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...get("/mine", "我的要素: the factors you registered and the applications you made"),
      request: { params: RegionParam, query: LimitQuery },
      responses: {
        200: {
          description: "Your work",
          ...json(z.object({ factors: z.array(FactorWire), applications: z.array(ApplicationWire) }).openapi("MyWork")),
        },
        ...reads,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const w = await listMyWork(deps, p, c.req.valid("query"));
      return c.json({ factors: w.factors.map(factorWire), applications: w.applications.map(applicationWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...get("/institution-queue", "A bank's queue: applications, loans, disposals, consent requests, losses", [
        "institution_staff",
        "institution_admin",
      ]),
      request: { params: RegionParam, query: LimitQuery },
      responses: {
        200: {
          description: "Queue",
          ...json(
            z
              .object({
                applications: z.array(ApplicationWire),
                loans: z.array(LoanWire),
                disposals: z.array(DisposalWire),
                consentRequests: z.array(ListingWire),
                losses: z.array(LossWire),
              })
              .openapi("InstitutionQueue"),
          ),
        },
        ...reads,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = await listInstitutionQueue(deps, p, c.req.valid("query"));
      return c.json(
        {
          applications: q.applications.map(applicationWire),
          loans: q.loans.map(loanWire),
          disposals: q.disposals.map(disposalWire),
          consentRequests: q.consentRequests.map(listingWire),
          losses: q.losses.map(lossWire),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...get("/county-queue", "The county desk: waiting for confirmation, on notice, disputed, sales to register", [
        "regulator",
        "platform_admin",
      ]),
      request: { params: RegionParam, query: CountyQuery },
      responses: {
        200: {
          description: "Desk",
          ...json(
            z
              .object({
                awaitingConfirmation: z.array(FactorWire),
                onNotice: z.array(FactorWire),
                disputed: z.array(FactorWire),
                salesAwaitingRegistration: z.array(ListingWire),
              })
              .openapi("CountyQueue"),
          ),
        },
        ...reads,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = await listCountyQueue(deps, p, c.req.valid("query"));
      return c.json(
        {
          awaitingConfirmation: q.awaitingConfirmation.map(factorWire),
          onNotice: q.onNotice.map(factorWire),
          disputed: q.disputed.map(factorWire),
          salesAwaitingRegistration: q.salesAwaitingRegistration.map(listingWire),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...get(
        "/market",
        "流转交易市场: open transfer and disposal listings, products on offer, factors on public notice",
      ),
      request: { params: RegionParam, query: CountyQuery },
      responses: {
        200: {
          description: "Market",
          ...json(
            z
              .object({
                transfers: z.array(ListingWire),
                disposals: z.array(DisposalWire),
                products: z.array(ProductWire),
                notices: z.array(PublicNoticeWire),
                listed: z.record(z.string(), PublicFactorWire),
              })
              .openapi("Market"),
          ),
        },
        ...reads,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const m = await listMarket(deps, p, c.req.valid("query"));
      return c.json(
        {
          transfers: m.transfers.map(listingWire),
          disposals: m.disposals.map(disposalWire),
          products: m.products.map(productWire),
          notices: m.notices.map(publicNoticeWire),
          listed: Object.fromEntries(Object.entries(m.listed).map(([id, f]) => [id, publicFactorWire(f)])),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...get("/products", "FAC-R11 the region's credit products on offer"),
      request: { params: RegionParam },
      responses: { 200: { description: "Products", ...json(z.object({ products: z.array(ProductWire) })) }, ...reads },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json({ products: (await listCreditProducts(deps, p)).map(productWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...get(
        "/dashboard",
        "County / city dashboard for a period: entities financed, balances, disposals, losses by party",
        ["regulator", "platform_admin"],
      ),
      request: { params: RegionParam, query: DashboardQuery },
      responses: {
        200: { description: "Figures computed from the platform's data", ...json(DashboardWire) },
        ...reads,
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = c.req.valid("query");
      return c.json(dashboardWire(await getDashboard(deps, p, { ...q, countyCode: q.countyCode ?? null })), 200);
    },
  );
}
