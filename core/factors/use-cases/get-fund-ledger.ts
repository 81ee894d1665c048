import * as v from "valibot";
import { businessDateOf, DomainError, hasRole, type Principal, valueAsOf } from "../../kernel/mod.ts";
import type { CountyFundYear, FundLedger } from "../domain/fund-ledger.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { countyScope } from "./support/scope.ts";

export const getFundLedgerInput = v.object({
  countyCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/, "countyCode is a 6-digit code"))), null),
  year: v.pipe(
    v.number("year is a calendar year"),
    v.integer("year is a calendar year"),
    v.minValue(2000, "year is 2000 or later"),
    v.maxValue(9999, "year is a calendar year"),
  ),
});

/**
 * FAC-R09 the government risk-compensation fund's ledger for one calendar year: every claim on
 * each county's fund (its part of a defaulted loan's loss) and, per county, the annual cap in
 * force, what the fund has taken and what is left. The fund has no system on the platform: the
 * county finance bureau reads (and exports) this ledger to file the claims. Regulators (the
 * prefecture's, or a county's for its county) and platform admins only; others read "not found".
 */
export async function getFundLedger(deps: FactorsDeps, principal: Principal, input: unknown): Promise<FundLedger> {
  const i = parseInput(getFundLedgerInput, input);
  if (!hasRole(principal, "regulator", "platform_admin")) {
    throw new DomainError("fund ledger not found", { ruleId: "KRN-R06", kind: "not_found" });
  }
  const scope = countyScope(principal, deps.regionCode, i.countyCode);
  const today = businessDateOf(deps.clock.now());
  const currentYear = Number(today.slice(0, 4));
  if (i.year > currentYear) {
    throw new DomainError(`year ${i.year} has not begun`, { ruleId: "KRN-R11", field: "year" });
  }
  const capsAsOf = i.year === currentYear ? today : `${i.year}-12-31`;
  const region = deps.policyFor(null);
  const counties = Object.keys(region.counties)
    .filter((code) => scope === null || scope.includes(code))
    .sort();
  if (i.countyCode !== null && !counties.includes(i.countyCode)) {
    throw new DomainError(`county ${i.countyCode} is not in region ${deps.regionCode}`, {
      ruleId: "KRN-R06",
      kind: "not_found",
      field: "countyCode",
    });
  }
  const claims = await deps.statistics.fundClaims({ regionCode: deps.regionCode, countyCodes: counties, year: i.year });
  const rows: CountyFundYear[] = counties.map((code) => {
    const mine = claims.filter((c) => c.countyCode === code);
    const used = mine.reduce((s, c) => s + c.fundPart, 0);
    const annualCap = valueAsOf(
      deps.policyFor(code).riskSharing.governmentFundAnnualCapFen,
      capsAsOf,
      "factors.riskSharing.governmentFundAnnualCapFen",
    );
    return {
      countyCode: code,
      annualCap,
      used,
      remaining: annualCap === null ? null : Math.max(0, annualCap - used),
      claims: mine.length,
    };
  });
  return {
    regionCode: deps.regionCode,
    countyCode: i.countyCode,
    year: i.year,
    capsAsOf,
    counties: rows,
    claims,
    total: claims.reduce((s, c) => s + c.fundPart, 0),
  };
}
