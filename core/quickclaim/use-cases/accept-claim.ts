import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { requireViewer } from "../domain/case-access.ts";
import type { InsurerAcceptance } from "../domain/claim.ts";
import { type ClaimStatus, claimTransition } from "../domain/claim-status.ts";
import type { InsurerAcceptanceAnswer } from "../quickclaim.ports.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockClaim } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

export const acceptClaimInput = v.object({ claimId: idField });

/**
 * 保险公司受理: each insurer paying a part of the claim accepts its lines through the Insurer port
 * (outside the transaction; the call is safe to repeat). All accepted → ACCEPTED, ready to pay.
 * A decline is recorded and the claim stays ASSESSED for a person; an insurer not answering
 * leaves it ASSESSED to be retried (KRN-R10).
 */
export async function acceptClaim(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "insurer">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly status: ClaimStatus; readonly acceptances: readonly InsurerAcceptance[] }> {
  const input = parseInput(acceptClaimInput, rawInput, "QC-R07");
  const before = await deps.uow.run((tx) => lockClaim(tx, input.claimId, p));
  requireViewer(p, before.theCase, ["adjuster", "platform"], "have a claim accepted");
  if (before.claim.status !== "ASSESSED") claimTransition(before.claim.status, "accept");
  const insurers = [...new Set(before.claim.lines.map((l) => l.insurerId))];
  const answers: [string, InsurerAcceptanceAnswer][] = [];
  try {
    for (const insurerId of insurers) {
      const lines = before.claim.lines.filter((l) => l.insurerId === insurerId);
      const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
      answers.push([
        insurerId,
        await deps.insurer.acceptClaim({
          insurerId,
          claimId: before.claim.id,
          caseId: before.claim.caseId,
          lines,
          amountFen,
        }),
      ]);
    }
  } catch (e) {
    throw new DomainError("an insurer is not answering; the claim waits for acceptance", {
      ruleId: "KRN-R10",
      kind: "unavailable",
      detail: { cause: e instanceof Error ? e.message : String(e) },
    });
  }

  return deps.uow.run(async (tx) => {
    const { claim, theCase } = await lockClaim(tx, input.claimId, p);
    if (claim.version !== before.claim.version) {
      throw new DomainError("the claim changed while the insurers were asked; ask again", {
        ruleId: "QC-R07",
        kind: "conflict",
        field: "status",
      });
    }
    const at = deps.clock.now().toISOString();
    const acceptances: InsurerAcceptance[] = answers.map(([insurerId, a]) =>
      a.accepted
        ? { insurerId, state: "accepted", reference: a.reference, reason: null, at }
        : { insurerId, state: "declined", reference: null, reason: a.reason, at },
    );
    const allAccepted = acceptances.every((a) => a.state === "accepted");
    const status = allAccepted ? claimTransition(claim.status, "accept") : claim.status;
    await tx.claims.update({
      ...claim,
      status,
      acceptances,
      acceptedAt: allAccepted ? at : null,
      version: claim.version + 1,
    });
    await recordChange(tx, p, {
      regionCode: claim.regionCode,
      action: allAccepted ? "quickclaim.claim.accept" : "quickclaim.claim.decline",
      objectType: "quickclaim.claim",
      objectId: claim.id,
      detail: { acceptances: acceptances.map((a) => [a.insurerId, a.state]) },
      event: {
        type: allAccepted ? "quickclaim.claim.accepted" : "quickclaim.claim.declined",
        aggregateId: claim.id,
        payload: { claimId: claim.id, caseId: theCase.id, insurers },
      },
    });
    return { status, acceptances };
  });
}
