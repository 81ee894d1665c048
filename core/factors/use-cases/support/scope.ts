import { DomainError, hasRole, inRegion, type Principal, regionContains } from "../../../kernel/mod.ts";

/**
 * KRN-R06 the counties of a region a principal reads across: null for the whole region (platform
 * admins, and anyone acting in the prefecture or the province), else the counties they act in.
 * `asked` narrows it to one county, which must be within reach. Nothing within reach reads as
 * "not found".
 */
export function countyScope(p: Principal, regionCode: string, asked: string | null = null): readonly string[] | null {
  const whole = hasRole(p, "platform_admin") || inRegion(p, regionCode);
  const mine = p.regionCodes.filter((rc) => rc !== regionCode && regionContains(regionCode, rc));
  if (asked !== null) {
    const reachable = regionContains(regionCode, asked) && (whole || mine.some((rc) => regionContains(rc, asked)));
    if (!reachable)
      throw new DomainError("county not found", { ruleId: "KRN-R06", kind: "not_found", field: "countyCode" });
    return [asked];
  }
  if (whole) return null;
  if (mine.length === 0) throw new DomainError("region not found", { ruleId: "KRN-R06", kind: "not_found" });
  return mine;
}
