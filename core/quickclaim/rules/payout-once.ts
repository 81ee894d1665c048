import { DomainError, type Fen } from "../../kernel/mod.ts";
import type { ClaimStatus } from "../domain/claim-status.ts";
import { type PaymentAttempt, type PaymentOutcome, paymentRequestId } from "../domain/payment-attempt.ts";

/** What a payment request should do, given the claim and its (single) payment record. */
export type PaymentStep =
  /** The claim is paid: answer with the first result, pay nothing. */
  | { readonly kind: "already-paid"; readonly attempt: PaymentAttempt }
  /** Another request holds the lease on this order: answer "in progress" (409), pay nothing. */
  | { readonly kind: "in-progress"; readonly attempt: PaymentAttempt }
  /** Open attempt `attemptNo` (a new idempotency key) and send it. */
  | { readonly kind: "start"; readonly attemptNo: number }
  /** The earlier order's outcome is unknown and its lease has run out: send it again, same key. */
  | { readonly kind: "resend"; readonly attempt: PaymentAttempt };

function refuse(message: string, field = "status"): never {
  throw new DomainError(message, { ruleId: "QC-R07", kind: "conflict", field });
}

/**
 * QC-R07 赔款只付一次 a claim is paid at most once. With one payment record per claim whose
 * requestId is the gateway's idempotency key, every retry, duplicate click, concurrent request
 * or post-crash replay lands on one of these steps; only "start" creates a new key, and only
 * when there was none or the gateway said the last one definitively failed.
 */
export function decidePaymentStep(
  claim: { readonly status: ClaimStatus; readonly payoutFen: Fen | null },
  attempt: PaymentAttempt | null,
  now: Date,
): PaymentStep {
  if (attempt?.state === "SUCCEEDED") return { kind: "already-paid", attempt };
  if (attempt?.state === "REVIEW") refuse("the payment of this claim is held for review by a person");
  if (claim.status === "PAID") refuse("the claim is paid but its payment record is not: held for review");
  if (claim.status === "ACCEPTED" || claim.status === "PAYMENT_FAILED") {
    if (attempt !== null && attempt.state !== "FAILED") refuse("a payment of this claim is already under way");
    if (claim.payoutFen === null || claim.payoutFen <= 0) refuse("nothing is due on this claim", "payoutFen");
    return { kind: "start", attemptNo: attempt === null ? 1 : attempt.attemptNo + 1 };
  }
  if (claim.status === "PAYING" && attempt !== null && (attempt.state === "PENDING" || attempt.state === "UNKNOWN")) {
    if (now.getTime() < Date.parse(attempt.leaseUntil)) return { kind: "in-progress", attempt };
    return { kind: "resend", attempt };
  }
  refuse(`a claim in status ${claim.status} cannot be paid`);
}

/** The new payment record for step "start". */
export function openAttempt(
  base: { readonly claimId: string; readonly caseId: string; readonly regionCode: string },
  amountFen: Fen,
  payee: PaymentAttempt["payee"],
  prior: PaymentAttempt | null,
  attemptNo: number,
  now: Date,
  leaseSeconds: number,
): PaymentAttempt {
  const at = now.toISOString();
  return {
    claimId: base.claimId,
    caseId: base.caseId,
    regionCode: base.regionCode,
    attemptNo,
    requestId: paymentRequestId(base.claimId, attemptNo),
    amountFen,
    payee,
    state: "PENDING",
    leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
    startedAt: at,
    updatedAt: at,
    gatewayRef: null,
    failure: null,
    previous:
      prior === null
        ? []
        : [
            ...prior.previous,
            {
              attemptNo: prior.attemptNo,
              requestId: prior.requestId,
              failure: prior.failure ?? "failed",
              at: prior.updatedAt,
            },
          ],
    version: prior === null ? 1 : prior.version + 1,
  };
}

/** The record after re-sending under the same key: a fresh lease, nothing else. */
export function renewLease(attempt: PaymentAttempt, now: Date, leaseSeconds: number): PaymentAttempt {
  return {
    ...attempt,
    leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
    updatedAt: now.toISOString(),
    version: attempt.version + 1,
  };
}

/**
 * QC-R07 recording the gateway's answer. Answers for another requestId or for a record already
 * final change nothing (a late duplicate); a success for another amount goes to REVIEW.
 * `claimEvent` tells the caller how the claim moves.
 */
export function applyPaymentOutcome(
  attempt: PaymentAttempt,
  requestId: string,
  outcome: PaymentOutcome,
  now: Date,
): { attempt: PaymentAttempt; claimEvent: "paid" | "paymentFailed" | null; changed: boolean } {
  const final = attempt.state === "SUCCEEDED" || attempt.state === "FAILED" || attempt.state === "REVIEW";
  if (requestId !== attempt.requestId || final) return { attempt, claimEvent: null, changed: false };
  const at = now.toISOString();
  const base = { ...attempt, updatedAt: at, version: attempt.version + 1 };
  switch (outcome.status) {
    case "succeeded":
      if (outcome.amountFen !== attempt.amountFen) {
        const failure = `gateway paid ${outcome.amountFen} fen, the record says ${attempt.amountFen}`;
        return {
          attempt: { ...base, state: "REVIEW", gatewayRef: outcome.gatewayRef, failure },
          claimEvent: null,
          changed: true,
        };
      }
      return {
        attempt: { ...base, state: "SUCCEEDED", gatewayRef: outcome.gatewayRef },
        claimEvent: "paid",
        changed: true,
      };
    case "failed":
      return {
        attempt: { ...base, state: "FAILED", failure: outcome.reason },
        claimEvent: "paymentFailed",
        changed: true,
      };
    case "pending":
      return {
        attempt: { ...base, state: "UNKNOWN", gatewayRef: outcome.gatewayRef ?? attempt.gatewayRef },
        claimEvent: null,
        changed: true,
      };
    case "unknown":
      return { attempt: { ...base, state: "UNKNOWN", failure: outcome.reason }, claimEvent: null, changed: true };
  }
}
