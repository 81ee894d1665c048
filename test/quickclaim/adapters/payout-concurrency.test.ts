import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../../core/kernel/mod.ts";
import { getCase, payClaim } from "../../../core/quickclaim/mod.ts";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

describe("QC-R07 赔款只付一次: 50 concurrent identical payout requests pay exactly once", () => {
  let t: QuickClaimTestPlatform;
  beforeAll(async () => {
    // The simulated bank takes 30 ms per order, so the requests really overlap.
    t = await createQuickClaimTestPlatform({ payment: { latencyMs: 30 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("one transfer of exactly the computed payout; every other request is told it is paid or in progress", async () => {
    const { caseId, claims } = await driveOnPlatform(t, "accepted");
    const claimId = claims.A as string;
    const chen = t.citizen(CHEN.mobile);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => payClaim(t.deps, { claimId }, chen)));
    const answered = results.filter((r) => r.status === "fulfilled").map((r) => r.value);
    const refused = results.filter((r) => r.status === "rejected").map((r) => r.reason as unknown);
    for (const e of refused) {
      expect(e).toBeInstanceOf(DomainError);
      expect([(e as DomainError).ruleId, (e as DomainError).kind]).toEqual(["QC-R07", "conflict"]);
    }
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((r) => r.requestId === `${claimId}.p1`)).toBe(true);

    const transfers = t.gateway.transfers().filter((x) => x.requestId.startsWith(`${claimId}.`));
    const claim = await t.deps.uow.run((tx) => tx.claims.get(claimId));
    expect(transfers.length).toBe(1);
    expect(claim?.status).toBe("PAID");
    expect(claim?.payoutFen).toBeGreaterThan(0);
    // the invariant: the sum paid on the claim equals the computed payout, to the fen
    expect(transfers.reduce((s, x) => s + x.amountFen, 0)).toBe(claim?.payoutFen);
    expect(claim?.paidFen).toBe(claim?.payoutFen);
    const view = await getCase(t.deps, { caseId }, chen);
    expect(view.claims[0]?.payment?.state).toBe("SUCCEEDED");

    // clicking again later answers with the first result and pays nothing
    const again = await payClaim(t.deps, { claimId }, chen);
    expect([again.status, again.requestId, again.attemptState]).toEqual(["PAID", `${claimId}.p1`, "SUCCEEDED"]);
    expect(t.gateway.transfers().filter((x) => x.requestId.startsWith(`${claimId}.`)).length).toBe(1);
  });

  it("two claimants paying at the same time each get their own single payment", async () => {
    const { claims } = await driveOnPlatform(t, "accepted", { A: 180_000, B: 60_000 });
    const a = claims.A as string;
    const b = claims.B as string;
    const jobs = [
      ...Array.from({ length: 10 }, () => payClaim(t.deps, { claimId: a }, t.citizen(CHEN.mobile))),
      ...Array.from({ length: 10 }, () => payClaim(t.deps, { claimId: b }, t.citizen(WU.mobile))),
    ];
    await Promise.allSettled(jobs);
    for (const claimId of [a, b]) {
      const claim = await t.deps.uow.run((tx) => tx.claims.get(claimId));
      const paid = t.gateway.transfers().filter((x) => x.requestId.startsWith(`${claimId}.`));
      if ((claim?.payoutFen ?? 0) > 0) {
        expect(paid.length).toBe(1);
        expect(paid[0]?.amountFen).toBe(claim?.payoutFen);
        expect(claim?.paidFen).toBe(claim?.payoutFen);
      } else {
        expect(paid.length).toBe(0);
      }
    }
  });
});
