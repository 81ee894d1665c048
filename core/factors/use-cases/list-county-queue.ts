import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { countyScope } from "./support/scope.ts";
import { type FactorView, factorView, listingView, type TransferListingView } from "./support/views.ts";

export const listCountyQueueInput = v.object({
  countyCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/, "countyCode is a 6-digit code"))), null),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 100),
});

export interface CountyQueue {
  /** FAC-R01 submitted, waiting for the registry or the county's department. */
  readonly awaitingConfirmation: readonly FactorView[];
  /** FAC-R02 on public notice (objections open). */
  readonly onNotice: readonly FactorView[];
  /** FAC-R02 disputed: an objection waits for the county's decision. */
  readonly disputed: readonly FactorView[];
  /** FAC-R10 sales awarded whose change of holder the registry has yet to record. */
  readonly salesAwaitingRegistration: readonly TransferListingView[];
}

/**
 * The county's desk: factors waiting for confirmation, on notice, disputed, and sales waiting for
 * registration — for regulators of the county (or the prefecture) and platform admins.
 */
export async function listCountyQueue(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown = {},
): Promise<CountyQueue> {
  const i = parseInput(listCountyQueueInput, input);
  if (!hasRole(principal, "regulator", "platform_admin")) {
    throw new DomainError("only the county's officials see its desk", { ruleId: "KRN-R06", kind: "forbidden" });
  }
  const countyCodes = countyScope(principal, deps.regionCode, i.countyCode);
  const base = { regionCode: deps.regionCode, countyCodes, limit: i.limit };
  const [submitted, publicised, disputed, transferred] = await Promise.all([
    deps.queries.factors({ ...base, statuses: ["SUBMITTED"] }),
    deps.queries.factors({ ...base, statuses: ["PUBLICISED"] }),
    deps.queries.factors({ ...base, statuses: ["DISPUTED"] }),
    deps.queries.factors({ ...base, statuses: ["TRANSFERRED"] }),
  ]);
  const unitIds = [...new Set(transferred.map((f) => f.bundleId ?? f.id))];
  const sales =
    unitIds.length === 0 ? [] : await deps.queries.listings({ ...base, unitIds, statuses: ["awarded"], kind: "sale" });
  const view = (f: (typeof submitted)[number]) => factorView(principal, f);
  return {
    awaitingConfirmation: submitted.map(view),
    onNotice: publicised.map(view),
    disputed: disputed.map(view),
    salesAwaitingRegistration: sales.map(listingView),
  };
}
