import * as v from "valibot";
import { hasRole, inRegion, type Principal } from "../../kernel/mod.ts";
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
  /** The collateral unit the factor moves with: itself, or its whole 三权合一 bundle (FAC-R03). */
  readonly unit: { readonly id: string; readonly kind: "factor" | "bundle"; readonly factorIds: readonly string[] };
  /** What the caller is to this factor (the use cases still check every action). */
  readonly viewer: {
    /** Acts for the holder: the registrant citizen or institution, or a platform admin. */
    readonly holder: boolean;
    /** A regulator of the factor's county (or prefecture), or a platform admin. */
    readonly official: boolean;
    /** An institution given a part in it (lender, guarantor, insurer, collection company). */
    readonly institution: boolean;
  };
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
    const [events, liens, objections, valuation, bundle] = await Promise.all([
      tx.factors.history(deps.regionCode, factor.id),
      tx.liens.listByUnit(deps.regionCode, unitId),
      tx.objections.listByFactor(deps.regionCode, factor.id),
      tx.valuations.latestForUnit(deps.regionCode, unitId),
      factor.bundleId ? tx.bundles.get(deps.regionCode, factor.bundleId) : Promise.resolve(null),
    ]);
    const admin = hasRole(principal, "platform_admin");
    const inst = principal.institutionId;
    const ranked = rankLiens(liens);
    const ended = liens.filter((l) => l.status !== "active").sort((a, b) => a.registrationSeq - b.registrationSeq);
    return {
      factor: factorView(principal, factor),
      events,
      liens: [...ranked.map((l, k) => ({ ...l, rank: k + 1 })), ...ended.map((l) => ({ ...l, rank: null }))],
      objections,
      valuation,
      unit: bundle
        ? { id: bundle.id, kind: "bundle", factorIds: bundle.memberIds }
        : { id: factor.id, kind: "factor", factorIds: [factor.id] },
      viewer: {
        holder:
          admin ||
          (principal.subjectRef !== undefined && principal.subjectRef === factor.registrantRef) ||
          (inst !== undefined && inst === factor.registrantInstitutionId),
        official: admin || (hasRole(principal, "regulator") && inRegion(principal, factor.countyCode)),
        institution: inst !== undefined && factor.institutionIds.includes(inst),
      },
    };
  });
}
