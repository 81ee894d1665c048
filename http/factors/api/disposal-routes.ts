import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { allocateLoss, completeDisposal, getDisposal, placeBid, startDisposal } from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import {
  BidBody,
  CompleteDisposalBody,
  DisposalParams,
  EmptyBody,
  LoanParams,
  StartDisposalBody,
} from "./request-schemas.ts";
import { body, get, json, mutating, post } from "./route-kit.ts";
import { LossWire, lossWire } from "./wire-lending.ts";
import {
  BidWire,
  bidWire,
  DeliveryWire,
  DisposalWire,
  deliveryWire,
  disposalWire,
  PublicFactorWire,
  publicFactorWire,
  WaterfallWire,
  waterfallWire,
} from "./wire-market.ts";
import { fenOf } from "./wire-money.ts";

const BidResult = z.object({ bid: BidWire, listingId: z.string() }).openapi("BidResult");
const DisposalDetail = z
  .object({
    disposal: DisposalWire,
    factors: z.array(PublicFactorWire),
    party: z.boolean(),
    bank: z.boolean(),
    deliveries: z.array(DeliveryWire),
  })
  .openapi("DisposalDetail");
const staff = ["institution_staff", "institution_admin", "platform_admin"] as const;
const bidders = ["citizen", "clerk", "institution_staff", "institution_admin", "platform_admin"] as const;

/** FAC-R07/R08 disposal (start, bids, completion with the 优先受偿 waterfall) and FAC-R09 loss sharing. */
export function registerDisposalRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...post(
        "/loans/{loanId}/disposals",
        "FAC-R08 start disposal: listing, auction, or the county collection company's buy-out (≥ 70 %)",
        [...staff],
      ),
      request: { params: LoanParams, ...body(StartDisposalBody) },
      responses: { 201: { description: "Disposal started", ...json(DisposalWire) }, ...mutating },
    }),
    async (c) => {
      const { region, loanId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const { reservePriceYuan, ...rest } = c.req.valid("json");
      const d = await startDisposal(deps, p, {
        loanId,
        ...rest,
        ...(reservePriceYuan !== undefined ? { reservePriceFen: fenOf(reservePriceYuan, "reservePriceYuan") } : {}),
      });
      return c.json(disposalWire(d), 201);
    },
  );

  app.openapi(
    createRoute({
      ...get("/disposals/{disposalId}", "A disposal (its parties see the 优先受偿 distribution; a listing is public)"),
      request: { params: DisposalParams },
      responses: { 200: { description: "Disposal", ...json(DisposalDetail) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, disposalId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const d = await getDisposal(deps, p, { disposalId });
      return c.json(
        {
          disposal: disposalWire(d.disposal),
          factors: d.factors.map(publicFactorWire),
          party: d.party,
          bank: d.bank,
          deliveries: d.party ? (await deps.deliveries([d.disposal.id])).map(deliveryWire) : [],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/disposals/{disposalId}/bids",
        "Bid on a disposal by public listing (at or above its reserve, while open)",
        [...bidders],
      ),
      request: { params: DisposalParams, ...body(BidBody) },
      responses: { 201: { description: "Bid placed", ...json(BidResult) }, ...mutating },
    }),
    async (c) => {
      const { region, disposalId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const r = await placeBid(deps, p, {
        listing: "disposal",
        listingId: disposalId,
        amountFen: fenOf(b.amountYuan, "amountYuan"),
        bidder: b.bidder,
      });
      return c.json({ bid: bidWire(r.bid), listingId: r.listingId }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...post("/disposals/{disposalId}/completion", "FAC-R07 优先受偿: close the disposal and apply its proceeds", [
        ...staff,
      ]),
      request: { params: DisposalParams, ...body(CompleteDisposalBody) },
      responses: {
        200: { description: "Completed", ...json(z.object({ disposal: DisposalWire, waterfall: WaterfallWire })) },
        ...mutating,
      },
    }),
    async (c) => {
      const { region, disposalId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const r = await completeDisposal(deps, p, {
        disposalId,
        costsFen: fenOf(b.costsYuan, "costsYuan"),
        ...(b.auctionProceedsYuan !== undefined
          ? { auctionProceedsFen: fenOf(b.auctionProceedsYuan, "auctionProceedsYuan") }
          : {}),
        ...(b.auctionBuyer !== undefined ? { auctionBuyer: b.auctionBuyer } : {}),
      });
      return c.json({ disposal: disposalWire(r.disposal), waterfall: waterfallWire(r.waterfall) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/loans/{loanId}/loss-allocation", "FAC-R09 政银保担: share the loss after disposal, exact to the fen", [
        ...staff,
      ]),
      request: { params: LoanParams, ...body(EmptyBody) },
      responses: { 201: { description: "Loss shared", ...json(LossWire) }, ...mutating },
    }),
    async (c) => {
      const { region, loanId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(lossWire(await allocateLoss(deps, p, { loanId })), 201);
    },
  );
}
