import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxDispatcher } from "../../../adapters/composition/outbox-subscriptions.ts";
import { GuarantorPort, InsurerPort, LenderGatewayPort } from "../../../core/factors/mod.ts";
import type { InstitutionDesk } from "../../../plugins/factors-sim-support/institution-desk.ts";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, type LinLoan, linLoan } from "./support/lin-journey.ts";

describe("factors API: 林阿伯's 三权合一 bundle from registration to an active mortgage", () => {
  let t: FactorsTestApp;
  let lin: LinLoan;

  beforeAll(async () => {
    t = await createFactorsTestApp();
    lin = await linLoan(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keeps the factor's full history, each step with actor, time, reason and rule", async () => {
    const h = await call(t, "GET", `${API}/factors/${lin.factorIds[0]}`, lin.citizen);
    expect(h.status).toBe(200);
    expect(h.body.factor.status).toBe("ENCUMBERED");
    expect(h.body.factor.holder).toEqual({ kind: "person", name: "林阿伯" });
    expect(h.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      "registered",
      "submitted",
      "confirmed",
      "publicised",
      "activated",
      "bundled",
      "valued",
      "mortgage_applied",
      "lien_registered",
    ]);
    expect(h.body.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const lien = h.body.events.at(-1);
    expect(lien).toMatchObject({
      fromStatus: "ACTIVE",
      toStatus: "ENCUMBERED",
      ruleId: "FAC-R06",
      actor: expect.stringMatching(/^inst:nd-rural-bank\//),
    });
    expect(lien.data).toMatchObject({ securedAmountYuan: "150000.00", rank: 1 });
    expect(h.body.events[0].actor).toBe("citizen");
    for (const e of h.body.events as { kind: string; at: string; reason: string; actor: string }[]) {
      expect(e.reason.length, e.kind).toBeGreaterThan(0);
      expect(e.actor.length, e.kind).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(e.at)), e.kind).toBe(false);
    }
  });

  it("shows the lien ranked first with its secured amount, and the self-assessed valuation of the bundle", async () => {
    const h = await call(t, "GET", `${API}/factors/${lin.factorIds[1]}`, lin.citizen);
    expect(h.body.liens).toHaveLength(1);
    expect(h.body.liens[0]).toMatchObject({
      unitId: lin.bundleId,
      rank: 1,
      status: "active",
      securedAmountYuan: "150000.00",
    });
    // 20 亩 × 3,000 + 12 口 × 15,000 + 20 亩 × 2,000 = 280,000 yuan (≤ 300,000: self-assessment, FAC-R04)
    expect(h.body.valuation).toMatchObject({ method: "self_assessment", valueYuan: "280000.00", unitId: lin.bundleId });
  });

  it("books the loan and tells the bank, the guarantor and the insurer through the outbox", async () => {
    const dispatcher = createOutboxDispatcher(t.platform, undefined, () => {});
    while ((await dispatcher.runOnce()).claimed > 0) {
      // deliver everything that is due
    }
    const region = t.platform.region("350900");
    const lender = region.adapter<InstitutionDesk>(LenderGatewayPort, "350981");
    const guarantor = region.adapter<InstitutionDesk>(GuarantorPort, "350981");
    const insurer = region.adapter<InstitutionDesk>(InsurerPort, "350981");
    expect(lender.receipts("nd-rural-bank").map((r) => r.type)).toContain("factors.loan.booked");
    expect(
      guarantor
        .receipts("nd-gov-guarantor")
        .map((r) => r.type)
        .sort(),
    ).toEqual(["factors.loan.booked", "factors.mortgage.accepted"]);
    expect(
      insurer
        .receipts("nd-agri-insurer")
        .map((r) => r.type)
        .sort(),
    ).toEqual(["factors.loan.booked", "factors.mortgage.accepted"]);
    const loan = await call(t, "GET", `${API}/loans/${lin.loanId}`, lin.bank);
    expect(loan.status).toBe(200);
    expect(loan.body.loan).toMatchObject({ status: "PERFORMING", principalYuan: "150000.00", countyCode: "350981" });
    expect(loan.body.liens[0].rank).toBe(1);
    const booked = loan.body.deliveries.find((d: { type: string }) => d.type === "factors.loan.booked");
    expect(booked).toMatchObject({ state: "delivered", attempts: 1 });
  });

  it("counts the loan on the county and city dashboards, from the data", async () => {
    const regulator = await t.staff(["regulator"], null);
    const city = await call(t, "GET", `${API}/dashboard?from=2026-01-01&to=2026-12-31`, regulator);
    expect(city.status).toBe(200);
    expect(city.body).toMatchObject({
      entitiesFinanced: 1,
      loansBooked: 1,
      amountBookedYuan: "150000.00",
      balanceYuan: "150000.00",
      balanceByCountyYuan: { "350981": "150000.00" },
      balanceByTypeYuan: { bundle: "150000.00" },
      balanceByProductYuan: { [lin.productId]: "150000.00" },
      productsOffered: 1,
      factorTypes: 23,
      factorCategories: 4,
      counties: 9,
      countiesWithCollectionCompany: 6,
    });
    const xiapu = await call(t, "GET", `${API}/dashboard?countyCode=350921&from=2026-01-01&to=2026-12-31`, regulator);
    expect(xiapu.body).toMatchObject({
      entitiesFinanced: 0,
      entitiesWithBalance: 0,
      balanceYuan: "0.00",
      productsWithBalance: 0,
      counties: 1,
      countiesWithCollectionCompany: 1,
    });
    const fuan = await call(t, "GET", `${API}/dashboard?countyCode=350981&from=2026-01-01&to=2026-12-31`, regulator);
    expect(fuan.body).toMatchObject({
      entitiesFinanced: 1,
      entitiesWithBalance: 1,
      balanceYuan: "150000.00",
      productsWithBalance: 1,
      counties: 1,
    });
  });

  it("filters the figures by period: nothing before the loan; a later period still carries its balance", async () => {
    const regulator = await t.staff(["regulator"], null);
    const before = await call(t, "GET", `${API}/dashboard?from=2025-01-01&to=2025-12-31`, regulator);
    expect(before.body).toMatchObject({
      entitiesFinanced: 0,
      loansBooked: 0,
      entitiesWithBalance: 0,
      balanceYuan: "0.00",
      productsOffered: 0,
      productsWithBalance: 0,
      factorTypes: 23,
    });
    const later = await call(t, "GET", `${API}/dashboard?from=2027-01-01&to=2027-01-31`, regulator);
    expect(later.body).toMatchObject({
      entitiesFinanced: 0,
      loansBooked: 0,
      amountBookedYuan: "0.00",
      entitiesWithBalance: 1,
      balanceYuan: "150000.00",
      productsOffered: 1,
      productsWithBalance: 1,
    });
  });

  it("replays a retried POST with the same Idempotency-Key instead of running it twice", async () => {
    const first = await call(
      t,
      "POST",
      `${API}/loans/${lin.loanId}/servicing`,
      lin.bank,
      {
        outstandingPrincipalYuan: "140000.00",
        interestArrearsYuan: "0.00",
        overdueSince: null,
      },
      "repay-1",
    );
    const again = await call(
      t,
      "POST",
      `${API}/loans/${lin.loanId}/servicing`,
      lin.bank,
      {
        outstandingPrincipalYuan: "140000.00",
        interestArrearsYuan: "0.00",
        overdueSince: null,
      },
      "repay-1",
    );
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const loan = await call(t, "GET", `${API}/loans/${lin.loanId}`, lin.bank);
    expect(loan.body.loan.outstandingPrincipalYuan).toBe("140000.00");
  });

  it("documents every factors route in the OpenAPI document", async () => {
    const doc = await call(t, "GET", "/openapi.json", null);
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith("/api/factors/"));
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/factors/{region}/factors",
        "/api/factors/{region}/factors/{factorId}",
        "/api/factors/{region}/evidence",
        "/api/factors/{region}/applications/{applicationId}/registration",
        "/api/factors/{region}/loans/{loanId}/loss-allocation",
        "/api/factors/{region}/disposals/{disposalId}/completion",
        "/api/factors/{region}/listings/{listingId}/award",
        "/api/factors/{region}/dashboard",
      ]),
    );
    expect(paths.length).toBeGreaterThanOrEqual(30);
  });

  it("lists the work of the citizen, the bank's queue and the products on offer", async () => {
    const mine = await call(t, "GET", `${API}/mine`, lin.citizen);
    expect(mine.body.factors.map((f: { id: string }) => f.id).sort()).toEqual([...lin.factorIds].sort());
    expect(mine.body.applications.map((a: { id: string }) => a.id)).toEqual([lin.applicationId]);
    const queue = await call(t, "GET", `${API}/institution-queue`, lin.bank);
    expect(queue.body.loans.map((l: { id: string }) => l.id)).toEqual([lin.loanId]);
    const products = await call(t, "GET", `${API}/products`, lin.citizen);
    expect(products.body.products.map((p: { name: { zh: string } }) => p.name.zh)).toEqual(["渔排养殖贷"]);
  });
});
