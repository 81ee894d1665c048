import * as v from "valibot";
import { hasRole, inRegion, type Principal } from "../../kernel/mod.ts";
import { canSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { type PublicFactor, publicFactor } from "./support/public-factor.ts";
import { listingView, type TransferListingView } from "./support/views.ts";

export const getTransferListingInput = v.object({ listingId: id("listingId") });

export interface TransferListingDetail {
  readonly listing: TransferListingView;
  readonly factors: readonly PublicFactor[];
  /** What the caller may do here. */
  readonly viewer: {
    /** Acts for the holder: may award once the listing closes. */
    readonly holder: boolean;
    /** Active liens of the caller's institution on the unit whose consent is still missing (FAC-R10). */
    readonly consentMissing: readonly string[];
    /** Active liens on the unit whose holder has not consented (everyone's). */
    readonly liensWithoutConsent: number;
    /** A county official who may record the buyer once a sale is awarded. */
    readonly official: boolean;
  };
}

/**
 * FAC-R10 a transfer listing as the public notice shows it (reserve, term, bids with masked
 * names, the factor without its holder), plus what the caller may do with it.
 */
export async function getTransferListing(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<TransferListingDetail> {
  const i = parseInput(getTransferListingInput, input);
  return deps.uow.run(async (tx) => {
    const listing = await tx.listings.get(deps.regionCode, i.listingId);
    if (!listing) throw notFound("listing", "listingId");
    const factors = await tx.factors.getMany(deps.regionCode, [...listing.factorIds].sort());
    const liens = (await tx.liens.listByUnit(deps.regionCode, listing.unitId)).filter((l) => l.status === "active");
    const holder =
      hasRole(principal, "platform_admin") ||
      factors.some(
        (f) =>
          canSeeFactor(principal, f) &&
          ((principal.subjectRef !== undefined && principal.subjectRef === f.registrantRef) ||
            (principal.institutionId !== undefined && principal.institutionId === f.registrantInstitutionId)),
      );
    const without = liens.filter((l) => !listing.consents.includes(l.id));
    const byId = new Map(factors.map((f) => [f.id, f]));
    return {
      listing: listingView(listing),
      factors: listing.factorIds.flatMap((fid) => {
        const f = byId.get(fid);
        return f ? [publicFactor(f)] : [];
      }),
      viewer: {
        holder,
        consentMissing: without
          .filter((l) => principal.institutionId !== undefined && l.bankId === principal.institutionId)
          .map((l) => l.id),
        liensWithoutConsent: without.length,
        official:
          hasRole(principal, "platform_admin") ||
          (hasRole(principal, "regulator") && inRegion(principal, listing.countyCode)),
      },
    };
  });
}
