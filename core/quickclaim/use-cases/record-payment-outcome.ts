import { DomainError, type Principal } from "../../kernel/mod.ts";
import { caseTransition } from "../domain/case-status.ts";
import { claimTransition } from "../domain/claim-status.ts";
import type { PaymentAttempt, PaymentOutcome } from "../domain/payment-attempt.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import type { QuickClaimTx } from "../quickclaim.ports.ts";
import { applyPaymentOutcome } from "../rules/payout-once.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockClaim } from "./load.ts";
import { recordChange } from "./record-change.ts";

/** What a payment request ends with. */
export interface PaymentResult {
  readonly claimId: string;
  /** PAID, PAYING (outcome not known yet: the case waits visibly), PAYMENT_FAILED … */
  readonly status: string;
  readonly attemptNo: number;
  readonly requestId: string;
  readonly amountFen: number;
  readonly attemptState: PaymentAttempt["state"];
  readonly paidAt: string | null;
}

export function paymentResult(
  claimId: string,
  status: string,
  a: PaymentAttempt,
  paidAt: string | null,
): PaymentResult {
  return {
    claimId,
    status,
    attemptNo: a.attemptNo,
    requestId: a.requestId,
    amountFen: a.amountFen,
    attemptState: a.state,
    paidAt,
  };
}

/**
 * QC-R07 records the gateway's answer for `requestId` in its own transaction, under the claim's
 * row lock: the claim becomes PAID (and the case too when every claim with money due is paid),
 * PAYMENT_FAILED, or stays PAYING while the outcome is unknown. A duplicate or late answer
 * changes nothing.
 */
export async function recordPaymentOutcome(
  deps: Pick<QuickClaimDeps, "uow" | "clock">,
  claimId: string,
  requestId: string,
  outcome: PaymentOutcome,
  p: Principal,
): Promise<PaymentResult> {
  return deps.uow.run(async (tx) => {
    const { claim, theCase } = await lockClaim(tx, claimId, p);
    const attempt = await tx.payments.getForClaim(claimId);
    if (!attempt) throw new DomainError("claim not found", { ruleId: "KRN-R06", kind: "not_found" });
    const now = deps.clock.now();
    const r = applyPaymentOutcome(attempt, requestId, outcome, now);
    if (!r.changed) return paymentResult(claim.id, claim.status, attempt, claim.paidAt);
    await tx.payments.update(r.attempt);
    const at = now.toISOString();
    let status = claim.status;
    let paidAt = claim.paidAt;
    if (r.claimEvent !== null) {
      status = claimTransition(claim.status, r.claimEvent);
      paidAt = r.claimEvent === "paid" ? at : null;
      const paidFen = r.claimEvent === "paid" ? r.attempt.amountFen : claim.paidFen;
      await tx.claims.update({ ...claim, status, paidAt, paidFen, version: claim.version + 1 });
    }
    if (r.claimEvent === "paid") await settleCaseIfDone(tx, theCase, at);
    const type =
      r.claimEvent === "paid"
        ? "quickclaim.claim.paid"
        : r.claimEvent === "paymentFailed"
          ? "quickclaim.claim.payment_failed"
          : "quickclaim.claim.payment_pending";
    await recordChange(tx, p, {
      regionCode: claim.regionCode,
      action: `quickclaim.payment.${r.attempt.state.toLowerCase()}`,
      objectType: "quickclaim.claim",
      objectId: claim.id,
      detail: {
        requestId,
        attemptNo: r.attempt.attemptNo,
        amountFen: r.attempt.amountFen,
        gatewayRef: r.attempt.gatewayRef,
      },
      event: {
        type,
        aggregateId: claim.id,
        payload: {
          claimId: claim.id,
          caseId: claim.caseId,
          requestId,
          amountFen: r.attempt.amountFen,
          paidAt,
          insurers: [...new Set(claim.lines.map((l) => l.insurerId))],
        },
      },
    });
    return paymentResult(claim.id, status, r.attempt, paidAt);
  });
}

/** The case is PAID when every claim with money due is paid and nobody with money due lacks a claim. */
async function settleCaseIfDone(tx: QuickClaimTx, c: QuickClaimCase, at: string): Promise<void> {
  if (c.status !== "CLAIMING" || !c.assessment) return;
  const claims = await tx.claims.listByCase(c.id);
  const due = c.assessment.plan.victims.filter((v) => v.insurerPaidFen > 0);
  const done = due.every((v) => claims.some((cl) => cl.partyId === v.partyId && cl.status === "PAID"));
  if (!done) return;
  await tx.cases.update({ ...c, status: caseTransition(c.status, "settle"), paidAt: at, version: c.version + 1 });
  await tx.outbox.enqueue({
    regionCode: c.regionCode,
    type: "quickclaim.case.paid",
    aggregateId: c.id,
    payload: { caseId: c.id, centreId: c.centreId },
  });
  await tx.audit.append({
    regionCode: c.regionCode,
    actor: "system",
    action: "quickclaim.case.settle",
    objectType: "quickclaim.case",
    objectId: c.id,
    outcome: "ok",
  });
}
