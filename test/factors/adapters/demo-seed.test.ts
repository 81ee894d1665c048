import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedReporter } from "../../../adapters/composition/seeds.ts";
import { factorsDemoSeed } from "../../../adapters/factors/demo-seed.ts";
import { writtenState } from "../api/support/db-snapshot.ts";
import { call, createFactorsTestApp, type FactorsTestApp } from "../api/support/factors-test-app.ts";

function reporter() {
  const created: string[] = [];
  const secrets: { label: string; value: string }[] = [];
  const report: SeedReporter = {
    created: (w) => created.push(w),
    secret: (label, value) => secrets.push({ label, value }),
  };
  return { created, secrets, report };
}

describe("the factors demo seed tells the demo story through the use cases, once", () => {
  let t: FactorsTestApp;
  let first: ReturnType<typeof reporter>;

  beforeAll(async () => {
    t = await createFactorsTestApp({ now: "2026-11-27T02:00:00Z" });
    first = reporter();
    await factorsDemoSeed.run(t.platform, "350900", first.report);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("books the story's loans: 林阿伯, 黄先生, 陈姐 and eight holders served by their banks", async () => {
    const loans = await sql<{
      status: string;
      n: number;
    }>`select status, count(*)::int as n from factors.loans group by status order by status`.execute(t.database.db);
    expect(Object.fromEntries(loans.rows.map((r) => [r.status, r.n]))).toEqual({ CLOSED_WITH_LOSS: 1, PERFORMING: 10 });
    const products = await sql<{ n: number }>`select count(*)::int as n from factors.products`.execute(t.database.db);
    expect(products.rows[0]?.n).toBe(8);
  });

  it("黄先生's raft was bought out by 福宁海投 at 75 % and the 14,800 yuan shortfall shared 40/20/20/20", async () => {
    const d = await sql<{ channel: string; proceeds: number; company: string }>`
      select channel, proceeds, buy_out->>'companyId' as company from factors.disposals`.execute(t.database.db);
    expect(d.rows).toEqual([{ channel: "buy_out", proceeds: 115_500_00, company: "xiapu-funing-haitou" }]);
    const loss =
      await sql`select loss, part_guarantor, part_government_fund, part_insurer, part_bank from factors.loss_allocations`.execute(
        t.database.db,
      );
    expect(loss.rows).toEqual([
      {
        loss: 14_800_00,
        part_guarantor: 5_920_00,
        part_government_fund: 2_960_00,
        part_insurer: 2_960_00,
        part_bank: 2_960_00,
      },
    ]);
  });

  it("leaves the county desk and the market with work: a lease with a bid, a disputed forest, an equity awaiting 福安's department", async () => {
    const byStatus = await sql<{
      status: string;
      n: number;
    }>`select status, count(*)::int as n from factors.factors group by status`.execute(t.database.db);
    const counts = Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n]));
    expect(counts).toMatchObject({ DISPUTED: 1, SUBMITTED: 1, DISPOSED: 3 });
    const listing = await sql<{
      kind: string;
      bids: number;
    }>`select kind, jsonb_array_length(bids)::int as bids from factors.listings where status = 'open'`.execute(
      t.database.db,
    );
    expect(listing.rows).toEqual([{ kind: "lease", bids: 1 }]);
  });

  it("shows the city dashboard's figures from the seeded data, and the staff keys work", async () => {
    const rural = first.secrets.find((s) => s.label === "factors nd-rural-bank");
    expect(rural).toBeDefined();
    const regulator = await t.staff(["regulator"], null);
    const dash = await call(t, "GET", "/api/factors/350900/dashboard?from=2026-01-01&to=2026-12-31", regulator);
    expect(dash.status).toBe(200);
    expect(dash.body).toMatchObject({
      entitiesFinanced: 11,
      loansBooked: 11,
      productsOffered: 8,
      countiesWithCollectionCompany: 6,
    });
    expect(Object.keys(dash.body.balanceByCountyYuan).sort()).toEqual([
      "350902",
      "350922",
      "350923",
      "350924",
      "350925",
      "350926",
      "350981",
      "350982",
    ]);
    const queue = await call(t, "GET", "/api/factors/350900/institution-queue", `Bearer ${rural?.value}`);
    expect(queue.status).toBe(200);
    expect(queue.body.loans.length).toBeGreaterThan(5);
  });

  it("a second run changes nothing and creates nothing", async () => {
    const before = await writtenState(t.database.db);
    const again = reporter();
    await factorsDemoSeed.run(t.platform, "350900", again.report);
    expect(again.created).toEqual([]);
    expect(again.secrets).toEqual([]);
    expect(await writtenState(t.database.db)).toEqual(before);
  });
});
