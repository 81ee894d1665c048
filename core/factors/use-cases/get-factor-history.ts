import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { Objection, Valuation } from "../domain/collateral.ts";
import type { FactorEvent } from "../domain/factor-event.ts";
import type { Lien } from "../domain/lending.ts";
import { rankLiens } from "../rules/lien-ranking.ts";
import { assertCanSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { loadFactor } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const getFactorHistoryInput = v.object({ factorId: id("factorId") });

export interface FactorHistory {
  readonly factor: FactorView;
  readonly events: readonly FactorEvent[];
  /** Active liens in rank order (FAC-R06), then ended ones. */
  readonly liens: readonly (Lien & { readonly rank: number | null })[];
  readonly objections: readonly Objection[];
  readonly valuation: Valuation | null;
}

/** A factor's full history (never rewritten), its liens by rank, objections and current valuation. */
export async function getFactorHistory(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<FactorHistory> {
  const i = parseInput(getFactorHistoryInput, input);
  return deps.uow.run(async (tx) => {
    const factor = await loadFactor(tx, deps.regionCode, i.factorId);
    assertCanSeeFactor(principal, factor);
    const unitId = factor.bundleId ?? factor.id;
    const [events, liens, objections, valuation] = await Promise.all([
      tx.factors.history(deps.regionCode, factor.id),
      tx.liens.listByUnit(deps.regionCode, unitId),
      tx.objections.listByFactor(deps.regionCode, factor.id),
      tx.valuations.latestForUnit(deps.regionCode, unitId),
    ]);
    const ranked = rankLiens(liens);
    const ended = liens.filter((l) => l.status !== "active").sort((a, b) => a.registrationSeq - b.registrationSeq);
    return {
      factor: factorView(principal, factor),
      events,
      liens: [...ranked.map((l, k) => ({ ...l, rank: k + 1 })), ...ended.map((l) => ({ ...l, rank: null }))],
      objections,
      valuation,
    };
  });
}
