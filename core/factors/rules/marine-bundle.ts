import { DomainError, valueAsOf } from "../../kernel/mod.ts";
import type { CollateralUnit, MarineBundle } from "../domain/collateral.ts";
import type { Factor } from "../domain/factor.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R03";

function fail(message: string, detail?: Record<string, unknown>): DomainError {
  return new DomainError(message, { ruleId: RULE, field: "factorIds", ...(detail ? { detail } : {}) });
}

/** The member types of a 三权合一 bundle in force on `onDate` (R04 + A01 + R05 by default). */
export function bundleMemberTypes(policy: FactorsPolicy, onDate: string): readonly string[] {
  return valueAsOf(policy.marineBundle.memberTypes, onDate, "factors.marineBundle.memberTypes");
}

/**
 * FAC-R03: the factors that may form a bundle — one of each member type, on the same site, of the
 * same holder and county, all ACTIVE and in no other bundle. Returns the member ids in type order.
 */
export function bundleMembers(factors: readonly Factor[], memberTypes: readonly string[]): string[] {
  if (factors.length !== memberTypes.length) {
    throw fail(`a 三权合一 bundle has exactly one factor of each type ${memberTypes.join(" + ")}`);
  }
  const [first] = factors;
  const ids: string[] = [];
  for (const type of memberTypes) {
    const matches = factors.filter((f) => f.typeCode === type);
    const f = matches[0];
    if (matches.length !== 1 || !f) throw fail(`a 三权合一 bundle needs exactly one factor of type ${type}`);
    ids.push(f.id);
  }
  for (const f of factors) {
    if (!first || f.siteRef === null || f.siteRef !== first.siteRef) {
      throw fail("the members of a 三权合一 bundle must lie on one site (same site reference)");
    }
    if (f.holder.ref !== first.holder.ref) throw fail("the members of a 三权合一 bundle must have one holder");
    if (f.countyCode !== first.countyCode) throw fail("the members of a 三权合一 bundle must lie in one county");
    if (f.status !== "ACTIVE") throw fail(`factor ${f.id} is ${f.status}; only active factors form a bundle`);
    if (f.bundleId !== null) throw fail(`factor ${f.id} is already in bundle ${f.bundleId}`);
  }
  return ids;
}

/**
 * FAC-R03: what an operation on `selected` works on. Members of a bundle are valued, mortgaged,
 * transferred and disposed of together or not at all; a member type outside a bundle must be
 * bundled first; any other factor is a unit on its own.
 */
export function collateralUnitOf(
  selected: readonly Factor[],
  bundle: MarineBundle | null,
  memberTypes: readonly string[],
): CollateralUnit {
  const [first] = selected;
  if (!first) throw fail("name the factor, or every factor of the 三权合一 bundle");
  const bundleId = first.bundleId;
  if (bundleId !== null || selected.some((f) => f.bundleId !== null)) {
    if (!bundle || selected.some((f) => f.bundleId !== bundle.id)) {
      throw fail("these factors do not form one 三权合一 bundle");
    }
    const chosen = new Set(selected.map((f) => f.id));
    const missing = bundle.memberIds.filter((id) => !chosen.has(id));
    if (missing.length > 0 || chosen.size !== bundle.memberIds.length) {
      throw fail("a 三权合一 bundle moves as a whole: name every member, not a part of it", {
        bundleId: bundle.id,
        missing,
      });
    }
    return {
      kind: "bundle",
      id: bundle.id,
      factorIds: bundle.memberIds,
      typeCodes: memberTypes,
      regionCode: bundle.regionCode,
      countyCode: bundle.countyCode,
      holderRef: first.holder.ref,
    };
  }
  if (selected.length > 1) throw fail("one operation works on one factor or one 三权合一 bundle");
  if (memberTypes.includes(first.typeCode)) {
    throw fail(`a factor of type ${first.typeCode} moves only within its 三权合一 bundle: form the bundle first`, {
      factorId: first.id,
    });
  }
  return {
    kind: "factor",
    id: first.id,
    factorIds: [first.id],
    typeCodes: [first.typeCode],
    regionCode: first.regionCode,
    countyCode: first.countyCode,
    holderRef: first.holder.ref,
  };
}
