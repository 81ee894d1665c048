import { z } from "@hono/zod-openapi";
import type { DeliveryState } from "../../../adapters/factors/deliveries-query.ts";
import type {
  BidView,
  Dashboard,
  DisposalView,
  PublicFactor,
  PublicNotice,
  TransferListingView,
  Waterfall,
} from "../../../core/factors/mod.ts";
import { formatQuantity } from "../../../core/factors/mod.ts";
import { moneyKeysToYuan, publicActor, yuan, yuanOrNull } from "./wire-money.ts";

/** Wire views of the market (listings, bids, disposals), the waterfall, dashboards and deliveries. */
export const BidWire = z
  .object({
    id: z.string(),
    bidderKind: z.string(),
    bidderName: z.string().openapi({ description: "masked" }),
    placedBy: z.string(),
    amountYuan: z.string(),
    placedAt: z.string(),
  })
  .openapi("Bid");

export function bidWire(b: BidView): z.infer<typeof BidWire> {
  return {
    id: b.id,
    bidderKind: b.bidderKind,
    bidderName: b.bidderName,
    placedBy: publicActor(b.placedBy),
    amountYuan: yuan(b.amount),
    placedAt: b.placedAt,
  };
}

export const ListingWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    unitId: z.string(),
    factorIds: z.array(z.string()),
    kind: z.string(),
    reservePriceYuan: z.string(),
    leaseFrom: z.string().nullable(),
    leaseTo: z.string().nullable(),
    opensOn: z.string(),
    closesOn: z.string(),
    status: z.string(),
    bids: z.array(BidWire),
    consents: z.array(z.string()),
    awardedBidId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("TransferListing");

export function listingWire(l: TransferListingView): z.infer<typeof ListingWire> {
  return {
    id: l.id,
    countyCode: l.countyCode,
    unitId: l.unitId,
    factorIds: [...l.factorIds],
    kind: l.kind,
    reservePriceYuan: yuan(l.reservePrice),
    leaseFrom: l.leaseFrom,
    leaseTo: l.leaseTo,
    opensOn: l.opensOn,
    closesOn: l.closesOn,
    status: l.status,
    bids: l.bids.map(bidWire),
    consents: [...l.consents],
    awardedBidId: l.awardedBidId,
    createdAt: l.createdAt,
  };
}

export const DisposalWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    unitId: z.string(),
    factorIds: z.array(z.string()),
    loanId: z.string(),
    bankId: z.string(),
    channel: z.string(),
    startedOn: z.string(),
    closesOn: z.string().nullable(),
    reservePriceYuan: z.string(),
    valuationValueYuan: z.string(),
    buyOut: z.object({ companyId: z.string(), offerYuan: z.string(), offerRef: z.string() }).nullable(),
    bids: z.array(BidWire),
    status: z.string(),
    proceedsYuan: z.string().nullable(),
    costsYuan: z.string().nullable(),
    distribution: z.record(z.string(), z.unknown()).nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Disposal");

export function disposalWire(d: DisposalView): z.infer<typeof DisposalWire> {
  return {
    id: d.id,
    countyCode: d.countyCode,
    unitId: d.unitId,
    factorIds: [...d.factorIds],
    loanId: d.loanId,
    bankId: d.bankId,
    channel: d.channel,
    startedOn: d.startedOn,
    closesOn: d.closesOn,
    reservePriceYuan: yuan(d.reservePrice),
    valuationValueYuan: yuan(d.valuationValue),
    buyOut: d.buyOut
      ? { companyId: d.buyOut.companyId, offerYuan: yuan(d.buyOut.offer), offerRef: d.buyOut.offerRef }
      : null,
    bids: d.bids.map(bidWire),
    status: d.status,
    proceedsYuan: yuanOrNull(d.proceeds),
    costsYuan: yuanOrNull(d.costs),
    distribution: d.distribution ? (moneyKeysToYuan(d.distribution) as Record<string, unknown>) : null,
    completedAt: d.completedAt,
    createdAt: d.createdAt,
  };
}

export const WaterfallWire = z
  .object({
    proceedsYuan: z.string(),
    costsYuan: z.string(),
    liens: z.array(
      z.object({ lienId: z.string(), interestYuan: z.string(), principalYuan: z.string(), shortfallYuan: z.string() }),
    ),
    offPlatform: z.array(z.object({ id: z.string(), paidYuan: z.string(), shortfallYuan: z.string() })),
    holderYuan: z.string(),
  })
  .openapi("Waterfall", {
    description: "FAC-R07 优先受偿: costs, platform liens by rank, off-platform claims, holder",
  });

