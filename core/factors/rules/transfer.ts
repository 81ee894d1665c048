import { addDays, DomainError, type Fen, formatYuan, valueAsOf } from "../../kernel/mod.ts";
import type { Lien } from "../domain/lending.ts";
import type { Bid } from "../domain/market.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R10";

/** The earliest last day of a transfer listing opened on `opensOn` (15 days by default). */
export function earliestTransferClose(policy: FactorsPolicy, opensOn: string): string {
  return addDays(opensOn, valueAsOf(policy.transfer.listingMinDays, opensOn, "factors.transfer.listingMinDays"));
}

/** A listing stays open at least the pack's days; the holder may choose a later last day. */
export function assertListingTerm(policy: FactorsPolicy, opensOn: string, closesOn: string): void {
  const earliest = earliestTransferClose(policy, opensOn);
  if (closesOn < earliest) {
    throw new DomainError(`a transfer listing stays open for bids at least until ${earliest}`, {
      ruleId: RULE,
      field: "closesOn",
      detail: { earliest },
    });
  }
}

/**
 * FAC-R10: a lease may not run past the right's term (a lease of R01 not past the remaining
 * contract term); a term-limited right whose term is unknown cannot be leased.
 */
export function assertLeaseWithinTerm(
  termLimited: boolean,
  termEndsOn: string | null,
  leaseFrom: string,
  leaseTo: string,
): void {
  if (leaseTo < leaseFrom) {
    throw new DomainError("a lease ends on or after the day it begins", { ruleId: RULE, field: "leaseTo" });
  }
  if (!termLimited) return;
  if (termEndsOn === null) {
    throw new DomainError("the right's term is not on record, so no lease term can be checked against it", {
      ruleId: RULE,
      field: "leaseTo",
    });
  }
  if (leaseTo > termEndsOn) {
    throw new DomainError(`a lease may not run past the right's remaining term, which ends on ${termEndsOn}`, {
      ruleId: RULE,
      field: "leaseTo",
      detail: { termEndsOn, leaseTo },
    });
  }
}

/** An encumbered factor moves only with every lien holder's consent (the lien follows the factor). */
export function assertLienHolderConsent(
  liens: readonly Pick<Lien, "id" | "bankId" | "status">[],
  consents: readonly string[],
): void {
  const missing = liens.filter((l) => l.status === "active" && !consents.includes(l.id));
  if (missing.length > 0) {
    throw new DomainError(
      `every lien holder must consent to the transfer; missing: ${missing.map((l) => l.bankId).join(", ")}`,
      { ruleId: RULE, kind: "conflict", field: "consents", detail: { missingLienIds: missing.map((l) => l.id) } },
    );
  }
}

/** A bid is taken while the listing is open and only at or above the reserve price. */
export function assertBidAcceptable(
  listing: { status: string; closesOn: string; reservePrice: Fen },
  amount: Fen,
  today: string,
  ruleId = RULE,
): void {
  if (listing.status !== "open" || today > listing.closesOn) {
    throw new DomainError("the listing is not open for bids", { ruleId, kind: "conflict", field: "listingId" });
  }
  if (!Number.isSafeInteger(amount) || amount < listing.reservePrice) {
    throw new DomainError(`a bid is at least the reserve price of ${formatYuan(listing.reservePrice)} yuan`, {
      ruleId,
      field: "amount",
    });
  }
}

/** The winning bid: the highest; between equal bids the earlier. Null when there is none. */
export function winningBid(bids: readonly Bid[]): Bid | null {
  let best: Bid | null = null;
  for (const b of bids) {
    if (!best || b.amount > best.amount || (b.amount === best.amount && b.placedAt < best.placedAt)) best = b;
  }
  return best;
}

/** An award comes only after the listing's last day. */
export function assertListingClosed(closesOn: string, today: string, ruleId = RULE): void {
  if (today <= closesOn) {
    throw new DomainError(`the listing takes bids through ${closesOn}; it can be awarded after that`, {
      ruleId,
      kind: "conflict",
      field: "listingId",
      detail: { closesOn },
    });
  }
}
