import * as v from "valibot";
import { businessDateOf, DomainError, type Principal } from "../../kernel/mod.ts";
import { partyOf, requireViewer } from "../domain/case-access.ts";
import type { Claim } from "../domain/claim.ts";
import { claimTransition } from "../domain/claim-status.ts";
import type { PaymentAttempt, PaymentOutcome } from "../domain/payment-attempt.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import type { PaymentOrder } from "../quickclaim.ports.ts";
import { assertClaimantMatches } from "../rules/claimant-match.ts";
import { decidePaymentStep, openAttempt, renewLease } from "../rules/payout-once.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockClaim } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type PaymentResult, paymentResult, recordPaymentOutcome } from "./record-payment-outcome.ts";

export const payClaimInput = v.object({ claimId: idField });

/** The order sent to the gateway for a payment record: same record, same order, same key. */
export function paymentOrder(a: PaymentAttempt): PaymentOrder {
  return { requestId: a.requestId, amountFen: a.amountFen, payee: a.payee, memo: `快处快赔理赔款 ${a.caseId}` };
}

/** QC-R07: the claimant must still be the party's driver, holding the card. */
export function assertPayee(theCase: QuickClaimCase, claim: Claim): void {
  const items = theCase.parties.find((x) => x.id === claim.partyId)?.items;
  if (!items) throw new DomainError("the party's five items are missing", { ruleId: "QC-R07", field: "items" });
  assertClaimantMatches(items, claim.claimant, claim.bankCard);
}

/**
 * 赔付 pay a claim — exactly once (QC-R07), whatever retries, duplicate clicks, concurrent
 * requests or crashes happen:
 *  1. In a transaction holding the claim's row lock, the claim's single payment record is read
 *     and decidePaymentStep says: already paid (answer with the first result), in progress
 *     (409), start a new record (first time, or after a definitive failure) or re-send the same
 *     order (its outcome unknown and its lease run out). The record — with the gateway key —
 *     is committed before any money moves.
 *  2. Outside any transaction the order goes to the gateway, which executes a key at most once.
 *  3. The answer is recorded in a new transaction (recordPaymentOutcome). A crash between the
 *     steps leaves the record PENDING/UNKNOWN: the next request after the lease re-sends the
 *     same key and the gateway answers with the first outcome.
 */
export async function payClaim(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy" | "payments">,
  rawInput: unknown,
  p: Principal,
): Promise<PaymentResult> {
  const input = parseInput(payClaimInput, rawInput, "QC-R07");
  const step = await deps.uow.run(async (tx) => {
    const { claim, theCase } = await lockClaim(tx, input.claimId, p);
    const viewer = requireViewer(p, theCase, ["party", "adjuster", "platform"], "pay a claim");
    if (viewer === "party" && partyOf(p, theCase)?.id !== claim.partyId) {
      throw new DomainError("claim not found", { ruleId: "KRN-R06", kind: "not_found" });
    }
    assertPayee(theCase, claim);
    const prior = (await tx.payments.getForClaim(claim.id)) ?? null;
    const now = deps.clock.now();
    const decision = decidePaymentStep(claim, prior, now);
    if (decision.kind === "already-paid") {
      return { send: null, result: paymentResult(claim.id, claim.status, decision.attempt, claim.paidAt) };
    }
    if (decision.kind === "in-progress") {
      throw new DomainError("a payment of this claim is in progress; ask again shortly", {
        ruleId: "QC-R07",
        kind: "conflict",
        field: "claimId",
        detail: { requestId: decision.attempt.requestId, leaseUntil: decision.attempt.leaseUntil },
      });
    }
    const lease = paramsAsOf(deps.policy, businessDateOf(now)).paymentLeaseSeconds;
    let attempt: PaymentAttempt;
    if (decision.kind === "start") {
      const payee = { cardNumber: claim.bankCard.number, holderName: claim.bankCard.holderName };
      attempt = openAttempt(
        { claimId: claim.id, caseId: claim.caseId, regionCode: claim.regionCode },
        claim.payoutFen as number,
        payee,
        prior,
        decision.attemptNo,
        now,
        lease,
      );
      if (prior === null) await tx.payments.insert(attempt);
      else await tx.payments.update(attempt);
      await tx.claims.update({
        ...claim,
        status: claimTransition(claim.status, "startPayment"),
        version: claim.version + 1,
      });
    } else {
      attempt = renewLease(decision.attempt, now, lease);
      await tx.payments.update(attempt);
    }
    await recordChange(tx, p, {
      regionCode: claim.regionCode,
      action: decision.kind === "start" ? "quickclaim.payment.start" : "quickclaim.payment.resend",
      objectType: "quickclaim.claim",
      objectId: claim.id,
      detail: { requestId: attempt.requestId, attemptNo: attempt.attemptNo, amountFen: attempt.amountFen },
      event: {
        type: decision.kind === "start" ? "quickclaim.payment.started" : "quickclaim.payment.resent",
        aggregateId: claim.id,
        payload: {
          claimId: claim.id,
          caseId: claim.caseId,
          requestId: attempt.requestId,
          amountFen: attempt.amountFen,
        },
      },
    });
    return { send: attempt, result: null };
  });
  if (step.send === null) return step.result as PaymentResult;
  const outcome = await sendOrder(deps, paymentOrder(step.send));
  return recordPaymentOutcome(deps, input.claimId, step.send.requestId, outcome, p);
}

/** Sends an order; a throw or timeout is an "unknown" outcome, never a lost case (KRN-R10). */
export async function sendOrder(deps: Pick<QuickClaimDeps, "payments">, order: PaymentOrder): Promise<PaymentOutcome> {
  try {
    return await deps.payments.pay(order);
  } catch (e) {
    return { status: "unknown", reason: e instanceof Error ? e.message : String(e) };
  }
}
