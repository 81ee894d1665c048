import * as v from "valibot";
import { DomainError, hasRole, inRegion, type Principal, valueAsOf } from "../../kernel/mod.ts";
import type { Dashboard } from "../domain/dashboard.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { isoDate, parseInput } from "./support/parse-input.ts";

export const getDashboardInput = v.pipe(
  v.object({
    countyCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/, "countyCode is a 6-digit code"))), null),
    from: isoDate("from"),
    to: isoDate("to"),
  }),
  v.forward(
    v.check((i) => i.from <= i.to, "from must not be after to"),
    ["from"],
  ),
);

/**
 * County and city dashboards (seed 一(三) figures, computed from data): entities financed,
 * balance by county / type / product, disposals, losses by party — and, from the policy pack,
 * the catalogue's size and the counties with a collection company. Regulators of the region only.
 */
export async function getDashboard(deps: FactorsDeps, principal: Principal, input: unknown): Promise<Dashboard> {
  const i = parseInput(getDashboardInput, input);
  const scope = i.countyCode ?? deps.regionCode;
  const allowed =
    hasRole(principal, "platform_admin") || (hasRole(principal, "regulator") && inRegion(principal, scope));
  if (!allowed) throw new DomainError("dashboard not found", { ruleId: "KRN-R06", kind: "not_found" });
  const policy = deps.policyFor(i.countyCode);
  if (i.countyCode !== null && !policy.counties[i.countyCode]) {
    throw new DomainError(`county ${i.countyCode} is not in region ${deps.regionCode}`, {
      ruleId: "KRN-R06",
      kind: "not_found",
      field: "countyCode",
    });
  }
  const query = { regionCode: deps.regionCode, countyCode: i.countyCode, from: i.from, to: i.to };
  const figures = await deps.statistics.figures(query);
  const counties = Object.entries(policy.counties).filter(([code]) => i.countyCode === null || code === i.countyCode);
  const types = Object.values(policy.catalogue);
  return {
    ...figures,
    query,
    factorTypes: types.length,
    factorCategories: new Set(types.map((t) => t.category)).size,
    counties: counties.length,
    countiesWithCollectionCompany: counties.filter(
      ([code, c]) => valueAsOf(c.collectionCompany, i.to, `factors.counties.${code}.collectionCompany`) !== null,
    ).length,
  };
}
