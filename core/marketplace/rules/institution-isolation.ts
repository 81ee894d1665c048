import { assertCanSee, DomainError, hasRole, inRegion, type Principal } from "../../kernel/mod.ts";

/**
 * MKT-R09 institution isolation. An institution sees only applications addressed to it and
 * only the data pushed to it; regulators read every institution of their region; a data subject
 * sees their own. Anything else looks exactly like "not found" (KRN-R06).
 */
export const ISOLATION_RULE = "MKT-R09";

const STAFF = ["institution_staff", "institution_admin"] as const;

/** Throws not_found unless `p` may see `obj` (see assertCanSee). */
export function assertMaySee(
  p: Principal,
  obj: { readonly regionCode: string; readonly institutionId?: string | null; readonly subjectRef?: string | null },
  what: string,
): void {
  try {
    assertCanSee(p, obj, what);
  } catch {
    throw new DomainError(`${what} not found`, { ruleId: ISOLATION_RULE, kind: "not_found" });
  }
}

/**
 * Only the recipient institution (and the subject) may read pushed data itself; regulators see
 * the push log, not the content.
 */
export function assertMayReadPushedData(
  p: Principal,
  push: { readonly regionCode: string; readonly recipientInstitutionId: string; readonly subjectRef: string },
): void {
  const recipient =
    p.institutionId === push.recipientInstitutionId && hasRole(p, ...STAFF) && inRegion(p, push.regionCode);
  const subject = p.subjectRef !== undefined && p.subjectRef === push.subjectRef;
  if (!recipient && !subject) {
    throw new DomainError("pushed data not found", { ruleId: ISOLATION_RULE, kind: "not_found" });
  }
}

/**
 * Which institutions' rows a principal may read in a region's report: all for regulators (and
 * platform admins), its own for institution staff; nobody else.
 */
export function reportScope(p: Principal, regionCode: string): { readonly institutionId?: string } {
  if (hasRole(p, "platform_admin")) return {};
  if (hasRole(p, "regulator") && inRegion(p, regionCode)) return {};
  if (hasRole(p, ...STAFF) && p.institutionId !== undefined && inRegion(p, regionCode)) {
    return { institutionId: p.institutionId };
  }
  throw new DomainError("the institution report is for regulators and institution staff of the region", {
    ruleId: ISOLATION_RULE,
    kind: "forbidden",
  });
}

/** Institution staff act only for their own institution (e.g. recording an outcome). */
export function assertActsFor(p: Principal, institutionId: string, regionCode: string, what: string): void {
  const own = hasRole(p, ...STAFF) && p.institutionId === institutionId && inRegion(p, regionCode);
  const system = hasRole(p, "platform_admin");
  if (!own && !system) throw new DomainError(`${what} not found`, { ruleId: ISOLATION_RULE, kind: "not_found" });
}
