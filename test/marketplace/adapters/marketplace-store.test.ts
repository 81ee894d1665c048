import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Application,
  type MarketplaceTx,
  type MortgageRegistration,
  type Product,
  type ProductQuery,
  type ReportSnapshot,
  searchProducts,
} from "../../../core/marketplace/mod.ts";
import { application, consent, institution, product, push, REGION } from "./support/fixtures.ts";
import { createMarketplaceTestPlatform, type MarketplaceTestPlatform } from "./support/marketplace-platform.ts";

let t: MarketplaceTestPlatform;
const run = <T>(work: (tx: MarketplaceTx) => Promise<T>) => t.deps.uow.run(work);

beforeAll(async () => {
  t = await createMarketplaceTestPlatform();
  await run(async (tx) => {
    await tx.institutions.insert(institution("inst_a"));
    await tx.institutions.insert(institution("inst_b", { kind: "guarantor", status: "SUSPENDED" }));
  });
});
afterAll(async () => {
  await t?.close();
});

describe("marketplace kysely repositories keep every field of every aggregate", () => {
  it("institutions, products, consents and pushes read back exactly as written", async () => {
    const p = product("prd_rt_1", "inst_a", {
      dataNeeds: [{ category: "tax.paid", purpose: "规模", required: false }],
    });
    const c = consent("cns_rt_1", "inst_a", { categories: ["tax.paid", "unionpay.acquiring-flow"] });
    const pu = push("push_rt_1", c, { applicationId: "app_rt_x" });
    await run(async (tx) => {
      await tx.products.insert(p);
      await tx.consents.insert(c);
      await tx.pushes.insert(pu);
    });
    await run(async (tx) => {
      expect(await tx.institutions.get("inst_a")).toEqual(institution("inst_a"));
      expect(await tx.products.get(p.id)).toEqual(p);
      expect(await tx.consents.get(c.id)).toEqual(c);
      expect(await tx.consents.getForUpdate(c.id)).toEqual(c);
      expect(await tx.pushes.get(pu.id)).toEqual(pu);
      expect(await tx.products.get("nope")).toBeUndefined();
    });
  });

  it("an application with its instant decision and every outcome field reads back exactly", async () => {
    const p = product("prd_rt_2", "inst_a", { channel: "direct" });
    const c = consent("cns_rt_2", "inst_a");
    const pu = push("push_rt_2", c);
    const a = application("app_rt_2", p, c, pu.id, {
      state: "DISBURSED",
      firstLoan: true,
      contactedAt: new Date("2026-03-02T02:00:01.000Z"),
      decidedAt: new Date("2026-03-02T02:00:01.000Z"),
      concludedAt: new Date("2026-03-02T02:00:01.000Z"),
      amountGranted: 80_000_00,
      rateBp: 435,
      grantedTermMonths: 12,
      amountDisbursed: 80_000_00,
      disbursedAt: new Date("2026-03-03T02:00:00.000Z"),
      institutionReference: "SIM-1",
      instantDecision: { outcome: "approved", at: new Date("2026-03-02T02:00:01.000Z"), latencyMs: 12, error: null },
    });
    await run(async (tx) => {
      await tx.products.insert(p);
      await tx.consents.insert(c);
      await tx.pushes.insert(pu);
      await tx.applications.insert(a);
    });
    expect(await run((tx) => tx.applications.get(a.id))).toEqual(a);
    const next: Application = { ...a, state: "DISBURSED", reason: "ok", fellBackToManual: true };
    await run((tx) => tx.applications.update(next));
    expect(await run((tx) => tx.applications.getForUpdate(a.id))).toEqual(next);
  });

  it("QR-code counters move only by atomic increments, also when many scans arrive at once", async () => {
    const p = product("prd_rt_3", "inst_a");
    await run((tx) => tx.products.insert(p));
    const code = {
      id: "qr_rt_3",
      regionCode: REGION,
      productId: p.id,
      institutionId: "inst_a",
      branchId: "inst_a_xinluo",
      managerId: null,
      issuedAt: new Date("2026-03-02T02:00:00.000Z"),
      expiresAt: new Date("2026-06-01T16:00:00.000Z"),
      issuedBy: "inst:inst_a/u1",
      status: "ACTIVE" as const,
      scans: 0,
      applications: 0,
    };
    await run((tx) => tx.applyCodes.insert(code));
    await Promise.all(Array.from({ length: 12 }, () => run((tx) => tx.applyCodes.countScan(code.id))));
    await run((tx) => tx.applyCodes.countApplication(code.id));
    await run((tx) => tx.applyCodes.setStatus(code.id, "REVOKED"));
    expect(await run((tx) => tx.applyCodes.get(code.id))).toEqual({
      ...code,
      scans: 12,
      applications: 1,
      status: "REVOKED",
    });
    await expect(run((tx) => tx.applyCodes.countScan("qr_missing"))).rejects.toThrow("no apply code");
  });

  it("a mortgage registration's property is sealed at rest (C2) and reads back in full", async () => {
    const p = product("prd_rt_4", "inst_a", { type: "mortgage" });
    const c = consent("cns_rt_4", "inst_a");
    const pu = push("push_rt_4", c);
    const a = application("app_rt_4", p, c, pu.id, { state: "APPROVED", amountGranted: 100_000_00 });
    const reg: MortgageRegistration = {
      id: "mreg_rt_4",
      regionCode: REGION,
      applicationId: a.id,
      institutionId: "inst_a",
      subjectRef: a.subjectRef,
      property: { titleCertificateNo: "闽(2024)龙岩市不动产权第0012345号", address: "龙岩市新罗区华莲路 8 号" },
      securedAmount: 100_000_00,
      state: "REQUESTED",
      requestedAt: new Date("2026-03-02T02:00:00.000Z"),
      branchId: null,
      signedAt: null,
      submittedAt: null,
      registryRef: null,
      registeredAt: null,
      registrationCertificateNo: null,
      refusedReason: null,
      attempts: 0,
      lastError: null,
    };
    await run(async (tx) => {
      await tx.products.insert(p);
      await tx.consents.insert(c);
      await tx.pushes.insert(pu);
      await tx.applications.insert(a);
      await tx.mortgageRegistrations.insert(reg);
    });
    expect(await run((tx) => tx.mortgageRegistrations.findByApplication(a.id))).toEqual(reg);
    const raw = await sql<{ row: string }>`select row_to_json(m)::text as row from marketplace.mortgage_registrations m
                                           where id = ${reg.id}`.execute(t.platform.database.db);
    expect(raw.rows[0]?.row).not.toContain("0012345");
    expect(raw.rows[0]?.row).not.toContain("华莲路");
    const signed = {
      ...reg,
      state: "SIGNED_AT_BRANCH" as const,
      branchId: "inst_a_xinluo",
      signedAt: new Date("2026-03-03T02:00:00.000Z"),
    };
    await run((tx) => tx.mortgageRegistrations.update(signed));
    expect(await run((tx) => tx.mortgageRegistrations.getForUpdate(reg.id))).toEqual(signed);
  });

  it("report snapshots keep the frozen report and list newest first", async () => {
    const snap = (id: string, at: string): ReportSnapshot => ({
      id,
      regionCode: REGION,
      label: id,
      takenAt: new Date(at),
      takenBy: "staff:reg",
      report: {
        regionCode: REGION,
        at: new Date(at),
        rows: [
          {
            institutionId: "inst_a",
            pending: 2,
            overdueForContact: 1,
            longUnfinished: 0,
            open: 3,
            instantFallbacks: 1,
          },
        ],
        totals: { pending: 2, overdueForContact: 1, longUnfinished: 0, open: 3, instantFallbacks: 1 },
      },
    });
    await run(async (tx) => {
      await tx.reportSnapshots.insert(snap("rpt_1", "2026-02-01T00:00:00.000Z"));
      await tx.reportSnapshots.insert(snap("rpt_2", "2026-03-01T00:00:00.000Z"));
    });
    expect(await run((tx) => tx.reportSnapshots.get("rpt_1"))).toEqual(snap("rpt_1", "2026-02-01T00:00:00.000Z"));
    expect((await run((tx) => tx.reportSnapshots.list(REGION, 10))).map((s) => s.id)).toEqual(["rpt_2", "rpt_1"]);
  });

  it("KRN-R09: a unit of work that throws leaves no row, no audit entry and no outbox event behind", async () => {
    const count = async () =>
      (
        await sql<{ p: number; a: number; o: number }>`select
          (select count(*) from marketplace.products where id = 'prd_rollback') as p,
          (select count(*) from platform.audit_log where object_id = 'prd_rollback') as a,
          (select count(*) from platform.outbox where aggregate_id = 'prd_rollback') as o`.execute(
          t.platform.database.db,
        )
      ).rows[0];
    await expect(
      run(async (tx) => {
        await tx.products.insert(product("prd_rollback", "inst_a"));
        await tx.audit.append({
          regionCode: REGION,
          actor: "t",
          action: "x.y",
          objectType: "product",
          objectId: "prd_rollback",
          outcome: "ok",
        });
        await tx.outbox.enqueue({
          regionCode: REGION,
          type: "marketplace.test.happened",
          aggregateId: "prd_rollback",
          payload: {},
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await count()).toEqual({ p: 0, a: 0, o: 0 });
  });
});

describe("catalogue search in SQL agrees with rules/product-filter.ts", () => {
  /** A region of its own, so the other tests' products never share the result. */
  const SEARCH_REGION = "350899";
  const arbProduct = (i: number) =>
    fc
      .record({
        type: fc.constantFrom("credit", "mortgage", "guarantee", "insurance"),
        channel: fc.constantFrom("direct", "manual"),
        segments: fc.subarray(["small-firm", "individual-business", "farmer", "new-agri-entity"] as const, {
          minLength: 1,
        }),
        specialActions: fc.subarray(["small-shop", "first-loan", "startup"]),
        amountMin: fc.integer({ min: 0, max: 1000 }),
        span: fc.integer({ min: 0, max: 1000 }),
        termMin: fc.integer({ min: 1, max: 24 }),
        termSpan: fc.integer({ min: 0, max: 24 }),
        status: fc.constantFrom("ACTIVE", "ACTIVE", "WITHDRAWN"),
        inst: fc.constantFrom("inst_a", "inst_b"),
        name: fc.constantFrom("兴林贷", "智慧快贷", "Quick LOAN", "e贷_%", "小店"),
      })
      .map(
        (r): Product =>
          product(`prd_s${String(i).padStart(3, "0")}`, r.inst, {
            type: r.type,
            channel: r.channel,
            segments: r.segments,
            specialActions: r.specialActions,
            amountMin: r.amountMin * 100,
            amountMax: (r.amountMin + r.span) * 100,
            termMonthsMin: r.termMin,
            termMonthsMax: r.termMin + r.termSpan,
            status: r.status,
            name: { zh: `${r.name}${i}`, en: `${r.name} ${i}` },
            regionCode: SEARCH_REGION,
          }),
      );

  it("property: every filter combination returns the same page and total as the pure rule", async () => {
    const catalogue = fc.sample(fc.tuple(...Array.from({ length: 40 }, (_, i) => arbProduct(i))), {
      numRuns: 1,
      seed: 7,
    })[0] as Product[];
    await run(async (tx) => {
      for (const p of catalogue) await tx.products.insert(p);
    });
    const all = await run((tx) =>
      tx.products.search({ regionCode: SEARCH_REGION, includeWithdrawn: true, limit: 500, offset: 0 }),
    );
    expect(all.items).toEqual(catalogue);
    const arbQuery = fc.record(
      {
        type: fc.constantFrom("credit", "mortgage", "guarantee", "insurance"),
        segment: fc.constantFrom("small-firm", "individual-business", "farmer", "new-agri-entity"),
        specialAction: fc.constantFrom("small-shop", "first-loan", "startup", "none"),
        institutionId: fc.constantFrom("inst_a", "inst_b"),
        channel: fc.constantFrom("direct", "manual"),
        amount: fc.integer({ min: 0, max: 2000 }).map((y) => y * 100),
        termMonths: fc.integer({ min: 1, max: 50 }),
        text: fc.constantFrom("林", "quick", "LOAN", "%", "_", " e贷 "),
        includeWithdrawn: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        arbQuery,
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 20 }),
        async (q, limit, offset) => {
          const query = { ...q, regionCode: SEARCH_REGION, limit, offset } as ProductQuery;
          const got = await run((tx) => tx.products.search(query));
          const want = searchProducts(catalogue, query);
          expect(got.items.map((p) => p.id)).toEqual(want.items.map((p) => p.id));
          expect(got.total).toBe(want.total);
        },
      ),
      { numRuns: 60 },
    );
  });
});
