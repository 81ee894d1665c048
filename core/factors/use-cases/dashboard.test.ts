import { describe, expect, it } from "vitest";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { huangHolder, marineBundle, marineInputs } from "../testing/scenarios.ts";
import { factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { getDashboard } from "./get-dashboard.ts";
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
