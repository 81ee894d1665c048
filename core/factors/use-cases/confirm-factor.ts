import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import { assertCanSeeFactor } from "./support/access.ts";
import { confirmAndPublicise, consultRegistry } from "./support/confirmation-flow.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const confirmFactorInput = v.object({ factorId: id("factorId") });

export interface ConfirmFactorResult {
  readonly factor: FactorView;
  readonly outcome: "publicised" | "rejected" | "awaiting_department" | "awaiting_registry";
}

/**
 * FAC-R01 follow-up of a SUBMITTED factor (the department's callback, a retry job, or the holder
 * asking again): the registry's answer now confirms and publicises it, or rejects it — recorded
 * in its history with the reason — or it keeps waiting.
 */
export async function confirmFactor(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<ConfirmFactorResult> {
  const i = parseInput(confirmFactorInput, input);
  const act = actOf(principal, deps.clock.now());
  const seen = await deps.uow.run((tx) => loadFactor(tx, deps.regionCode, i.factorId));
  assertCanSeeFactor(principal, seen);
  if (!hasRole(principal, "platform_admin", "regulator", "citizen", "clerk", "institution_staff")) {
    throw new DomainError("this role may not follow up a confirmation", { ruleId: "KRN-R06", kind: "forbidden" });
  }
  if (seen.status !== "SUBMITTED") {
    throw new DomainError(`only a submitted factor awaits confirmation; it is ${seen.status}`, {
      ruleId: "FAC-LIFECYCLE",
      kind: "conflict",
      field: "factorId",
    });
  }
  const policy = deps.policyFor(seen.countyCode);
  const outcome = await consultRegistry(deps, policy, seen, act.today);
  if (outcome.verdict === null) return { factor: factorView(principal, seen), outcome: "awaiting_registry" };
  if (outcome.verdict.verdict === "pending")
    return { factor: factorView(principal, seen), outcome: "awaiting_department" };

  return deps.uow.run(async (tx) => {
    const current = await loadFactor(tx, deps.regionCode, seen.id, true);
    if (current.version !== seen.version) {
      throw new DomainError("the factor changed while the registry was consulted; try again", {
        ruleId: "KRN-R09",
        kind: "conflict",
        field: "factorId",
      });
    }
    const verdict = outcome.verdict;
    if (verdict?.verdict === "rejected") {
      const factor = await recordFactorEvent(
        tx,
        current,
        "rejected",
        { reason: verdict.message, ruleId: "FAC-R01", data: { reason: verdict.reason } },
        act,
      );
      return { factor: factorView(principal, factor), outcome: "rejected" as const };
    }
    const factor = await confirmAndPublicise(tx, deps, policy, current, outcome, act);
    return { factor: factorView(principal, factor), outcome: "publicised" as const };
  });
}
