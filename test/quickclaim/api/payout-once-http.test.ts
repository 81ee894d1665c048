import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actors, actors, driveApi, ok, R } from "./support/api-flow.ts";
import { createQuickClaimTestApp, type QuickClaimTestApp } from "./support/quickclaim-test-app.ts";

describe("QC-R07 over HTTP: 50 concurrent identical payout requests, duplicate clicks and retries", () => {
  let t: QuickClaimTestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await createQuickClaimTestApp({ payment: { latencyMs: 25 } });
    a = await actors(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("exactly one payment; every answer is 200 (paid / the first result) or 409 (in progress); sum paid = payout", async () => {
    const { caseId, claims } = await driveApi(t, a, "claimed");
    await ok(
      t.post(
        `${R}/cases/${caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "2888.88" },
            { partyId: "B", vehicleYuan: "600" },
          ],
        },
        a.adjuster,
      ),
    );
    await ok(t.post(`${R}/claims/${claims.A}/acceptance`, {}, a.adjuster));
    // half of them reuse one Idempotency-Key (the same click retried), half are new clicks
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.post(`${R}/claims/${claims.A}/payment`, {}, a.chen, i % 2 === 0 ? "same-click" : undefined),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    const transfers = t.gateway.transfers().filter((x) => x.requestId.startsWith(`${claims.A}.`));
    expect(transfers.map((x) => x.amountFen)).toEqual([288_888]);
    const view = await ok(t.get(`${R}/cases/${caseId}`, a.chen));
    expect([view.claims[0].status, view.claims[0].payoutYuan, view.claims[0].paidYuan]).toEqual([
      "PAID",
      "2888.88",
      "2888.88",
    ]);
  });
});
