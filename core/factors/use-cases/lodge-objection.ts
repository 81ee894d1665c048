import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { Objection } from "../domain/collateral.ts";
import { assertObjectionWindow } from "../rules/public-notice.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor } from "./support/load.ts";
import { id, parseInput, text } from "./support/parse-input.ts";
import { actOf, audit, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const lodgeObjectionInput = v.object({
  factorId: id("factorId"),
  grounds: text("grounds", 2000),
});

/**
 * FAC-R02 异议: during public notice anyone signed in may object, with grounds. The factor is
 * DISPUTED until the county decides. A public notice is public, so no ownership check applies.
 */
export async function lodgeObjection(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ objection: Objection; factor: FactorView }> {
  const i = parseInput(lodgeObjectionInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const factor = await loadFactor(tx, deps.regionCode, i.factorId, true);
    assertObjectionWindow(factor.status, factor.noticeClosesOn, act.today);
    const objection: Objection = {
      id: deps.ids.next("obj"),
      regionCode: factor.regionCode,
      factorId: factor.id,
      lodgedBy: principal.id,
      grounds: i.grounds,
      lodgedAt: act.at,
      status: "open",
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
    };
    await tx.objections.insert(objection);
    await audit(tx, act, factor.regionCode, "objection.lodged", "objection", objection.id, { factorId: factor.id });
    const disputed = await recordFactorEvent(
      tx,
      factor,
      "objection_lodged",
      { reason: "objection lodged during public notice", ruleId: "FAC-R02", data: { objectionId: objection.id } },
      act,
    );
    return { objection, factor: factorView(principal, disputed) };
  });
}
