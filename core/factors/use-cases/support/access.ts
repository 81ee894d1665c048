import { DomainError, hasRole, inRegion, type Principal } from "../../../kernel/mod.ts";
import type { Factor } from "../../domain/factor.ts";

/**
 * KRN-R06 who may see a factor: platform admins; regulators of its county or prefecture; the
 * citizen who registered it; institutions that registered it or were given a part in it (lender,
 * guarantor, insurer, collection company) and act in its region. Denial reads as "not found".
 */
export function canSeeFactor(
  p: Principal,
  f: Pick<Factor, "countyCode" | "registrantRef" | "registrantInstitutionId" | "institutionIds">,
): boolean {
  if (hasRole(p, "platform_admin")) return true;
  if (hasRole(p, "regulator") && inRegion(p, f.countyCode)) return true;
  if (p.subjectRef !== undefined && f.registrantRef !== null && p.subjectRef === f.registrantRef) return true;
  const inst = p.institutionId;
  return (
    inst !== undefined &&
    inRegion(p, f.countyCode) &&
    (f.registrantInstitutionId === inst || f.institutionIds.includes(inst))
  );
}

export function assertCanSeeFactor(p: Principal, f: Parameters<typeof canSeeFactor>[1]): void {
  if (!canSeeFactor(p, f))
    throw new DomainError("factor not found", { ruleId: "KRN-R06", kind: "not_found", field: "factorId" });
}

/** Acting for the holder: the registrant citizen or registering institution, or a platform admin. */
export function assertActsForHolder(p: Principal, f: Parameters<typeof canSeeFactor>[1]): void {
  assertCanSeeFactor(p, f);
  const ok =
    hasRole(p, "platform_admin") ||
    (p.subjectRef !== undefined && p.subjectRef === f.registrantRef) ||
    (p.institutionId !== undefined && p.institutionId === f.registrantInstitutionId);
  if (!ok) {
    throw new DomainError("only the holder (or whoever registered the factor for them) may do this", {
      ruleId: "KRN-R06",
      kind: "forbidden",
    });
  }
}

/** Institution staff acting for `institutionId` in the region (or a platform admin). */
export function assertActsForInstitution(p: Principal, institutionId: string, countyCode: string, what: string): void {
  if (hasRole(p, "platform_admin")) return;
  const staff = hasRole(p, "institution_staff", "institution_admin");
  if (!staff || p.institutionId !== institutionId || !inRegion(p, countyCode)) {
    throw new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found" });
  }
}

/** County decisions (objections, registry follow-up): regulators of the county and platform admins. */
export function assertCountyOfficial(p: Principal, countyCode: string): void {
  if (hasRole(p, "platform_admin") || (hasRole(p, "regulator") && inRegion(p, countyCode))) return;
  throw new DomainError("only the county's officials decide this", { ruleId: "KRN-R06", kind: "forbidden" });
}
