import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import { driveCase } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, type TestWorld, WU } from "../testing/test-world.ts";
import { payClaim } from "./pay-claim.ts";
import { reconcilePayment, reconcileStalePayments } from "./reconcile-payment.ts";

async function accepted(): Promise<{ w: TestWorld; claimId: string; payout: number }> {
  const w = createTestWorld();
  const { claims } = await driveCase(w, "accepted");
  const claimId = claims.A as string;
  return { w, claimId, payout: w.store.claim(claimId)?.payoutFen as number };
}

/** QC-R07 invariant: one transfer, of exactly the computed payout, and the claim and case say so. */
function expectPaidOnce(w: TestWorld, claimId: string, payout: number): void {
  const moved = w.gateway.transfers.filter((t) => t.requestId.startsWith(`${claimId}.`));
  expect(moved.length).toBe(1);
  expect(moved.reduce((s, t) => s + t.amountFen, 0)).toBe(payout);
  const claim = w.store.claim(claimId);
  expect([claim?.status, claim?.paidFen, w.store.payment(claimId)?.state]).toEqual(["PAID", payout, "SUCCEEDED"]);
}

const chen = (w: TestWorld) => w.citizen(CHEN.mobile);

async function crashMessage(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return "no crash";
}

describe("QC-R07 赔款只付一次 payout exactly once through the use cases", () => {
  it("pays 陈姐's accepted claim to her card once; asking again answers with the first result", async () => {
    const { w, claimId, payout } = await accepted();
    const first = await payClaim(w.deps, { claimId }, chen(w));
    const again = await payClaim(w.deps, { claimId }, chen(w));
    expect([first.status, again.status, again.requestId]).toEqual(["PAID", "PAID", first.requestId]);
    expect(w.gateway.transfers[0]?.cardNumber).toBe(CHEN.card);
    expect(w.gateway.payCalls).toBe(1);
    expectPaidOnce(w, claimId, payout);
  });

  it("50 concurrent identical requests while the first is in flight: one payment, the rest told 'in progress'", async () => {
    const { w, claimId, payout } = await accepted();
    const release = w.gateway.hold();
    const requests = Array.from({ length: 50 }, (_x, i) =>
      payClaim(w.deps, { claimId }, i % 2 === 0 ? chen(w) : w.adjuster(WU.insurerId)),
    );
    const settled = Promise.allSettled(requests);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const results = await settled;
    const paid = results.filter((r) => r.status === "fulfilled");
    const busy = results.filter(
      (r) =>
        r.status === "rejected" &&
        isDomainError(r.reason) &&
        r.reason.ruleId === "QC-R07" &&
        r.reason.kind === "conflict",
    );
    expect([paid.length, busy.length]).toEqual([1, 49]);
    expectPaidOnce(w, claimId, payout);
    expect(w.gateway.payCalls).toBe(1);
  });

  it("50 concurrent identical requests without any hold: still exactly one payment", async () => {
    const { w, claimId, payout } = await accepted();
    await Promise.allSettled(Array.from({ length: 50 }, () => payClaim(w.deps, { claimId }, chen(w))));
    expectPaidOnce(w, claimId, payout);
  });

  it("a crash before the payment record commits: nothing paid, the retry pays once", async () => {
    const { w, claimId, payout } = await accepted();
    w.store.crashNextCommit = true;
    expect(await crashMessage(payClaim(w.deps, { claimId }, chen(w)))).toBe("simulated crash before commit");
    expect([w.store.payment(claimId), w.gateway.transfers.length]).toEqual([undefined, 0]);
    await payClaim(w.deps, { claimId }, chen(w));
    expectPaidOnce(w, claimId, payout);
  });

  it("a crash after the gateway paid but before the answer was recorded: the retry after the lease re-sends the same key and records the first payment", async () => {
    const { w, claimId, payout } = await accepted();
    w.gateway.afterExecute = () => {
      w.store.crashNextCommit = true;
      w.gateway.afterExecute = null;
    };
    expect(await crashMessage(payClaim(w.deps, { claimId }, chen(w)))).toBe("simulated crash before commit");
    expect([w.store.claim(claimId)?.status, w.store.payment(claimId)?.state, w.gateway.transfers.length]).toEqual([
      "PAYING",
      "PENDING",
      1,
    ]);
    expect(await refusal(payClaim(w.deps, { claimId }, chen(w)))).toEqual(["QC-R07", "conflict", "claimId"]); // lease still held
    w.clock.advance(61);
    const r = await payClaim(w.deps, { claimId }, chen(w));
    expect([r.status, r.requestId]).toEqual(["PAID", `${claimId}.p1`]);
    expectPaidOnce(w, claimId, payout);
  });

  it("the gateway's answer is lost (timeout after paying): the case waits in PAYING, visible, then settles once", async () => {
    const { w, claimId, payout } = await accepted();
    w.gateway.mode = "lost-answer";
    const r = await payClaim(w.deps, { claimId }, chen(w));
    expect([r.status, r.attemptState]).toEqual(["PAYING", "UNKNOWN"]);
    w.gateway.mode = "ok";
    w.clock.advance(61);
    await payClaim(w.deps, { claimId }, chen(w));
    expectPaidOnce(w, claimId, payout);
  });

  it("the request is lost before reaching the gateway: the retry under the same key pays once", async () => {
    const { w, claimId, payout } = await accepted();
    w.gateway.mode = "lost-request";
    expect((await payClaim(w.deps, { claimId }, chen(w))).attemptState).toBe("UNKNOWN");
    expect(w.gateway.transfers.length).toBe(0);
    w.gateway.mode = "ok";
    w.clock.advance(61);
    expect((await payClaim(w.deps, { claimId }, chen(w))).requestId).toBe(`${claimId}.p1`);
    expectPaidOnce(w, claimId, payout);
  });

  it("a pending payment is reconciled by the system job once the gateway settles it", async () => {
    const { w, claimId, payout } = await accepted();
    w.gateway.mode = "pending";
    expect((await payClaim(w.deps, { claimId }, chen(w))).status).toBe("PAYING");
    w.gateway.settlePending(() => payout);
    expect(await reconcileStalePayments(w.deps, 10, w.system)).toEqual([]); // lease not run out yet
    w.clock.advance(61);
    const [r] = await reconcileStalePayments(w.deps, 10, w.system);
    expect(r?.status).toBe("PAID");
    expect(w.store.payment(claimId)?.state).toBe("SUCCEEDED");
    expect(w.gateway.transfers.length).toBe(1);
    expect((await reconcilePayment(w.deps, { claimId }, w.system)).status).toBe("PAID");
  });

  it("a card refused by the bank: PAYMENT_FAILED; the retry is a new attempt with a new key and pays once", async () => {
    const { w, claimId, payout } = await accepted();
    w.gateway.mode = "fail";
    expect((await payClaim(w.deps, { claimId }, chen(w))).status).toBe("PAYMENT_FAILED");
    w.gateway.mode = "ok";
    const r = await payClaim(w.deps, { claimId }, chen(w));
    expect([r.status, r.attemptNo, r.requestId]).toEqual(["PAID", 2, `${claimId}.p2`]);
    expect(w.store.payment(claimId)?.previous.map((x) => x.requestId)).toEqual([`${claimId}.p1`]);
    expectPaidOnce(w, claimId, payout);
  });

  it("the case is PAID once every claim with money due is paid, and the follow-up event goes out", async () => {
    const w = createTestWorld();
    const { caseId, claims } = await driveCase(w, "accepted");
    await payClaim(w.deps, { claimId: claims.A }, chen(w));
    expect(w.store.case(caseId)?.status).toBe("CLAIMING");
    await payClaim(w.deps, { claimId: claims.B }, w.citizen(WU.mobile));
    expect(w.store.case(caseId)?.status).toBe("PAID");
    expect(w.store.outbox.filter((e) => e.type === "quickclaim.case.paid").length).toBe(1);
  });

  describe("bad input: nothing paid", () => {
    it("paying a claim the insurers have not accepted yet (conflict)", async () => {
      const w = createTestWorld();
      const { claims } = await driveCase(w, "assessed");
      expect(await refusal(payClaim(w.deps, { claimId: claims.A }, chen(w)))).toEqual(["QC-R07", "conflict", "status"]);
      expect(w.gateway.payCalls).toBe(0);
    });
    it("the other party asking to pay 陈姐's claim: not found", async () => {
      const { w, claimId } = await accepted();
      expect(await refusal(payClaim(w.deps, { claimId }, w.citizen(WU.mobile)))).toEqual([
        "KRN-R06",
        "not_found",
        undefined,
      ]);
    });
    it("an unknown claim: not found", async () => {
      const { w } = await accepted();
      expect(await refusal(payClaim(w.deps, { claimId: "qcclaim_nope" }, chen(w)))).toEqual([
        "KRN-R06",
        "not_found",
        undefined,
      ]);
    });
  });

  it("property: any mix of duplicate clicks, concurrent requests, crashes, lost answers, refusals and time pays at most once, and a paid claim got exactly its payout", async () => {
    const step = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ kind: fc.constant("pay" as const), copies: fc.integer({ min: 1, max: 4 }) }),
      },
      fc.record({
        kind: fc.constant("mode" as const),
        mode: fc.constantFrom("ok", "fail", "pending", "lost-request", "lost-answer") as fc.Arbitrary<
          TestWorld["gateway"]["mode"]
        >,
      }),
      fc.record({ kind: fc.constant("crash" as const), after: fc.boolean() }),
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant("wait" as const), seconds: fc.integer({ min: 1, max: 90 }) }),
      },
      fc.record({ kind: fc.constant("settle" as const) }),
      fc.record({ kind: fc.constant("reconcile" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
        const { w, claimId, payout } = await accepted();
        for (const s of steps) {
          if (s.kind === "pay")
            await Promise.allSettled(Array.from({ length: s.copies }, () => payClaim(w.deps, { claimId }, chen(w))));
          else if (s.kind === "mode") w.gateway.mode = s.mode;
          else if (s.kind === "crash" && s.after)
            w.gateway.afterExecute = () => {
              w.store.crashNextCommit = true;
            };
          else if (s.kind === "crash") w.store.crashNextCommit = true;
          else if (s.kind === "wait") w.clock.advance(s.seconds);
          else if (s.kind === "settle") w.gateway.settlePending(() => payout);
          else await reconcileStalePayments(w.deps, 5, w.system).catch(() => []);
          expect(w.gateway.transfers.length <= 1).toBe(true);
        }
        // Afterwards the system heals: no more crashes, the gateway answers, time passes.
        w.store.crashNextCommit = false;
        w.gateway.afterExecute = null;
        w.gateway.mode = "ok";
        w.gateway.settlePending(() => payout);
        w.clock.advance(120);
        await reconcileStalePayments(w.deps, 5, w.system);
        await payClaim(w.deps, { claimId }, chen(w));
        expectPaidOnce(w, claimId, payout);
      }),
      { numRuns: 200 },
    );
  });
});
