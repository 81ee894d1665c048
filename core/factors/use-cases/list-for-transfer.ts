import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { TransferListing } from "../domain/market.ts";
import { rankLiens } from "../rules/lien-ranking.ts";
import { assertLeaseWithinTerm, assertListingTerm } from "../rules/transfer.ts";
import { assertActsForHolder } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit } from "./support/load.ts";
import { fen, id, isoDate, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";
import { listingView, type TransferListingView } from "./support/views.ts";

export const listForTransferInput = v.object({
  factorIds: v.pipe(v.array(id("factorId")), v.minLength(1, "name the factor or every member of its bundle")),
  kind: v.picklist(["lease", "sale"], "kind is lease or sale"),
  reservePriceFen: fen("reserve price"),
  closesOn: isoDate("closesOn"),
  leaseFrom: v.optional(isoDate("leaseFrom")),
  leaseTo: v.optional(isoDate("leaseTo")),
});

/**
 * FAC-R10 流转挂牌: the holder lists a factor (or a whole 三权合一 bundle) for lease or sale, with
 * reserve price and term, open at least the pack's days. A lease may not run past the right's
 * term. Lien holders are asked for consent through the outbox; without all of them no award.
 */
export async function listForTransfer(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<TransferListingView> {
  const i = parseInput(listForTransferInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const { unit, factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, i.factorIds, act.today, true);
    for (const f of factors) assertActsForHolder(principal, f);
    assertUnitStatus(factors, ["ACTIVE", "ENCUMBERED"], "listed for transfer");
    const policy = deps.policyFor(unit.countyCode);
    assertListingTerm(policy, act.today, i.closesOn);
    if (i.kind === "lease") {
      if (!i.leaseFrom || !i.leaseTo) {
        throw new DomainError("a lease names its first and last day", {
          ruleId: "FAC-R10",
          field: i.leaseFrom ? "leaseTo" : "leaseFrom",
        });
      }
      if (i.leaseFrom <= i.closesOn) {
        throw new DomainError("a lease begins after the listing closes", { ruleId: "FAC-R10", field: "leaseFrom" });
      }
      for (const f of factors) {
        assertLeaseWithinTerm(policy.catalogue[f.typeCode]?.termLimited ?? false, f.termEndsOn, i.leaseFrom, i.leaseTo);
        if (f.lease && f.lease.to >= i.leaseFrom) {
          throw new DomainError(`the factor is leased until ${f.lease.to}`, {
            ruleId: "FAC-R10",
            kind: "conflict",
            field: "leaseFrom",
          });
        }
      }
    }
    if (await tx.listings.openForUnit(deps.regionCode, unit.id)) {
      throw new DomainError("the factor already has an open transfer listing", {
        ruleId: "FAC-R10",
        kind: "conflict",
        field: "factorIds",
      });
    }
    const liens = rankLiens(await tx.liens.listByUnit(deps.regionCode, unit.id));
    const listing: TransferListing = {
      id: deps.ids.next("lst"),
      regionCode: deps.regionCode,
      countyCode: unit.countyCode,
      unitId: unit.id,
      factorIds: unit.factorIds,
      holderRef: unit.holderRef,
      kind: i.kind,
      reservePrice: i.reservePriceFen,
      leaseFrom: i.kind === "lease" ? (i.leaseFrom ?? null) : null,
      leaseTo: i.kind === "lease" ? (i.leaseTo ?? null) : null,
      opensOn: act.today,
      closesOn: i.closesOn,
      status: "open",
      bids: [],
      consents: [],
      awardedBidId: null,
      createdAt: act.at,
      version: 1,
    };
    await tx.listings.insert(listing);
    for (const f of factors) {
      await recordFactorEvent(
        tx,
        f,
        "listed_for_transfer",
        {
          reason: `listed for ${i.kind}`,
          ruleId: "FAC-R10",
          data: { listingId: listing.id, reservePrice: i.reservePriceFen },
        },
        act,
      );
    }
    for (const lien of liens) {
      await tx.outbox.enqueue({
        regionCode: deps.regionCode,
        type: "factors.transfer.consent_requested",
        aggregateId: listing.id,
        payload: { listingId: listing.id, lienId: lien.id, bankId: lien.bankId, kind: i.kind },
      });
    }
    return listingView(listing);
  });
}
