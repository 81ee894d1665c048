import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { rejectionError } from "../rules/confirmation.ts";
import { assertActsForHolder } from "./support/access.ts";
import { confirmAndPublicise, consultRegistry } from "./support/confirmation-flow.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const submitFactorInput = v.object({
  factorId: id("factorId"),
  evidence: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(20))),
});

export interface SubmitFactorResult {
  readonly factor: FactorView;
  /** publicised: confirmed and on public notice; awaiting_*: submitted, the registry has yet to answer. */
  readonly outcome: "publicised" | "awaiting_department" | "awaiting_registry";
}

/**
 * FAC-R01 submission (提交确权): the confirming registry is asked first, outside the transaction.
 * A holder the registry does not record, another type, or no record refuses the submission with
 * nothing written (the draft stays for correction). A match is confirmed and publicised at once;
 * a department still deciding, or a registry that does not answer, leaves it SUBMITTED and
 * visibly waiting (KRN-R10) for confirmFactor.
 */
export async function submitFactor(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<SubmitFactorResult> {
  const i = parseInput(submitFactorInput, input);
  const act = actOf(principal, deps.clock.now());
  const draft = await deps.uow.run((tx) => loadFactor(tx, deps.regionCode, i.factorId));
  assertActsForHolder(principal, draft);
  if (draft.status !== "DRAFT") {
    throw new DomainError(`only a draft is submitted; the factor is ${draft.status}`, {
      ruleId: "FAC-LIFECYCLE",
      kind: "conflict",
      field: "factorId",
    });
  }
  const policy = deps.policyFor(draft.countyCode);
  const outcome = await consultRegistry(deps, policy, draft, act.today);
  if (outcome.verdict?.verdict === "rejected") throw rejectionError(outcome.verdict);

  return deps.uow.run(async (tx) => {
    const current = await loadFactor(tx, deps.regionCode, draft.id, true);
    if (current.version !== draft.version) {
      throw new DomainError("the factor changed while the registry was consulted; try again", {
        ruleId: "KRN-R09",
        kind: "conflict",
        field: "factorId",
      });
    }
    const waitingFor = outcome.verdict === null || outcome.authority.kind === "registry" ? "registry" : "department";
    const submitted = await recordFactorEvent(
      tx,
      current,
      "submitted",
      {
        reason: "submitted for confirmation",
        ruleId: "FAC-R01",
        data: outcome.verdict?.verdict === "confirmed" ? {} : { awaiting: waitingFor, registryError: outcome.error },
        patch: i.evidence ? { evidence: [...current.evidence, ...i.evidence] } : {},
      },
      act,
    );
    if (outcome.verdict?.verdict !== "confirmed") {
      return {
        factor: factorView(principal, submitted),
        outcome: waitingFor === "registry" ? "awaiting_registry" : "awaiting_department",
      };
    }
    const factor = await confirmAndPublicise(tx, deps, policy, submitted, outcome, act);
    return { factor: factorView(principal, factor), outcome: "publicised" };
  });
}
