import type { Fen } from "../../kernel/mod.ts";

/**
 * QC-R07 the payment record of a claim: exactly one row per claim (the store's primary key is
 * `claimId`), so concurrent or repeated requests all meet the same record. Its `requestId` is the
 * idempotency key sent to the payment gateway: re-sending after a crash or timeout can never pay
 * twice. A new `attemptNo` (and so a new key) is only taken after the gateway said the previous
 * one definitively failed.
 */
export interface PaymentAttempt {
  readonly claimId: string;
  readonly caseId: string;
  readonly regionCode: string;
  readonly attemptNo: number;
  readonly requestId: string;
  readonly amountFen: Fen;
  readonly payee: { readonly cardNumber: string; readonly holderName: string };
  readonly state: PaymentAttemptState;
  /** Until this instant another request does not re-send the order (it answers "in progress"). */
  readonly leaseUntil: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly gatewayRef: string | null;
  readonly failure: string | null;
  /** Earlier attempts that failed definitively. */
  readonly previous: readonly {
    readonly attemptNo: number;
    readonly requestId: string;
    readonly failure: string;
    readonly at: string;
  }[];
  readonly version: number;
}

/**
 * PENDING: reserved, order (maybe) sent; UNKNOWN: sent, outcome not known (timeout, crash,
 * gateway still processing); SUCCEEDED / FAILED: the gateway's final word; REVIEW: the gateway's
 * word contradicts the record (e.g. another amount): a person reconciles, nothing is re-sent.
 */
export type PaymentAttemptState = "PENDING" | "UNKNOWN" | "SUCCEEDED" | "FAILED" | "REVIEW";

/** What the payment gateway says about one order (its `requestId`). */
export type PaymentOutcome =
  /** The money moved: exactly `amountFen` to the payee. */
  | { readonly status: "succeeded"; readonly gatewayRef: string; readonly amountFen: Fen; readonly paidAt: string }
  /** Definitive: the money did not move and never will under this requestId. */
  | { readonly status: "failed"; readonly reason: string }
  /** Accepted by the gateway, not final yet. */
  | { readonly status: "pending"; readonly gatewayRef: string | null }
  /** No answer (timeout, transport error, crash): it may or may not have happened. */
  | { readonly status: "unknown"; readonly reason: string };

/** The gateway idempotency key of attempt `attemptNo` of a claim. */
export function paymentRequestId(claimId: string, attemptNo: number): string {
  return `${claimId}.p${attemptNo}`;
}
