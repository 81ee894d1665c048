import { hasRole, maskName, type Principal } from "../../../kernel/mod.ts";
import type { Factor } from "../../domain/factor.ts";
import type { Bid, Disposal, TransferListing } from "../../domain/market.ts";

/**
 * What leaves the core (KRN-R04): never an ID number, its ciphertext or a blind index (the
 * holder's or the registrant's) — only the holder's kind and name, masked for anyone but the
 * registrant and platform admins.
 */
export type FactorView = Omit<Factor, "holder" | "pendingHolder" | "lease" | "registrantRef"> & {
  readonly holder: { readonly kind: Factor["holder"]["kind"]; readonly name: string };
  readonly pendingHolder: { readonly name: string } | null;
  readonly lease: {
    readonly listingId: string;
    readonly lesseeName: string;
    readonly from: string;
    readonly to: string;
  } | null;
};

export type BidView = Omit<Bid, "bidderRef" | "bidderIdEncrypted" | "placedBySubjectRef">;
export type TransferListingView = Omit<TransferListing, "bids" | "holderRef"> & { readonly bids: readonly BidView[] };
export type DisposalView = Omit<Disposal, "bids" | "buyerRef"> & { readonly bids: readonly BidView[] };

function namer(p: Principal, registrantRef: string | null): (n: string) => string {
  const own = hasRole(p, "platform_admin") || (p.subjectRef !== undefined && p.subjectRef === registrantRef);
  return own ? (n) => n : maskName;
}

export function factorView(p: Principal, f: Factor): FactorView {
  const name = namer(p, f.registrantRef);
  const { registrantRef: _r, ...rest } = f;
  return {
    ...rest,
    holder: { kind: f.holder.kind, name: name(f.holder.name) },
    pendingHolder: f.pendingHolder ? { name: name(f.pendingHolder.name) } : null,
    lease: f.lease
      ? { listingId: f.lease.listingId, lesseeName: name(f.lease.lesseeName), from: f.lease.from, to: f.lease.to }
      : null,
  };
}

export function bidView(b: Bid): BidView {
  return {
    id: b.id,
    bidderKind: b.bidderKind,
    bidderName: maskName(b.bidderName),
    placedBy: b.placedBy,
    amount: b.amount,
    placedAt: b.placedAt,
  };
}

export function listingView(l: TransferListing): TransferListingView {
  const { holderRef: _h, bids, ...rest } = l;
  return { ...rest, bids: bids.map(bidView) };
}

export function disposalView(d: Disposal): DisposalView {
  const { buyerRef: _b, bids, ...rest } = d;
  return { ...rest, bids: bids.map(bidView) };
}