export function waterfallWire(w: Waterfall): z.infer<typeof WaterfallWire> {
  return {
    proceedsYuan: yuan(w.proceeds),
    costsYuan: yuan(w.costs),
    liens: w.liens.map((l) => ({
      lienId: l.lienId,
      interestYuan: yuan(l.interest),
      principalYuan: yuan(l.principal),
      shortfallYuan: yuan(l.shortfall),
    })),
    offPlatform: w.offPlatform.map((o) => ({ id: o.id, paidYuan: yuan(o.paid), shortfallYuan: yuan(o.shortfall) })),
    holderYuan: yuan(w.holder),
  };
}

export const PublicFactorWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    typeCode: z.string(),
    title: z.string(),
    location: z.string(),
    quantity: z.object({ value: z.string(), unit: z.string() }),
    status: z.string(),
    termEndsOn: z.string().nullable(),
  })
  .openapi("PublicFactor");

export function publicFactorWire(f: PublicFactor): z.infer<typeof PublicFactorWire> {
  return {
    id: f.id,
    countyCode: f.countyCode,
    typeCode: f.typeCode,
    title: f.title,
    location: f.location,
    quantity: { value: formatQuantity(f.quantity.milli), unit: f.quantity.unit },
    status: f.status,
    termEndsOn: f.termEndsOn,
  };
}

export const PublicNoticeWire = PublicFactorWire.extend({
  holderName: z.string().openapi({ description: "masked, e.g. 林**" }),
  certificateNo: z.string().nullable(),
  noticeClosesOn: z.string().nullable().openapi({ description: "FAC-R02 last day objections are taken" }),
}).openapi("PublicNotice");

export function publicNoticeWire(n: PublicNotice): z.infer<typeof PublicNoticeWire> {
  return {
    ...publicFactorWire(n),
    holderName: n.holderName,
    certificateNo: n.certificateNo,
    noticeClosesOn: n.noticeClosesOn,
  };
}

const yuanMap = (m: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, yuan(v)]));

export const DashboardWire = z
  .object({
    query: z.object({ regionCode: z.string(), countyCode: z.string().nullable(), from: z.string(), to: z.string() }),
    entitiesFinanced: z.number(),
    loansBooked: z.number(),
    amountBookedYuan: z.string(),
    entitiesWithBalance: z.number(),
    balanceYuan: z.string(),
    balanceByCountyYuan: z.record(z.string(), z.string()),
    balanceByTypeYuan: z.record(z.string(), z.string()),
    balanceByProductYuan: z.record(z.string(), z.string()),
    factorsByStatus: z.record(z.string(), z.number()),
    productsOffered: z.number(),
    productsWithBalance: z.number(),
    disposals: z.object({ completed: z.number(), proceedsYuan: z.string() }),
    lossesByPartyYuan: z.object({
      bank: z.string(),
      guarantor: z.string(),
      insurer: z.string(),
      governmentFund: z.string(),
    }),
    factorTypes: z.number(),
    factorCategories: z.number(),
    counties: z.number(),
    countiesWithCollectionCompany: z.number(),
  })
  .openapi("FactorsDashboard");

export function dashboardWire(d: Dashboard): z.infer<typeof DashboardWire> {
  return {
    query: { ...d.query },
    entitiesFinanced: d.entitiesFinanced,
    loansBooked: d.loansBooked,
    amountBookedYuan: yuan(d.amountBooked),
    entitiesWithBalance: d.entitiesWithBalance,
    balanceYuan: yuan(d.balance),
    balanceByCountyYuan: yuanMap(d.balanceByCounty),
    balanceByTypeYuan: yuanMap(d.balanceByType),
    balanceByProductYuan: yuanMap(d.balanceByProduct),
    factorsByStatus: { ...d.factorsByStatus },
    productsOffered: d.productsOffered,
    productsWithBalance: d.productsWithBalance,
    disposals: { completed: d.disposals.completed, proceedsYuan: yuan(d.disposals.proceeds) },
    lossesByPartyYuan: {
      bank: yuan(d.lossesByParty.bank),
      guarantor: yuan(d.lossesByParty.guarantor),
      insurer: yuan(d.lossesByParty.insurer),
      governmentFund: yuan(d.lossesByParty.governmentFund),
    },
    factorTypes: d.factorTypes,
    factorCategories: d.factorCategories,
    counties: d.counties,
    countiesWithCollectionCompany: d.countiesWithCollectionCompany,
  };
}

export const DeliveryWire = z
  .object({
    eventId: z.string(),
    type: z.string(),
    aggregateId: z.string(),
    createdAt: z.string(),
    attempts: z.number(),
    state: z.enum(["delivered", "waiting", "failed"]),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .openapi("Delivery", { description: "KRN-R10 whether an outside system has received an event of this case" });

export function deliveryWire(d: DeliveryState): z.infer<typeof DeliveryWire> {
  return { ...d };
}
