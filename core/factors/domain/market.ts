import type { Fen } from "../../kernel/mod.ts";
import type { SharingParty } from "../policy-schemas.ts";

/** A bid on a transfer or disposal listing. */
export interface Bid {
  readonly id: string;
  readonly bidderKind: "person" | "organisation";
  /** Blind index of the bidder's ID; the ID itself only encrypted (KRN-R04). */
  readonly bidderRef: string;
  readonly bidderIdEncrypted: string;
  readonly bidderName: string;
  /** Who placed it on the platform (principal id), and their citizen subject ref if any. */
  readonly placedBy: string;
  readonly placedBySubjectRef: string | null;
  readonly amount: Fen;
  readonly placedAt: string;
}

/** FAC-R10 a transfer (流转) listing: lease or sale, with reserve price and term. */
export interface TransferListing {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly unitId: string;
  readonly factorIds: readonly string[];
  readonly holderRef: string;
  readonly kind: "lease" | "sale";
  readonly reservePrice: Fen;
  /** Lease term (business dates, inclusive); null for a sale. */
  readonly leaseFrom: string | null;
  readonly leaseTo: string | null;
  readonly opensOn: string;
  /** Last day bids are taken (at least the pack's minimum after opening). */
  readonly closesOn: string;
  readonly status: "open" | "awarded" | "withdrawn";
  readonly bids: readonly Bid[];
  /** Lien ids whose holder consented to this transfer. */
  readonly consents: readonly string[];
  readonly awardedBidId: string | null;
  readonly createdAt: string;
  readonly version: number;
}

export type DisposalChannel = "listing" | "auction" | "buy_out";

/** FAC-R07/R08 realising a defaulted loan's collateral. */
export interface Disposal {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly unitId: string;
  readonly factorIds: readonly string[];
  readonly loanId: string;
  readonly bankId: string;
  readonly channel: DisposalChannel;
  readonly startedOn: string;
  /** Listing: last day bids are taken. */
  readonly closesOn: string | null;
  /** Listing: least bid taken (0 = none set). */
  readonly reservePrice: Fen;
  /** Value the buy-out floor is measured against (current valuation). */
  readonly valuationValue: Fen;
  readonly valuationId: string;
  readonly buyOut: { readonly companyId: string; readonly offer: Fen; readonly offerRef: string } | null;
  readonly bids: readonly Bid[];
  readonly status: "open" | "completed" | "withdrawn";
  readonly proceeds: Fen | null;
  readonly costs: Fen | null;
  readonly buyerRef: string | null;
  readonly distribution: Readonly<Record<string, unknown>> | null;
  readonly completedAt: string | null;
  readonly createdAt: string;
  readonly version: number;
}

/** FAC-R09 how one defaulted loan's loss was shared. */
export interface LossAllocation {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly loanId: string;
  readonly bankId: string;
  readonly guarantorId: string | null;
  readonly insurerId: string | null;
  readonly loss: Fen;
  readonly parts: Readonly<Record<SharingParty, Fen>>;
  /** Calendar year of allocation: the fund's annual cap counts within it. */
  readonly year: number;
  readonly allocatedOn: string;
  readonly createdAt: string;
  readonly actor: string;
}
