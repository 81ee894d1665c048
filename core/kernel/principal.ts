import { DomainError } from "./errors.ts";
import { regionContains } from "./identity/region-code.ts";

/** KRN-R06: who is making a request. */
export type Role =
  | "citizen"
  | "institution_staff"
  | "institution_admin"
  | "police"
  | "adjuster"
  | "clerk"
  | "regulator"
  | "platform_admin";

export interface Principal {
  readonly id: string;
  readonly roles: readonly Role[];
  /** The institution a staff member acts for; absent for citizens and regulators. */
  readonly institutionId?: string;
  /** Regions the principal acts in (regulators read across institutions of these). */
  readonly regionCodes: readonly string[];
  /** For citizens: the blind index of their identity, used to find their own records. */
  readonly subjectRef?: string;
  /**
   * For citizens: the IDs they proved to be theirs (实名认证, KRN-R06), as blind indexes
   * `BlindIndexer.index(kind, idNumber)` with kind "resident-id" or "uscc". A citizen speaks for a
   * data subject (consents, applications) only when its index is here.
   */
  readonly identities?: readonly string[];
}

/** Has this citizen proved the ID behind `idIndex` to be theirs (their own, or an enterprise they represent)? */
export function actsForSubject(p: Principal, idIndex: string): boolean {
  return p.identities?.includes(idIndex) === true;
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => p.roles.includes(r));
}

export function requireRole(p: Principal, ...roles: Role[]): void {
  if (!hasRole(p, ...roles)) {
    throw new DomainError(`this needs one of the roles: ${roles.join(", ")}`, { ruleId: "KRN-R06", kind: "forbidden" });
  }
}

/**
 * Does the object sit in a region the principal acts in? Counties belong to their prefecture and
 * prefectures to their province (a principal of 350000 acts in all of Fujian).
 */
export function inRegion(p: Principal, regionCode: string): boolean {
  return p.regionCodes.some((r) => regionContains(r, regionCode));
}

/**
 * Object-level check: institution staff reach only their own institution's objects, regulators
 * any object in their region, citizens only their own. Denial looks exactly like "not found".
 */
export function assertCanSee(
  p: Principal,
  obj: { readonly regionCode: string; readonly institutionId?: string | null; readonly subjectRef?: string | null },
  what = "object",
): void {
  const ok =
    hasRole(p, "platform_admin") ||
    (hasRole(p, "regulator") && inRegion(p, obj.regionCode)) ||
    (p.institutionId !== undefined && obj.institutionId === p.institutionId && inRegion(p, obj.regionCode)) ||
    (p.subjectRef !== undefined && obj.subjectRef === p.subjectRef);
  if (!ok) throw new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found" });
}
