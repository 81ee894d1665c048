import { DomainError } from "../../kernel/mod.ts";

/** Where one claimant's claim is (一键理赔 → 定损 → insurer accepts → payment). */
export const CLAIM_STATUSES = [
  "OPEN", // ID and bank card given, waiting for the adjuster's assessment
  "ASSESSED", // payout computed, waiting for the paying insurers to accept
  "NOTHING_DUE", // assessed: no insurer owes this claimant anything
  "ACCEPTED", // every paying insurer accepted; ready to pay
  "PAYING", // a payment attempt is under way (or its outcome is not yet known)
  "PAYMENT_FAILED", // the gateway refused definitively; may be retried as a new attempt
  "PAID",
  "WITHDRAWN", // the case went offline before payment
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type ClaimEvent = "assess" | "assessNothing" | "accept" | "startPayment" | "paid" | "paymentFailed" | "withdraw";

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, Readonly<Partial<Record<ClaimEvent, ClaimStatus>>>>> = {
  OPEN: { assess: "ASSESSED", assessNothing: "NOTHING_DUE", withdraw: "WITHDRAWN" },
  ASSESSED: { assess: "ASSESSED", assessNothing: "NOTHING_DUE", accept: "ACCEPTED", withdraw: "WITHDRAWN" },
  NOTHING_DUE: { assess: "ASSESSED", assessNothing: "NOTHING_DUE", withdraw: "WITHDRAWN" },
  ACCEPTED: { startPayment: "PAYING", withdraw: "WITHDRAWN" },
  PAYING: { startPayment: "PAYING", paid: "PAID", paymentFailed: "PAYMENT_FAILED" },
  PAYMENT_FAILED: { startPayment: "PAYING", withdraw: "WITHDRAWN" },
  PAID: {},
  WITHDRAWN: {},
};

/** The claim status after `event`, or a DomainError (kind "conflict"). */
export function claimTransition(from: ClaimStatus, event: ClaimEvent, ruleId = "QC-R07"): ClaimStatus {
  const next = CLAIM_TRANSITIONS[from][event];
  if (next === undefined) {
    throw new DomainError(`a claim in status ${from} cannot ${event}`, {
      ruleId,
      kind: "conflict",
      field: "status",
      detail: { status: from, event },
    });
  }
  return next;
}
