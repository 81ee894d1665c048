import { DomainError, hasRole, inRegion, type Principal } from "../../kernel/mod.ts";
import type { Party, QuickClaimCase } from "./quick-claim-case.ts";

/** How a principal is related to a case (KRN-R06 object-level access). */
export type CaseViewer = "platform" | "regulator" | "police" | "clerk" | "adjuster" | "party";

type CaseLike = Pick<QuickClaimCase, "regionCode" | "parties" | "assessment">;

/** Insurers involved in a case: the parties' declared insurers and those on the assessment. */
export function insurersOf(c: CaseLike): Set<string> {
  const ids = new Set<string>();
  for (const p of c.parties) if (p.items) ids.add(p.items.insurerId);
  for (const cov of c.assessment?.coverage ?? []) {
    if (cov.compulsory) ids.add(cov.compulsory.insurerId);
    if (cov.commercialThirdParty) ids.add(cov.commercialThirdParty.insurerId);
  }
  return ids;
}

/** The party a citizen principal acts for, matched by the blind index of the party's mobile. */
export function partyOf(p: Principal, c: Pick<QuickClaimCase, "parties">): Party | undefined {
  if (p.subjectRef === undefined) return undefined;
  return c.parties.find((party) => party.subjectRef === p.subjectRef);
}

/** How `p` may see the case, or undefined. */
export function caseViewer(p: Principal, c: CaseLike): CaseViewer | undefined {
  if (hasRole(p, "platform_admin")) return "platform";
  const here = inRegion(p, c.regionCode);
  if (here && hasRole(p, "regulator")) return "regulator";
  if (here && hasRole(p, "police")) return "police";
  if (here && hasRole(p, "clerk")) return "clerk";
  if (here && hasRole(p, "adjuster") && p.institutionId !== undefined && insurersOf(c).has(p.institutionId)) {
    return "adjuster";
  }
  if (partyOf(p, c)) return "party";
  return undefined;
}

/** Object-level check: a case the principal may not see answers exactly like a missing one. */
export function assertCanSeeCase(p: Principal, c: CaseLike): CaseViewer {
  const viewer = caseViewer(p, c);
  if (viewer === undefined) throw new DomainError("case not found", { ruleId: "KRN-R06", kind: "not_found" });
  return viewer;
}

/** The citizen's own party in the case; others who can see the case get "forbidden". */
export function requireOwnParty(p: Principal, c: CaseLike, what: string): Party {
  assertCanSeeCase(p, c);
  const party = partyOf(p, c);
  if (!party) {
    throw new DomainError(`only a party of the case can ${what}`, { ruleId: "KRN-R06", kind: "forbidden" });
  }
  return party;
}

/** Requires one of the given viewer kinds (after the visibility check). */
export function requireViewer(p: Principal, c: CaseLike, allowed: readonly CaseViewer[], what: string): CaseViewer {
  const viewer = assertCanSeeCase(p, c);
  if (!allowed.includes(viewer)) {
    throw new DomainError(`${viewer} may not ${what}`, { ruleId: "KRN-R06", kind: "forbidden" });
  }
  return viewer;
}
