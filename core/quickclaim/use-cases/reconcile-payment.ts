import * as v from "valibot";
import { businessDateOf, DomainError, type Principal, requireRole } from "../../kernel/mod.ts";
import type { PaymentAttempt, PaymentOutcome } from "../domain/payment-attempt.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { renewLease } from "../rules/payout-once.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockClaim } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { paymentOrder, sendOrder } from "./pay-claim.ts";
import { type PaymentResult, paymentResult, recordPaymentOutcome } from "./record-payment-outcome.ts";

export const reconcilePaymentInput = v.object({ claimId: idField });

/**
 * QC-R07 / KRN-R10 reconciliation (a scheduled system job): for a payment record whose outcome
 * is unknown and whose lease has run out, ask the gateway what became of the order; if it never
 * arrived, send the same order again (same key). Records the answer; pays nothing twice.
 */
export async function reconcilePayment(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy" | "payments">,
  rawInput: unknown,
  p: Principal,
): Promise<PaymentResult> {
  requireRole(p, "platform_admin");
  const input = parseInput(reconcilePaymentInput, rawInput, "QC-R07");
  const claimed = await deps.uow.run(async (tx) => {
    const { claim } = await lockClaim(tx, input.claimId, p);
    const attempt = await tx.payments.getForClaim(claim.id);
    const now = deps.clock.now();
    const stale =
      attempt !== undefined &&
      (attempt.state === "PENDING" || attempt.state === "UNKNOWN") &&
      now.getTime() >= Date.parse(attempt.leaseUntil);
    if (!attempt || !stale)
      return { attempt: null, claimStatus: claim.status, paidAt: claim.paidAt, current: attempt ?? null };
    const renewed = renewLease(attempt, now, paramsAsOf(deps.policy, businessDateOf(now)).paymentLeaseSeconds);
    await tx.payments.update(renewed);
    return { attempt: renewed, claimStatus: claim.status, paidAt: claim.paidAt, current: renewed };
  });
  if (claimed.attempt === null) {
    if (claimed.current === null) {
      throw new DomainError("this claim has no payment to reconcile", {
        ruleId: "QC-R07",
        kind: "conflict",
        field: "claimId",
      });
    }
    return paymentResult(input.claimId, claimed.claimStatus, claimed.current, claimed.paidAt);
  }
  const attempt: PaymentAttempt = claimed.attempt;
  let outcome: PaymentOutcome;
  try {
    const known = await deps.payments.status(attempt.requestId);
    outcome = known.status === "not_found" ? await sendOrder(deps, paymentOrder(attempt)) : known;
  } catch (e) {
    outcome = { status: "unknown", reason: e instanceof Error ? e.message : String(e) };
  }
  return recordPaymentOutcome(deps, input.claimId, attempt.requestId, outcome, p);
}

/** Reconciles every stale payment the queries report (at most `limit` per run). */
export async function reconcileStalePayments(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy" | "payments" | "queries">,
  limit: number,
  p: Principal,
): Promise<PaymentResult[]> {
  requireRole(p, "platform_admin");
  const ids = await deps.queries.stalePayments({ before: deps.clock.now().toISOString(), limit });
  const out: PaymentResult[] = [];
  for (const claimId of ids) out.push(await reconcilePayment(deps, { claimId }, p));
  return out;
}
