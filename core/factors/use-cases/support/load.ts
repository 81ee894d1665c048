import { DomainError } from "../../../kernel/mod.ts";
import type { CollateralUnit, MarineBundle } from "../../domain/collateral.ts";
import type { Factor } from "../../domain/factor.ts";
import type { FactorsTx } from "../../factors.ports.ts";
import type { FactorsPolicy } from "../../policy.ts";
import { bundleMemberTypes, collateralUnitOf } from "../../rules/marine-bundle.ts";

export function notFound(what: string, field: string): DomainError {
  return new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found", field });
}

export async function loadFactor(tx: FactorsTx, regionCode: string, id: string, forUpdate = false): Promise<Factor> {
  const f = await tx.factors.get(regionCode, id, { forUpdate });
  if (!f) throw notFound("factor", "factorId");
  return f;
}

export interface LoadedUnit {
  readonly unit: CollateralUnit;
  readonly factors: readonly Factor[];
  readonly bundle: MarineBundle | null;
}

/**
 * Loads the factors an operation names and resolves them to one collateral unit (FAC-R03: a
 * bundle moves whole). Factors come back in the unit's order. Unknown ids read as not found.
 */
export async function loadUnit(
  tx: FactorsTx,
  regionCode: string,
  policy: (countyCode: string | null) => FactorsPolicy,
  factorIds: readonly string[],
  onDate: string,
  forUpdate = false,
): Promise<LoadedUnit> {
  const [only] = await loadUnits(tx, regionCode, policy, [factorIds], onDate, forUpdate);
  return only as LoadedUnit;
}

/**
 * Several collateral units at once (a loan secured by, say, a homestay revenue right and a
 * house). No factor may be named twice. With `forUpdate`, every row is locked in one call, in
 * id order, so that two transactions locking overlapping units cannot deadlock.
 */
export async function loadUnits(
  tx: FactorsTx,
  regionCode: string,
  policy: (countyCode: string | null) => FactorsPolicy,
  groups: readonly (readonly string[])[],
  onDate: string,
  forUpdate = false,
): Promise<LoadedUnit[]> {
  const all = groups.flat();
  const unique = [...new Set(all)].sort();
  if (unique.length !== all.length) {
    throw new DomainError("a factor is named twice", { ruleId: "FAC-R03", field: "factorIds" });
  }
  const found = await tx.factors.getMany(regionCode, unique, { forUpdate });
  if (found.length !== unique.length) throw notFound("factor", "factorIds");
  const byId = new Map(found.map((f) => [f.id, f]));
  const out: LoadedUnit[] = [];
  for (const ids of groups) {
    const factors = ids.map((id) => byId.get(id) as Factor);
    const first = factors[0];
    if (!first)
      throw new DomainError("name the factor, or every factor of the bundle", {
        ruleId: "FAC-R03",
        field: "factorIds",
      });
    const bundle = first.bundleId ? await tx.bundles.get(regionCode, first.bundleId) : null;
    const unit = collateralUnitOf(factors, bundle, bundleMemberTypes(policy(first.countyCode), onDate));
    out.push({ unit, factors: unit.factorIds.map((id) => byId.get(id) as Factor), bundle });
  }
  return out;
}

/** Every factor of the unit must be in one of `statuses`. */
export function assertUnitStatus(
  factors: readonly Factor[],
  statuses: readonly Factor["status"][],
  doing: string,
): void {
  for (const f of factors) {
    if (!statuses.includes(f.status)) {
      throw new DomainError(`factor ${f.id} is ${f.status}: it cannot be ${doing}`, {
        ruleId: "FAC-LIFECYCLE",
        kind: "conflict",
        field: "factorIds",
      });
    }
  }
}
