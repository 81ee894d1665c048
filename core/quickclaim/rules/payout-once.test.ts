import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import type { ClaimStatus } from "../domain/claim-status.ts";
import type { PaymentAttempt, PaymentOutcome } from "../domain/payment-attempt.ts";
import { assertClaimantMatches } from "./claimant-match.ts";
import { applyPaymentOutcome, decidePaymentStep, openAttempt, renewLease } from "./payout-once.ts";

const T0 = new Date("2026-03-01T07:00:00.000Z");
const LEASE = 60;
const BASE = { claimId: "qcclaim_1", caseId: "qccase_1", regionCode: "350982" };
const PAYEE = { cardNumber: "6217001234567890122", holderName: "陈丽华" };
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const attempt = (change: Partial<PaymentAttempt> = {}): PaymentAttempt => ({
  ...openAttempt(BASE, 285_000, PAYEE, null, 1, T0, LEASE),
  ...change,
});

function conflict(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return [e.ruleId, e.kind];
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("QC-R07 赔款只付一次 a claim is paid at most once", () => {
  it.each([
    ["an accepted claim with no payment record starts attempt 1", "ACCEPTED", null, 0, "start:1"],
    ["a second click while the first order is in flight is told to wait", "PAYING", attempt(), 10, "in-progress"],
    ["a retry after a crash, lease expired, re-sends the same order", "PAYING", attempt(), 61, "resend:qcclaim_1.p1"],
    [
      "a timed-out order (outcome unknown) is re-sent under the same key",
      "PAYING",
      attempt({ state: "UNKNOWN" }),
      120,
      "resend:qcclaim_1.p1",
    ],
    ["a paid claim answers with the first result", "PAID", attempt({ state: "SUCCEEDED" }), 0, "already-paid"],
    [
      "after a definitive failure a new attempt gets a new key",
      "PAYMENT_FAILED",
      attempt({ state: "FAILED" }),
      0,
      "start:2",
    ],
  ] as [string, ClaimStatus, PaymentAttempt | null, number, string][])(
    "%s",
    (_title, status, rec, seconds, expected) => {
      const step = decidePaymentStep({ status, payoutFen: 285_000 }, rec, at(seconds));
      const label =
        step.kind === "start"
          ? `start:${step.attemptNo}`
          : step.kind === "resend"
            ? `resend:${step.attempt.requestId}`
            : step.kind;
      expect(label).toBe(expected);
    },
  );

  it.each([
    ["a claim not yet accepted by the insurer", "ASSESSED", null],
    ["a claim whose assessment found nothing due", "NOTHING_DUE", null],
    ["a payment held for review", "PAYING", attempt({ state: "REVIEW" })],
    ["a withdrawn claim (case went offline)", "WITHDRAWN", null],
    ["an accepted claim that already has an order in flight", "ACCEPTED", attempt()],
  ] as [string, ClaimStatus, PaymentAttempt | null][])("refuses to pay %s (conflict)", (_title, status, rec) => {
    expect(conflict(() => decidePaymentStep({ status, payoutFen: 285_000 }, rec, T0))).toEqual(["QC-R07", "conflict"]);
  });

  it.each([
    [
      "the gateway confirms the amount: SUCCEEDED and the claim is paid",
      { status: "succeeded", gatewayRef: "g1", amountFen: 285_000, paidAt: T0.toISOString() },
      "SUCCEEDED",
      "paid",
    ],
    [
      "the gateway paid another amount: held for REVIEW, the claim is not marked paid",
      { status: "succeeded", gatewayRef: "g1", amountFen: 28_500, paidAt: T0.toISOString() },
      "REVIEW",
      null,
    ],
    ["the card was refused: FAILED", { status: "failed", reason: "card closed" }, "FAILED", "paymentFailed"],
    [
      "the gateway is still working: UNKNOWN, retried later under the same key",
      { status: "pending", gatewayRef: "g1" },
      "UNKNOWN",
      null,
    ],
    ["a timeout: UNKNOWN", { status: "unknown", reason: "timeout" }, "UNKNOWN", null],
  ] as [string, PaymentOutcome, string, string | null][])("%s", (_title, outcome, state, event) => {
    const r = applyPaymentOutcome(attempt(), "qcclaim_1.p1", outcome, at(5));
    expect([r.attempt.state, r.claimEvent]).toEqual([state, event]);
  });

  it("a late duplicate answer for a finished record changes nothing", () => {
    const done = attempt({ state: "SUCCEEDED", gatewayRef: "g1" });
    const r = applyPaymentOutcome(done, "qcclaim_1.p1", { status: "failed", reason: "late" }, at(5));
    expect([r.changed, r.attempt]).toEqual([false, done]);
  });

  it("a new attempt keeps the history of the failed one", () => {
    const failed = attempt({ state: "FAILED", failure: "card closed" });
    const next = openAttempt(BASE, 285_000, PAYEE, failed, 2, at(30), LEASE);
    expect([next.requestId, next.previous.map((p) => p.requestId)]).toEqual(["qcclaim_1.p2", ["qcclaim_1.p1"]]);
    expect(renewLease(next, at(100), LEASE).leaseUntil).toBe(at(160).toISOString());
  });

  it("property: whatever retries, duplicate clicks, crashes and gateway answers happen, money moves at most once and a paid claim got exactly its payout", () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant("request" as const),
        crashBeforeSend: fc.boolean(),
        crashBeforeRecord: fc.boolean(),
        answer: fc.constantFrom("ok", "fail", "pending", "timeout"),
      }),
      fc.record({ kind: fc.constant("wait" as const), seconds: fc.integer({ min: 1, max: 120 }) }),
      fc.record({ kind: fc.constant("settle" as const), ok: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const payout = 285_000;
        let status: ClaimStatus = "ACCEPTED";
        let rec: PaymentAttempt | null = null;
        let now = T0;
        let moved = 0;
        let movedAmount = 0;
        const gateway = new Map<string, PaymentOutcome>();
        const send = (a: PaymentAttempt, answer: string): PaymentOutcome => {
          const seen = gateway.get(a.requestId);
          if (seen) return seen; // idempotent by requestId: the port's contract
          if (answer === "timeout") return { status: "unknown", reason: "timeout" }; // lost before the gateway
          const first: PaymentOutcome =
            answer === "ok"
              ? { status: "succeeded", gatewayRef: a.requestId, amountFen: a.amountFen, paidAt: now.toISOString() }
              : answer === "fail"
                ? { status: "failed", reason: "refused" }
                : { status: "pending", gatewayRef: a.requestId };
          if (first.status === "succeeded") {
            moved += 1;
            movedAmount += a.amountFen;
          }
          gateway.set(a.requestId, first);
          return first;
        };
        for (const act of actions) {
          if (act.kind === "wait") now = new Date(now.getTime() + act.seconds * 1000);
          else if (act.kind === "settle") {
            for (const [key, o] of gateway) {
              if (o.status !== "pending") continue;
              if (act.ok) {
                moved += 1;
                movedAmount += payout;
                gateway.set(key, {
                  status: "succeeded",
                  gatewayRef: key,
                  amountFen: payout,
                  paidAt: now.toISOString(),
                });
              } else gateway.set(key, { status: "failed", reason: "refused" });
            }
          } else {
            let step: ReturnType<typeof decidePaymentStep>;
            try {
              step = decidePaymentStep({ status, payoutFen: payout }, rec, now);
            } catch {
              continue;
            }
            if (step.kind === "already-paid" || step.kind === "in-progress") continue;
            const current: PaymentAttempt =
              step.kind === "start"
                ? openAttempt(BASE, payout, PAYEE, rec, step.attemptNo, now, LEASE)
                : renewLease(step.attempt, now, LEASE);
            rec = current;
            status = "PAYING";
            if (act.crashBeforeSend) continue;
            const outcome = send(current, act.answer);
            if (act.crashBeforeRecord) continue;
            const r = applyPaymentOutcome(current, current.requestId, outcome, now);
            rec = r.attempt;
            if (r.claimEvent === "paid") status = "PAID";
            if (r.claimEvent === "paymentFailed") status = "PAYMENT_FAILED";
          }
          expect(moved <= 1).toBe(true);
        }
        if (status === "PAID") expect([moved, movedAmount, rec?.state]).toEqual([1, payout, "SUCCEEDED"]);
        if (moved === 0) expect(status === "PAID").toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("QC-R07 领款人核验 ID and bank card must match the claimant", () => {
  const party = { driverName: "陈丽华", driverLicenceNo: "350982197509082025" };
  it.each([
    [
      "the party's own ID card and her own card are accepted",
      { name: "陈丽华", residentId: "350982197509082025" },
      "陈 丽华",
      null,
    ],
    [
      "another person's ID card is refused",
      { name: "陈丽华", residentId: "350981196803121039" },
      "陈丽华",
      "idCard.residentId",
    ],
    [
      "an ID card with another name is refused",
      { name: "陈丽", residentId: "350982197509082025" },
      "陈丽",
      "idCard.name",
    ],
    [
      "a bank card held by someone else is refused",
      { name: "陈丽华", residentId: "350982197509082025" },
      "林阿伯",
      "bankCard.holderName",
    ],
  ])("%s", (_title, idCard, holderName, field) => {
    let got: string | null = null;
    try {
      assertClaimantMatches(party, idCard, { holderName });
    } catch (e) {
      if (!isDomainError(e) || e.ruleId !== "QC-R07") throw e;
      got = e.field ?? "";
    }
    expect(got).toBe(field);
  });
});
