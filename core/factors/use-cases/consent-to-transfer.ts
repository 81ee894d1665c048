import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { TransferListing } from "../domain/market.ts";
import { assertActsForInstitution } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadUnit, notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, mustUpdate, recordFactorEvent } from "./support/record.ts";
import { listingView, type TransferListingView } from "./support/views.ts";

export const consentToTransferInput = v.object({ listingId: id("listingId") });

/** FAC-R10 a lien holder consents to the transfer of the factor it holds a lien on (the lien follows it). */
export async function consentToTransfer(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<TransferListingView> {
  const i = parseInput(consentToTransferInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const listing = await tx.listings.get(deps.regionCode, i.listingId, { forUpdate: true });
    if (!listing) throw notFound("listing", "listingId");
    const liens = await tx.liens.listByUnit(deps.regionCode, listing.unitId);
    const mine = liens.filter((l) => l.status === "active" && l.bankId === principal.institutionId);
    if (mine.length === 0) throw notFound("listing", "listingId");
    assertActsForInstitution(principal, mine[0]?.bankId ?? "", listing.countyCode, "listing");
    if (listing.status !== "open") {
      throw new DomainError(`the listing is ${listing.status}`, {
        ruleId: "FAC-R10",
        kind: "conflict",
        field: "listingId",
      });
    }
    const consents = [...new Set([...listing.consents, ...mine.map((l) => l.id)])];
    const next: TransferListing = { ...listing, consents, version: listing.version + 1 };
    await mustUpdate(tx.listings.update(next), "listing");
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, listing.factorIds, act.today, true);
    for (const f of factors) {
      await recordFactorEvent(
        tx,
        f,
        "transfer_consented",
        {
          reason: `lien holder ${principal.institutionId ?? principal.id} consents`,
          ruleId: "FAC-R10",
          data: { listingId: listing.id, lienIds: mine.map((l) => l.id) },
        },
        act,
      );
    }
    return listingView(next);
  });
}
