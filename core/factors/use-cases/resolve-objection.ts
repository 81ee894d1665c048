import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { Objection } from "../domain/collateral.ts";
import { statusAfterDismissal } from "../rules/public-notice.ts";
import { assertCountyOfficial } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor, notFound } from "./support/load.ts";
import { id, parseInput, text } from "./support/parse-input.ts";
import { actOf, audit, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const resolveObjectionInput = v.object({
  factorId: id("factorId"),
  objectionId: id("objectionId"),
  decision: v.picklist(["upheld", "dismissed"], "decision is upheld or dismissed"),
  reason: text("reason", 2000),
});

/**
 * FAC-R02 the county decides an objection. Upheld: the factor is REJECTED. Dismissed: once no
 * objection is open, the factor goes back to notice if it still runs, or becomes ACTIVE.
 */
export async function resolveObjection(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ objection: Objection; factor: FactorView }> {
  const i = parseInput(resolveObjectionInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const factor = await loadFactor(tx, deps.regionCode, i.factorId, true);
    assertCountyOfficial(principal, factor.countyCode);
    const all = await tx.objections.listByFactor(deps.regionCode, factor.id);
    const objection = all.find((o) => o.id === i.objectionId);
    if (!objection) throw notFound("objection", "objectionId");
    if (objection.status !== "open") {
      throw new DomainError(`the objection was already ${objection.status}`, {
        ruleId: "FAC-R02",
        kind: "conflict",
        field: "objectionId",
      });
    }
    const decided: Objection = {
      ...objection,
      status: i.decision,
      decidedAt: act.at,
      decidedBy: principal.id,
      decisionReason: i.reason,
    };
    await tx.objections.update(decided);
    await audit(tx, act, factor.regionCode, `objection.${i.decision}`, "objection", objection.id, {
      factorId: factor.id,
    });
    const data = { objectionId: objection.id };
    if (i.decision === "upheld") {
      const rejected = await recordFactorEvent(
        tx,
        factor,
        "objection_upheld",
        { reason: i.reason, ruleId: "FAC-R02", data },
        act,
      );
      return { objection: decided, factor: factorView(principal, rejected) };
    }
    const stillOpen = all.some((o) => o.id !== objection.id && o.status === "open");
    const to = stillOpen ? "DISPUTED" : statusAfterDismissal(factor.noticeClosesOn, act.today);
    const next = await recordFactorEvent(
      tx,
      factor,
      "objections_dismissed",
      { to, reason: i.reason, ruleId: "FAC-R02", data },
      act,
    );
    return { objection: decided, factor: factorView(principal, next) };
  });
}
