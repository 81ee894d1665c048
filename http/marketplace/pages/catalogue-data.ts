import { businessDateOf, valueAsOf } from "../../../core/kernel/mod.ts";
import type { Institution, MarketplaceDeps, SpecialAction } from "../../../core/marketplace/mod.ts";

/**
 * Read-only catalogue look-ups the pages need besides the use cases: the region's institutions
 * (names, kinds and branches for product cards, filters and QR landings) and the special-action
 * columns in force today. Both are public catalogue data (MKT-R01: browsing needs no consent).
 */
export async function institutionDirectory(deps: MarketplaceDeps): Promise<ReadonlyMap<string, Institution>> {
  const list = await deps.uow.run((tx) => tx.institutions.listByRegion(deps.regionCode));
  return new Map(list.map((i) => [i.id, i]));
}

/** The special-action columns (五大专项行动) of the region's pack in force today. */
export function specialActionsNow(deps: MarketplaceDeps): readonly SpecialAction[] {
  return valueAsOf(deps.policy.specialActions, businessDateOf(deps.clock.now()), "specialActions");
}

/** Days a consent given today stays valid (for the product page's summary). */
export function consentExpiryDaysNow(deps: MarketplaceDeps): number {
  return valueAsOf(deps.policy.consent.expiryDays, businessDateOf(deps.clock.now()), "consent.expiryDays");
}

/** The display name of a data category in the page language (the code when unknown). */
export function categoryNamer(deps: MarketplaceDeps, lang: "zh" | "en"): (code: string) => string {
  const catalogue = valueAsOf(deps.policy.creditData, businessDateOf(deps.clock.now()), "creditData");
  const names = new Map(catalogue.categories.map((c) => [c.code, c.name[lang]]));
  return (code) => names.get(code) ?? code;
}

/** The working-day deadlines of MKT-R04/R05 in force today (for the desk's and board's explanations). */
export function deadlinesNow(deps: MarketplaceDeps): { contact: number; conclude: number } {
  const day = businessDateOf(deps.clock.now());
  const d = deps.policy.serviceDeadlines;
  return {
    contact: valueAsOf(d.contactWorkingDays, day, "serviceDeadlines.contactWorkingDays"),
    conclude: valueAsOf(d.longUnfinishedWorkingDays, day, "serviceDeadlines.longUnfinishedWorkingDays"),
  };
}
