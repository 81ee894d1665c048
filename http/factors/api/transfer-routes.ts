import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import {
  awardTransfer,
  consentToTransfer,
  getTransferListing,
  listForTransfer,
  placeBid,
  registerTransfer,
} from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import { BidBody, EmptyBody, ListingBody, ListingParams, RegionParam } from "./request-schemas.ts";
import { body, get, json, mutating, post } from "./route-kit.ts";
import { BidWire, bidWire, ListingWire, listingWire, PublicFactorWire, publicFactorWire } from "./wire-market.ts";
import { fenOf } from "./wire-money.ts";
import { FactorWire, factorWire } from "./wire-register.ts";

const BidResult = z.object({ bid: BidWire, listingId: z.string() }).openapi("BidResult");
const ListingDetail = z
  .object({
    listing: ListingWire,
    factors: z.array(PublicFactorWire),
    viewer: z.object({
      holder: z.boolean(),
      consentMissing: z.array(z.string()),
      liensWithoutConsent: z.number(),
      official: z.boolean(),
    }),
  })
  .openapi("TransferListingDetail");
const staff = ["institution_staff", "institution_admin", "platform_admin"] as const;
const bidders = ["citizen", "clerk", "institution_staff", "institution_admin", "platform_admin"] as const;

/** FAC-R10 transfer (流转): listings for lease or sale, bids, lien holders' consent, award, change of holder. */
export function registerTransferRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...post("/listings", "FAC-R10 流转挂牌: list a factor or a whole bundle for lease or sale", [
        "citizen",
        "clerk",
        "institution_staff",
        "platform_admin",
      ]),
      request: { params: RegionParam, ...body(ListingBody) },
      responses: { 201: { description: "Listed", ...json(ListingWire) }, ...mutating },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const { reservePriceYuan, ...rest } = c.req.valid("json");
      const l = await listForTransfer(deps, p, {
        ...rest,
        reservePriceFen: fenOf(reservePriceYuan, "reservePriceYuan"),
      });
      return c.json(listingWire(l), 201);
    },
  );

  app.openapi(
    createRoute({
      ...get("/listings/{listingId}", "A transfer listing as its public notice shows it, and what you may do with it"),
      request: { params: ListingParams },
      responses: { 200: { description: "Listing", ...json(ListingDetail) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, listingId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const d = await getTransferListing(deps, p, { listingId });
      return c.json(
        {
          listing: listingWire(d.listing),
          factors: d.factors.map(publicFactorWire),
          viewer: { ...d.viewer, consentMissing: [...d.viewer.consentMissing] },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...post("/listings/{listingId}/bids", "Bid on a transfer listing", [...bidders]),
      request: { params: ListingParams, ...body(BidBody) },
      responses: { 201: { description: "Bid placed", ...json(BidResult) }, ...mutating },
    }),
    async (c) => {
      const { region, listingId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const r = await placeBid(deps, p, {
        listing: "transfer",
        listingId,
        amountFen: fenOf(b.amountYuan, "amountYuan"),
        bidder: b.bidder,
      });
      return c.json({ bid: bidWire(r.bid), listingId: r.listingId }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/listings/{listingId}/consent",
        "FAC-R10 a lien holder consents to the transfer (its lien follows the factor)",
        [...staff],
      ),
      request: { params: ListingParams, ...body(EmptyBody) },
      responses: { 200: { description: "Consented", ...json(ListingWire) }, ...mutating },
    }),
    async (c) => {
      const { region, listingId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(listingWire(await consentToTransfer(deps, p, { listingId })), 200);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/listings/{listingId}/award",
        "FAC-R10 award to the highest bid after closing (every lien holder must have consented)",
        [],
      ),
      request: { params: ListingParams, ...body(EmptyBody) },
      responses: {
        200: { description: "Awarded", ...json(z.object({ listing: ListingWire, factors: z.array(FactorWire) })) },
        ...mutating,
      },
    }),
    async (c) => {
      const { region, listingId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await awardTransfer(deps, p, { listingId });
      return c.json({ listing: listingWire(r.listing), factors: r.factors.map(factorWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...post("/listings/{listingId}/registration", "FAC-R01/R10 the registry records the buyer of an awarded sale", [
        "regulator",
        "platform_admin",
      ]),
      request: { params: ListingParams, ...body(EmptyBody) },
      responses: {
        200: {
          description: "Registered, or waiting for the registry",
          ...json(
            z.object({
              factors: z.array(FactorWire),
              outcome: z.enum(["registered", "awaiting_registry", "awaiting_department"]),
            }),
          ),
        },
        ...mutating,
      },
    }),
    async (c) => {
      const { region, listingId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await registerTransfer(deps, p, { listingId });
      return c.json({ factors: r.factors.map(factorWire), outcome: r.outcome }, 200);
    },
  );
}
