import { addDays, DomainError, daysBetween, type Fen, formatYuan, valueAsOf } from "../../kernel/mod.ts";
import type { DisposalChannel } from "../domain/market.ts";
import type { FactorsPolicy } from "../policy.ts";
import type { CollectionCompanyRef } from "../policy-county.ts";

const RULE = "FAC-R08";
const BP = 10000;

/** Calendar days a loan has been overdue on `today` (0 when current). */
export function daysOverdue(overdueSince: string | null, today: string): number {
  if (overdueSince === null) return 0;
  const d = daysBetween(overdueSince, today);
  return Math.max(d, 0);
}

/** FAC-R08: disposal may start only once the loan is overdue the pack's days (90 by default). */
export function assertDisposalTrigger(policy: FactorsPolicy, overdueSince: string | null, today: string): void {
  const trigger = valueAsOf(policy.disposal.overdueDaysTrigger, today, "factors.disposal.overdueDaysTrigger");
  const days = daysOverdue(overdueSince, today);
  if (days < trigger) {
    throw new DomainError(`disposal may start after ${trigger} days overdue; the loan is ${days} days overdue`, {
      ruleId: RULE,
      kind: "conflict",
      field: "loanId",
      detail: { daysOverdue: days, trigger },
    });
  }
}

/** The county's collection company on `onDate`, or null while it has none. */
export function collectionCompanyOf(
  policy: FactorsPolicy,
  countyCode: string,
  onDate: string,
): CollectionCompanyRef | null {
  const county = policy.counties[countyCode];
  if (!county)
    throw new DomainError(`county ${countyCode} is not in the policy pack`, { ruleId: RULE, field: "countyCode" });
  return valueAsOf(county.collectionCompany, onDate, `factors.counties.${countyCode}.collectionCompany`);
}

/** FAC-R08 channels open in a county: listing and auction everywhere, buy-out where a company exists. */
export function disposalChannels(policy: FactorsPolicy, countyCode: string, onDate: string): DisposalChannel[] {
  return collectionCompanyOf(policy, countyCode, onDate) ? ["listing", "auction", "buy_out"] : ["listing", "auction"];
}

export function assertChannelOpen(
  policy: FactorsPolicy,
  countyCode: string,
  channel: DisposalChannel,
  onDate: string,
): void {
  if (!disposalChannels(policy, countyCode, onDate).includes(channel)) {
    throw new DomainError(`county ${countyCode} has no asset collection company yet: dispose by listing or auction`, {
      ruleId: RULE,
      field: "channel",
    });
  }
}

/** The least a collection company may pay: the pack's share (70 %) of the valuation, rounded up. */
export function buyOutFloor(value: Fen, minBp: number): Fen {
  const p = value * minBp;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const r = p % BP;
    return (p - r) / BP + (r > 0 ? 1 : 0);
  }
  const q = BigInt(value) * BigInt(minBp);
  return Number((q + 9999n) / 10000n);
}

export function assertBuyOutOffer(policy: FactorsPolicy, offer: Fen, value: Fen, onDate: string): void {
  const minBp = valueAsOf(policy.disposal.buyOutMinBp, onDate, "factors.disposal.buyOutMinBp");
  const floor = buyOutFloor(value, minBp);
  if (offer < floor) {
    throw new DomainError(
      `a buy-out pays at least ${minBp / 100} % of the valuation (${formatYuan(floor)} yuan); ${formatYuan(offer)} yuan offered`,
      { ruleId: RULE, field: "offer", detail: { floor, offer, value, minBp } },
    );
  }
}

/** Last day a disposal listing opened on `startedOn` takes bids (15 days by default). */
export function disposalListingClosesOn(policy: FactorsPolicy, startedOn: string): string {
  return addDays(startedOn, valueAsOf(policy.disposal.listingMinDays, startedOn, "factors.disposal.listingMinDays"));
}
