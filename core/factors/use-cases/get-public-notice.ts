import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { Objection } from "../domain/collateral.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { type PublicNotice, publicNotice } from "./support/public-factor.ts";

export const getPublicNoticeInput = v.object({ factorId: id("factorId") });

export interface PublicNoticeDetail {
  readonly notice: PublicNotice;
  /** Objections lodged, without who lodged them: their grounds and the county's decisions. */
  readonly objections: readonly Omit<Objection, "lodgedBy" | "decidedBy">[];
  /** The caller's own objections to it. */
  readonly mine: readonly string[];
}

/**
 * FAC-R02 公示: a factor on public notice (or disputed) as anyone signed in may read it, to lodge
 * an objection. Any other factor reads as not found here (its page is for its parties only).
 */
export async function getPublicNotice(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<PublicNoticeDetail> {
  const i = parseInput(getPublicNoticeInput, input);
  return deps.uow.run(async (tx) => {
    const factor = await tx.factors.get(deps.regionCode, i.factorId);
    if (!factor || (factor.status !== "PUBLICISED" && factor.status !== "DISPUTED")) {
      throw notFound("public notice", "factorId");
    }
    const objections = await tx.objections.listByFactor(deps.regionCode, factor.id);
    return {
      notice: publicNotice(factor),
      objections: objections.map(({ lodgedBy: _l, decidedBy: _d, ...rest }) => rest),
      mine: objections.filter((o) => o.lodgedBy === principal.id).map((o) => o.id),
    };
  });
}
