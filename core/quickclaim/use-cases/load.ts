import { DomainError, type Principal } from "../../kernel/mod.ts";
import { assertCanSeeCase } from "../domain/case-access.ts";
import type { Claim } from "../domain/claim.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import type { QuickClaimTx } from "../quickclaim.ports.ts";

const notFound = (what: string) => new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found" });

/** Loads and locks a case the principal may see; anything else is "not found" (KRN-R06). */
export async function lockCase(tx: QuickClaimTx, caseId: string, p: Principal): Promise<QuickClaimCase> {
  const c = await tx.cases.getForUpdate(caseId);
  if (!c) throw notFound("case");
  assertCanSeeCase(p, c);
  return c;
}

/** Reads (without locking) a case the principal may see. */
export async function readCase(tx: Pick<QuickClaimTx, "cases">, caseId: string, p: Principal): Promise<QuickClaimCase> {
  const c = await tx.cases.get(caseId);
  if (!c) throw notFound("case");
  assertCanSeeCase(p, c);
  return c;
}

/**
 * Loads and locks a claim and its case — always the case first, then the claim, the same order
 * as every other use case, so concurrent transactions queue instead of deadlocking. The
 * principal must be able to see the case.
 */
export async function lockClaim(
  tx: QuickClaimTx,
  claimId: string,
  p: Principal,
): Promise<{ claim: Claim; theCase: QuickClaimCase }> {
  const peek = await tx.claims.get(claimId);
  if (!peek) throw notFound("claim");
  const theCase = await tx.cases.getForUpdate(peek.caseId);
  if (!theCase) throw notFound("claim");
  assertCanSeeCase(p, theCase);
  const claim = await tx.claims.getForUpdate(claimId);
  if (!claim) throw notFound("claim");
  return { claim, theCase };
}
