import type { PaymentAttempt } from "../../core/quickclaim/mod.ts";
import type { C2Codec } from "./c2-codec.ts";
import { iso } from "./sql-helpers.ts";

export interface PaymentRowValues {
  claim_id: string;
  case_id: string;
  region_code: string;
  attempt_no: number;
  request_id: string;
  amount_fen: number;
  payee_card: string;
  payee_holder: string;
  state: string;
  lease_until: string;
  started_at: string;
  updated_at: string;
  gateway_ref: string | null;
  failure: string | null;
  previous: PaymentAttempt["previous"];
  version: number;
}

export type PaymentRow = Omit<PaymentRowValues, "lease_until" | "started_at" | "updated_at"> & {
  lease_until: Date | string;
  started_at: Date | string;
  updated_at: Date | string;
};

/** QC-R07 payment record as a row; the payee's card number sealed (KRN-R04). */
export function toPaymentRow(a: PaymentAttempt, codec: C2Codec): PaymentRowValues {
  return {
    claim_id: a.claimId,
    case_id: a.caseId,
    region_code: a.regionCode,
    attempt_no: a.attemptNo,
    request_id: a.requestId,
    amount_fen: a.amountFen,
    payee_card: codec.seal(a.payee.cardNumber),
    payee_holder: a.payee.holderName,
    state: a.state,
    lease_until: a.leaseUntil,
    started_at: a.startedAt,
    updated_at: a.updatedAt,
    gateway_ref: a.gatewayRef,
    failure: a.failure,
    previous: a.previous,
    version: a.version,
  };
}

export function fromPaymentRow(r: PaymentRow, codec: C2Codec): PaymentAttempt {
  return {
    claimId: r.claim_id,
    caseId: r.case_id,
    regionCode: r.region_code,
    attemptNo: r.attempt_no,
    requestId: r.request_id,
    amountFen: r.amount_fen,
    payee: { cardNumber: codec.open(r.payee_card), holderName: r.payee_holder },
    state: r.state as PaymentAttempt["state"],
    leaseUntil: iso(r.lease_until),
    startedAt: iso(r.started_at),
    updatedAt: iso(r.updated_at),
    gatewayRef: r.gateway_ref,
    failure: r.failure,
    previous: r.previous,
    version: r.version,
  };
}
