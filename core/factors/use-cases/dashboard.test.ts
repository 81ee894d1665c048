import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../kernel/mod.ts";
import { type BalanceStory, balanceCases, balanceStory } from "../testing/balance-story.ts";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { huangHolder, marineBundle, marineInputs } from "../testing/scenarios.ts";
import { type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { getDashboard } from "./get-dashboard.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { valueCollateral } from "./value-collateral.ts";

describe("seed 一(三) figures recomputed from data: county and city dashboards", () => {
  it("counts entities financed, balances by county / type / product, and the pack's catalogue and companies", async () => {
    const tb = factorsTestbed();
    const productId = await offer(tb, "fish-raft-farming");
    const lin = await marineBundle(tb);
    await valueCollateral(tb.deps, who.lin, { factorIds: lin.factorIds });
    await mortgageLoan(tb, who.lin, productId, lin.factorIds, 150_000_00);
    const huang = await marineBundle(tb, who.huang, marineInputs(huangHolder, "350921", "三沙-0002"));
    await valueCollateral(tb.deps, who.huang, { factorIds: huang.factorIds });
    await mortgageLoan(tb, who.huang, productId, huang.factorIds, 100_000_00);

    const city = await getDashboard(tb.deps, who.regulator, { from: "2026-01-01", to: "2026-12-31" });
    expect(city).toMatchObject({
      entitiesFinanced: 2,
      loansBooked: 2,
      balance: 250_000_00,
      balanceByCounty: { "350981": 150_000_00, "350921": 100_000_00 },
      balanceByType: { bundle: 250_000_00 },
      balanceByProduct: { [productId]: 250_000_00 },
      productsOffered: 1,
      factorTypes: 23,
      factorCategories: 4,
      counties: 9,
      countiesWithCollectionCompany: 6,
    });
    const xiapu = await getDashboard(tb.deps, who.regulator, {
      countyCode: "350921",
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(xiapu).toMatchObject({
      entitiesFinanced: 1,
      entitiesWithBalance: 1,
      balance: 100_000_00,
      productsWithBalance: 1,
      counties: 1,
      countiesWithCollectionCompany: 1,
    });
    const before = await getDashboard(tb.deps, who.regulator, { from: "2025-01-01", to: "2025-12-31" });
    expect(before).toMatchObject({
      entitiesFinanced: 0,
      entitiesWithBalance: 0,
      balance: 0,
      productsOffered: 0,
      productsWithBalance: 0,
    });
  });

  it("a county official sees only the county; institutions and citizens see no dashboard", async () => {
    const tb = factorsTestbed();
    const period = { from: "2026-01-01", to: "2026-12-31" };
    await expect(getDashboard(tb.deps, who.fuanOfficial, { ...period, countyCode: "350981" })).resolves.toBeTruthy();
    await expect(getDashboard(tb.deps, who.fuanOfficial, period)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getDashboard(tb.deps, who.ruralBank, period)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getDashboard(tb.deps, who.regulator, { from: "2026-12-31", to: "2026-01-01" })).rejects.toMatchObject({
      ruleId: "KRN-R11",
      field: "from",
    });
  });
});

describe("dashboard balance as of the end of the period: principal booked less principal repaid, recovered or written off by then", () => {
  let tb: FactorsTestbed;
  let story: BalanceStory;
  beforeAll(async () => {
    tb = factorsTestbed();
    story = await balanceStory(tb);
  });

  it.each(balanceCases)("$title", async (c) => {
    const d = await getDashboard(tb.deps, who.regulator, { countyCode: c.countyCode, from: "2026-01-01", to: c.to });
    expect({
      balance: d.balance,
      balanceByCounty: d.balanceByCounty,
      entitiesWithBalance: d.entitiesWithBalance,
      productsWithBalance: d.productsWithBalance,
    }).toEqual({
      balance: c.balance,
      balanceByCounty: c.balanceByCounty,
      entitiesWithBalance: c.entitiesWithBalance,
      productsWithBalance: c.productsWithBalance,
    });
    const sum = (m: Readonly<Record<string, number>>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(sum(d.balanceByType)).toBe(c.balance);
    expect(d.balanceByProduct).toEqual(c.balance === 0 ? {} : { [story.productId]: c.balance });
  });

  it("records each principal movement once, dated on the business date it took effect", () => {
    const moves = tb.store.state.movements.map((m) => [m.loanId, m.kind, m.change, m.on]);
    expect(moves).toEqual([
      [story.linLoanId, "serviced", -50_000_00, "2026-04-20"],
      [story.linLoanId, "serviced", -100_000_00, "2026-06-15"],
      [story.huangLoanId, "proceeds", -108_500_00, "2026-10-01"],
      [story.huangLoanId, "written_off", -41_500_00, "2026-10-20"],
    ]);
    // Each loan's principal plus its movements is what it still owes (nothing once closed with a loss).
    for (const loan of tb.store.state.loans.values()) {
      const moved = tb.store.state.movements.filter((m) => m.loanId === loan.id).reduce((a, m) => a + m.change, 0);
      expect(loan.principal + moved, loan.id).toBe(loan.status === "CLOSED_WITH_LOSS" ? 0 : loan.outstandingPrincipal);
    }
  });

  it("property: on any date the balance is the position the bank last reported by then (the principal before its first report)", async () => {
    const report = fc.record({
      afterDays: fc.integer({ min: 0, max: 45 }),
      outstanding: fc.integer({ min: 0, max: 150_000_00 }),
      arrears: fc.integer({ min: 0, max: 2_000_00 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 6 }), async (reports) => {
        const t = factorsTestbed();
        const productId = await offer(t, "fish-raft-farming");
        const lin = await marineBundle(t, who.lin);
        await valueCollateral(t.deps, who.lin, { factorIds: lin.factorIds });
        const { loan } = await mortgageLoan(t, who.lin, productId, lin.factorIds, 150_000_00);
        let day = loan.startedOn;
        const positions: [string, number][] = [];
        for (const r of reports) {
          day = addDays(day, r.afterDays);
          t.clock.set(`${day}T02:00:00.000Z`);
          await recordLoanServicing(t.deps, who.ruralBank, {
            loanId: loan.id,
            outstandingPrincipalFen: r.outstanding,
            interestArrearsFen: r.arrears,
            overdueSince: null,
          });
          positions.push([day, r.outstanding]);
          if (r.outstanding === 0 && r.arrears === 0) break; // settled: no further reports
        }
        const expected = (date: string) =>
          positions.filter(([d]) => d <= date).at(-1)?.[1] ?? (date >= loan.startedOn ? loan.principal : 0);
        for (const date of [addDays(loan.startedOn, -1), ...positions.flatMap(([d]) => [addDays(d, -1), d])]) {
          const dash = await getDashboard(t.deps, who.regulator, { from: "2026-01-01", to: date });
          expect(dash.balance, date).toBe(expected(date));
          expect(dash.entitiesWithBalance, date).toBe(expected(date) > 0 ? 1 : 0);
        }
      }),
      { numRuns: 25 },
    );
  });
});
