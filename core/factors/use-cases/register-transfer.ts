import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Factor } from "../domain/factor.ts";
import { rejectionError } from "../rules/confirmation.ts";
import { assertCountyOfficial } from "./support/access.ts";
import { consultRegistry } from "./support/confirmation-flow.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { assertUnitStatus, loadUnit, notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const registerTransferInput = v.object({ listingId: id("listingId") });

export interface RegisterTransferResult {
  readonly factors: readonly FactorView[];
  readonly outcome: "registered" | "awaiting_registry" | "awaiting_department";
}

/**
 * FAC-R01/R10 after a sale, the registry's change of holder (变更登记) completes the transfer: the
 * registry must record the buyer; the factor is ACTIVE again under its new holder, or ENCUMBERED
 * when liens followed it.
 */
export async function registerTransfer(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<RegisterTransferResult> {
  const i = parseInput(registerTransferInput, input);
  const act = actOf(principal, deps.clock.now());
  const view = (f: Factor) => factorView(principal, f);
  const seen = await deps.uow.run(async (tx) => {
    const listing = await tx.listings.get(deps.regionCode, i.listingId);
    if (listing?.kind !== "sale" || listing.status !== "awarded") throw notFound("awarded sale", "listingId");
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, listing.factorIds, act.today);
    return { listing, factors };
  });
  const first = seen.factors[0] as Factor;
  assertCountyOfficial(principal, first.countyCode);
  assertUnitStatus(seen.factors, ["TRANSFERRED"], "registered to the buyer");
  const policy = deps.policyFor(first.countyCode);
  for (const f of seen.factors) {
    const buyer = f.pendingHolder;
    if (!buyer)
      throw new DomainError("no buyer is pending", { ruleId: "FAC-R10", kind: "conflict", field: "listingId" });
    const outcome = await consultRegistry(deps, policy, { ...f, holder: buyer }, act.today);
    if (outcome.verdict === null) return { factors: seen.factors.map(view), outcome: "awaiting_registry" };
    if (outcome.verdict.verdict === "pending")
      return { factors: seen.factors.map(view), outcome: "awaiting_department" };
    if (outcome.verdict.verdict === "rejected") throw rejectionError(outcome.verdict);
  }
  const winner = seen.listing.bids.find((b) => b.id === seen.listing.awardedBidId);
  return deps.uow.run(async (tx) => {
    const { factors } = await loadUnit(tx, deps.regionCode, deps.policyFor, seen.listing.factorIds, act.today, true);
    assertUnitStatus(factors, ["TRANSFERRED"], "registered to the buyer");
    const liens = await tx.liens.listByUnit(deps.regionCode, seen.listing.unitId);
    const encumbered = liens.some((l) => l.status === "active");
    const out: Factor[] = [];
    for (const f of factors) {
      out.push(
        await recordFactorEvent(
          tx,
          f,
          "transfer_registered",
          {
            to: encumbered ? "ENCUMBERED" : "ACTIVE",
            reason: "the registry records the buyer as holder",
            ruleId: "FAC-R10",
            data: {
              listingId: seen.listing.id,
              liensFollow: liens.filter((l) => l.status === "active").map((l) => l.id),
            },
            patch: {
              holder: f.pendingHolder ?? f.holder,
              pendingHolder: null,
              registrantRef: winner?.placedBySubjectRef ?? null,
              registrantInstitutionId: null,
            },
          },
          act,
        ),
      );
    }
    return { factors: out.map(view), outcome: "registered" as const };
  });
}
