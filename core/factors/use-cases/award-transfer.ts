import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Factor } from "../domain/factor.ts";
import type { TransferListing } from "../domain/market.ts";
import { assertLienHolderConsent, assertListingClosed, winningBid } from "../rules/transfer.ts";
import { assertActsForHolder } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, mustUpdate, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView, listingView, type TransferListingView } from "./support/views.ts";

export const awardTransferInput = v.object({ listingId: id("listingId") });

/**
 * FAC-R10 award of a transfer listing to the highest bid after it closes. An encumbered factor
 * moves only with every lien holder's consent, and its liens follow it. A sale leaves the factor
 * TRANSFERRED until the registry records the buyer (registerTransfer); a lease keeps the owner
 * and records the lessee and term.
 */
export async function awardTransfer(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ listing: TransferListingView; factors: FactorView[] }> {
  const i = parseInput(awardTransferInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const listing = await tx.listings.get(deps.regionCode, i.listingId, { forUpdate: true });
    if (!listing) throw notFound("listing", "listingId");
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, listing.factorIds, act.today, true);
    for (const f of factors) assertActsForHolder(principal, f);
    if (listing.status !== "open") {
      throw new DomainError(`the listing is ${listing.status}`, {
        ruleId: "FAC-R10",
        kind: "conflict",
        field: "listingId",
      });
    }
    assertListingClosed(listing.closesOn, act.today);
    assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "transferred");
    const liens = await tx.liens.listByUnit(deps.regionCode, listing.unitId);
    assertLienHolderConsent(liens, listing.consents);
    const winner = winningBid(listing.bids);
    if (!winner) {
      throw new DomainError("the listing drew no bid at or above its reserve price", {
        ruleId: "FAC-R10",
        kind: "conflict",
        field: "listingId",
      });
    }
    const awarded: TransferListing = {
      ...listing,
      status: "awarded",
      awardedBidId: winner.id,
      version: listing.version + 1,
    };
    await mustUpdate(tx.listings.update(awarded), "listing");
    const data = { listingId: listing.id, bidId: winner.id, price: winner.amount, kind: listing.kind };
    const out: Factor[] = [];
    for (const f of factors) {
      if (listing.kind === "sale") {
        const pendingHolder = {
          kind: winner.bidderKind,
          ref: winner.bidderRef,
          idEncrypted: winner.bidderIdEncrypted,
          name: winner.bidderName,
        };
        out.push(
          await recordFactorEvent(
            tx,
            f,
            "transfer_awarded",
            {
              reason: "sold on the transfer market; awaiting the registry's change of holder",
              ruleId: "FAC-R10",
              data,
              patch: { pendingHolder },
            },
            act,
          ),
        );
      } else {
        const lease = {
          listingId: listing.id,
          lesseeRef: winner.bidderRef,
          lesseeName: winner.bidderName,
          from: listing.leaseFrom as string,
          to: listing.leaseTo as string,
        };
        out.push(
          await recordFactorEvent(
            tx,
            f,
            "leased",
            {
              reason: `leased ${lease.from} – ${lease.to}; the owner keeps the factor`,
              ruleId: "FAC-R10",
              data,
              patch: { lease },
            },
            act,
          ),
        );
      }
    }
    await tx.outbox.enqueue({
      regionCode: deps.regionCode,
      type: "factors.transfer.awarded",
      aggregateId: listing.id,
      payload: {
        ...data,
        unitId: listing.unitId,
        lienIds: liens.filter((l) => l.status === "active").map((l) => l.id),
      },
    });
    return { listing: listingView(awarded), factors: out.map((f) => factorView(principal, f)) };
  });
}
