import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import { assertCanActivate } from "../rules/public-notice.ts";
import { assertCanSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const activateFactorInput = v.object({ factorId: id("factorId") });

/** FAC-R02 an unopposed factor whose notice has run its term becomes ACTIVE (a daily job, or on request). */
export async function activateFactor(deps: FactorsDeps, principal: Principal, input: unknown): Promise<FactorView> {
  const i = parseInput(activateFactorInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const factor = await loadFactor(tx, deps.regionCode, i.factorId, true);
    assertCanSeeFactor(principal, factor);
    if (hasRole(principal, "citizen") && principal.subjectRef !== factor.registrantRef) {
      throw new DomainError("factor not found", { ruleId: "KRN-R06", kind: "not_found", field: "factorId" });
    }
    assertCanActivate(factor.status, factor.noticeClosesOn, act.today);
    const active = await recordFactorEvent(
      tx,
      factor,
      "activated",
      { reason: `public notice closed on ${factor.noticeClosesOn} without objection`, ruleId: "FAC-R02" },
      act,
    );
    return factorView(principal, active);
  });
}
