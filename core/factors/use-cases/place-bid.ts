import * as v from "valibot";
import { DomainError, type Principal, requireRole } from "../../kernel/mod.ts";
import type { Bid, Disposal, TransferListing } from "../domain/market.ts";
import { assertBidAcceptable } from "../rules/transfer.ts";
import { holderInput, holderOf } from "./register-factor.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { fen, id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, mustUpdate } from "./support/record.ts";
import { type BidView, bidView } from "./support/views.ts";

export const placeBidInput = v.object({
  listing: v.picklist(["transfer", "disposal"], "listing is transfer or disposal"),
  listingId: id("listingId"),
  amountFen: fen("amount"),
  bidder: holderInput,
});

/**
 * A bid on a public listing: a transfer listing (FAC-R10) or a disposal by listing (FAC-R08).
 * Listings are public; a bid is taken while the listing is open and at or above its reserve.
 * The bidder's ID is validated and kept only as blind index + ciphertext.
 */
export async function placeBid(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ bid: BidView; listingId: string }> {
  requireRole(principal, "citizen", "clerk", "institution_staff", "institution_admin", "platform_admin");
  const i = parseInput(placeBidInput, input);
  const act = actOf(principal, deps.clock.now());
  const holder = holderOf(deps, i.bidder, act.today, "bidder.idNumber");
  const bid: Bid = {
    id: deps.ids.next("bid"),
    bidderKind: holder.kind,
    bidderRef: holder.ref,
    bidderIdEncrypted: holder.idEncrypted,
    bidderName: holder.name,
    placedBy: principal.id,
    placedBySubjectRef: principal.subjectRef ?? null,
    amount: i.amountFen,
    placedAt: act.at,
  };
  return deps.uow.run(async (tx) => {
    if (i.listing === "transfer") {
      const listing = await tx.listings.get(deps.regionCode, i.listingId, { forUpdate: true });
      if (!listing) throw notFound("listing", "listingId");
      if (holder.ref === listing.holderRef) {
        throw new DomainError("the holder cannot bid on their own listing", { ruleId: "FAC-R10", field: "bidder" });
      }
      assertBidAcceptable(listing, bid.amount, act.today);
      const next: TransferListing = { ...listing, bids: [...listing.bids, bid], version: listing.version + 1 };
      await mustUpdate(tx.listings.update(next), "listing");
    } else {
      const disposal = await tx.disposals.get(deps.regionCode, i.listingId, { forUpdate: true });
      if (!disposal) throw notFound("listing", "listingId");
      if (disposal.channel !== "listing" || disposal.closesOn === null) {
        throw new DomainError("this disposal does not take bids on the platform", {
          ruleId: "FAC-R08",
          kind: "conflict",
          field: "listingId",
        });
      }
      assertBidAcceptable(
        { status: disposal.status, closesOn: disposal.closesOn, reservePrice: disposal.reservePrice },
        bid.amount,
        act.today,
        "FAC-R08",
      );
      const next: Disposal = { ...disposal, bids: [...disposal.bids, bid], version: disposal.version + 1 };
      await mustUpdate(tx.disposals.update(next), "disposal");
    }
    await audit(tx, act, deps.regionCode, `bid.${i.listing}`, `${i.listing}_listing`, i.listingId, {
      bidId: bid.id,
      amount: bid.amount,
    });
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: `factors.${i.listing}.bid_placed`,
      aggregateId: i.listingId,
      payload: { listingId: i.listingId, bidId: bid.id, amount: bid.amount },
    });
    return { bid: bidView(bid), listingId: i.listingId };
  });
}
