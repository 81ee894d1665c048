import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSeeds } from "../../../adapters/composition/seeds.ts";
import { seedCatalogue } from "../../../adapters/marketplace/demo/catalogue-seed.ts";
import { storyPeople } from "../../../adapters/marketplace/demo/demo-people.ts";
import { demoProducts, namedProducts } from "../../../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import { directBanks, seedScaleInstitutions } from "../../../adapters/marketplace/demo/seed-scale-institutions.ts";
import { SEED_PRODUCT_COUNT, seedScaleProducts } from "../../../adapters/marketplace/demo/seed-scale-products.ts";
import { demoStaffLabel, marketplaceDemoSeed } from "../../../adapters/marketplace/demo-seed.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import { businessDateOf, valueAsOf } from "../../../core/kernel/mod.ts";
import {
  assertWithinFairUse,
  createMarketplaceUseCases,
  type InstitutionReport,
} from "../../../core/marketplace/mod.ts";
import {
  createMarketplaceTestPlatform,
  LONGYAN,
  type MarketplaceTestPlatform,
} from "./support/marketplace-platform.ts";

let t: MarketplaceTestPlatform;
let first: Awaited<ReturnType<typeof runSeeds>>;
const HISTORY = 16;

beforeAll(async () => {
  process.env.MARKETPLACE_DEMO_HISTORY = String(HISTORY);
  t = await createMarketplaceTestPlatform();
  first = await runSeeds(t.platform, [marketplaceDemoSeed]);
});
afterAll(async () => {
  delete process.env.MARKETPLACE_DEMO_HISTORY;
  await t?.close();
});

describe("the marketplace demo seed for 龙岩 (spec 90-demo-story.md)", () => {
  it("loads the catalogue with the seed's named products, each within its fair-use template (MKT-R02)", async () => {
    const uc = createMarketplaceUseCases(t.deps);
    const all = await uc.searchProducts.execute({ limit: 500 });
    expect(all.total).toBe(demoProducts.length);
    const names = all.items.map((p) => p.name.zh);
    for (const named of ["兴林贷", "智慧快贷", "兴闪贷", "龙岩e贷"]) expect(names).toContain(named);
    const day = businessDateOf(t.clock.now());
    for (const p of all.items) {
      assertWithinFairUse(
        p,
        valueAsOf(t.deps.policy.fairUse, day, "fairUse"),
        valueAsOf(t.deps.policy.creditData, day, "creditData"),
      );
    }
    for (const column of ["first-loan", "startup", "rural-revitalisation", "foreign-exchange", "small-shop"]) {
      expect((await uc.searchProducts.execute({ specialAction: column })).total).toBeGreaterThan(0);
    }
  });

  it("张师傅 scanned a 码上贷 code and got an instant 小店经济 decision: his first loan", async () => {
    const rows = await sql<{ state: string; first_loan: boolean; source: string; outcome: string }>`
      select state, first_loan, source, instant_decision->>'outcome' as outcome from marketplace.applications
      where subject_ref = ${t.blindIndexer.index("mobile", storyPeople.zhang.mobile)}`.execute(t.platform.database.db);
    expect(rows.rows).toEqual([{ state: "APPROVED", first_loan: true, source: "qr", outcome: "approved" }]);
  });

  it("龙岩闽西茶业's 兴闪贷 waits three working days and shows as overdue for contact on the regulator's board", async () => {
    const uc = createMarketplaceUseCases(t.deps);
    const answer = await uc.getInstitutionReport.execute(
      { column: "overdue-for-contact", institutionId: "inst_cib", limit: 50 },
      t.regulator,
    );
    const tea = answer.list?.items.find((a) => a.applicantName === storyPeople.teaCo.name);
    expect(tea).toMatchObject({ productId: namedProducts.xingshan, state: "SUBMITTED" });
    const row = (answer.report as InstitutionReport).rows.find((r) => r.institutionId === "inst_cib");
    expect(row?.overdueForContact).toBeGreaterThanOrEqual(1);
  });

  it("a history of applications gives the board figures to show", async () => {
    const n = await sql<{ n: number }>`select count(*) as n from marketplace.applications`.execute(
      t.platform.database.db,
    );
    expect(n.rows[0]?.n).toBe(HISTORY + 2);
    const figures = await createMarketplaceUseCases(t.deps).getFigures.execute({ groupBy: "institution" }, t.regulator);
    expect(figures.total.financings).toBeGreaterThan(0);
    expect(figures.groups.reduce((s, g) => s + g.financings, 0)).toBe(figures.total.financings);
  });

  it("gives each named product's bank one staff API key, shown once", () => {
    const labels = first.secrets.map((s) => s.label);
    for (const id of ["inst_abc", "inst_ccb", "inst_cib", "inst_lyrcb"]) {
      expect(labels.some((l) => l.includes(id))).toBe(true);
      expect(demoStaffLabel(id)).toBe(`demo:marketplace:${id}`);
    }
    for (const s of first.secrets) expect(s.value).toMatch(/^fif_/);
  });

  it("is idempotent: a second run creates nothing and changes no count", async () => {
    const before = await sql<{ a: number; k: number; i: number; p: number }>`select
      (select count(*) from marketplace.applications) as a, (select count(*) from platform.api_keys) as k,
      (select count(*) from marketplace.institutions) as i, (select count(*) from marketplace.products) as p`.execute(
      t.platform.database.db,
    );
    const again = await runSeeds(t.platform, [marketplaceDemoSeed]);
    expect(again).toEqual({ created: [], secrets: [] });
    const after = await sql`select
      (select count(*) from marketplace.applications) as a, (select count(*) from platform.api_keys) as k,
      (select count(*) from marketplace.institutions) as i, (select count(*) from marketplace.products) as p`.execute(
      t.platform.database.db,
    );
    expect(after.rows).toEqual(before.rows);
    expect((await verifyAuditChain(t.platform.database.db, { regionCode: LONGYAN })).ok).toBe(true);
  });

  it("the catalogue at the seed's scale: 33 banks, 13 guarantors, 2 insurers, 447 products, 10 banks decided at once", async () => {
    const kinds = (k: string) => seedScaleInstitutions.filter((i) => i.kind === k).length;
    expect([kinds("bank"), kinds("guarantor"), kinds("insurer")]).toEqual([33, 13, 2]);
    const products = seedScaleProducts();
    expect(products.length).toBe(SEED_PRODUCT_COUNT);
    expect(new Set(products.map((p) => p.id)).size).toBe(SEED_PRODUCT_COUNT);
    expect(new Set(seedScaleInstitutions.map((i) => i.uscc)).size).toBe(48);
    const direct = new Set(products.filter((p) => p.channel === "direct").map((p) => p.institutionId));
    expect([...direct].sort()).toEqual([...directBanks].sort());
    for (const i of seedScaleInstitutions) expect(products.some((p) => p.institutionId === i.id)).toBe(true);
    const made = await seedCatalogue(t.deps, { institutions: seedScaleInstitutions, products }, t.admin);
    expect(made).toEqual({ institutions: 48 - 12, products: SEED_PRODUCT_COUNT - demoProducts.length });
    const all = await createMarketplaceUseCases(t.deps).searchProducts.execute({ limit: 1 });
    expect(all.total).toBe(SEED_PRODUCT_COUNT);
  });
});
