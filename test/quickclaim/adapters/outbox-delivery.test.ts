import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxDispatcher } from "../../../adapters/composition/outbox-subscriptions.ts";
import { NotifierPort, payClaim } from "../../../core/quickclaim/mod.ts";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import type { DevNotifier } from "../../../plugins/dev-notifier/dev-notifier.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

describe("quickclaim events reach the outside systems through the outbox (KRN-R09/R10)", () => {
  let t: QuickClaimTestPlatform;
  beforeAll(async () => {
    // The simulated bank answers "pending" first and settles when asked again.
    t = await createQuickClaimTestPlatform({ payment: { settleLater: true } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const sms = () => t.platform.region("350900").adapter<DevNotifier>(NotifierPort);
  const drain = async () => {
    const d = createOutboxDispatcher(t.platform, undefined, (e) => {
      throw e;
    });
    let total = { delivered: 0, failed: 0 };
    for (;;) {
      const r = await d.runOnce();
      total = { delivered: total.delivered + r.delivered, failed: total.failed + r.failed };
      if (r.claimed === 0) return total;
    }
  };

  it("invites the other party, queues the case on the police desk and asks both to sign", async () => {
    const { caseId } = await driveOnPlatform(t, "determined");
    await drain();
    expect(t.police.queued().map((q) => q.caseId)).toContain(caseId);
    const toWu = sms()
      .sent()
      .filter((m) => m.mobile === WU.mobile)
      .map((m) => m.purpose);
    expect(toWu).toEqual(expect.arrayContaining(["quickclaim.invite", "quickclaim.sign"]));
    expect(sms().lastTo(WU.mobile)?.text).toContain(`/quickclaim/350900/cases/${caseId}`);
    const before = sms().sent().length;
    await drain(); // nothing is sent twice
    expect(sms().sent().length).toBe(before);
  });

  it("a payment answered 'pending' waits visibly, is checked after its lease and then confirmed to the insurers", async () => {
    const { claims } = await driveOnPlatform(t, "accepted");
    const claimId = claims.A as string;
    const first = await payClaim(t.deps, { claimId }, t.citizen(CHEN.mobile));
    expect([first.status, first.attemptState]).toEqual(["PAYING", "UNKNOWN"]);
    const early = await drain();
    expect(early.failed).toBeGreaterThan(0); // the follow-up waits for the lease: retried later
    t.clock.advance(120_000);
    await drain();
    const claim = await t.deps.uow.run((tx) => tx.claims.get(claimId));
    expect([claim?.status, claim?.paidFen]).toEqual(["PAID", claim?.payoutFen]);
    await drain();
    const insurerIds = [...new Set(claim?.lines.map((l) => l.insurerId))];
    for (const id of insurerIds) {
      expect(t.insurer.company(id).confirmations().get(claimId)?.amountFen).toBe(
        claim?.lines.filter((l) => l.insurerId === id).reduce((s, l) => s + l.amountFen, 0),
      );
    }
    expect(
      sms()
        .sent()
        .filter((m) => m.mobile === CHEN.mobile)
        .map((m) => m.purpose),
    ).toEqual(expect.arrayContaining(["quickclaim.paid", "quickclaim.survey"]));
    expect(t.gateway.transfers().filter((x) => x.requestId.startsWith(`${claimId}.`)).length).toBe(1);
  });
});
