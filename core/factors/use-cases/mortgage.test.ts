import { describe, expect, it } from "vitest";
import { ningdeDemoProducts } from "../demo/ningde-demo-products.ts";
import { activeFactor, linHolder, marineBundle } from "../testing/scenarios.ts";
import { type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { acceptMortgage } from "./accept-mortgage.ts";
import { applyForMortgage } from "./apply-for-mortgage.ts";
import { defineCreditProduct } from "./define-credit-product.ts";
import { getFactorHistory } from "./get-factor-history.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { registerLien } from "./register-lien.ts";
import { valueCollateral } from "./value-collateral.ts";

const demo = (id: string) => {
  const { id: _id, ...terms } = ningdeDemoProducts.find((p) => p.id === id) ?? ningdeDemoProducts[0]!;
  return terms;
};

async function linReady(tb: FactorsTestbed) {
  const { bundleId, factorIds } = await marineBundle(tb);
  const product = await defineCreditProduct(tb.deps, who.ruralBankAdmin, demo("fish-raft-farming"));
  const valuation = await valueCollateral(tb.deps, who.lin, { factorIds });
  return { bundleId, factorIds, product, valuation };
}

async function mortgage(
  tb: FactorsTestbed,
  productId: string,
  factorIds: string[],
  amountFen: number,
  bank = who.ruralBank,
) {
  const app = await applyForMortgage(tb.deps, who.lin, {
    productId,
    collateral: [{ factorIds }],
    amountFen,
    termMonths: 24,
  });
  await acceptMortgage(tb.deps, bank, { applicationId: app.id, decision: "accept", rateBp: 450 });
  return registerLien(tb.deps, bank, { applicationId: app.id });
}

describe("林阿伯: a 三权合一 bundle from valuation to an active mortgage (FAC-R03..R06, R11)", () => {
  it("self-assesses the bundle at 280,000 yuan and mortgages it for a 渔排养殖贷 of 150,000 yuan", async () => {
    const tb = factorsTestbed();
    const { bundleId, factorIds, product, valuation } = await linReady(tb);
    expect(valuation).toMatchObject({
      method: "self_assessment",
      value: 280_000_00,
      unitId: bundleId,
      expiresOn: "2027-03-10",
    });

    const { liens, loan } = await mortgage(tb, product.id, factorIds, 150_000_00);
    const lien = liens[0]!;
    expect(lien.rank).toBe(1);
    expect(lien).toMatchObject({ unitId: bundleId, securedAmount: 150_000_00, bankId: "nd-rural-bank" });
    expect(loan).toMatchObject({
      principal: 150_000_00,
      status: "PERFORMING",
      guarantorId: "nd-gov-guarantor",
      rateBp: 450,
    });
    expect(loan.sharing.sharesBp).toEqual({ bank: 2000, guarantor: 4000, insurer: 2000, governmentFund: 2000 });

    const history = await getFactorHistory(tb.deps, who.ruralBank, { factorId: factorIds[1] as string });
    expect(history.factor.status).toBe("ENCUMBERED");
    expect(history.factor.holder.name).toBe("林**");
    expect(history.liens).toEqual([expect.objectContaining({ id: lien.id, rank: 1 })]);
    expect(history.events.map((e) => e.kind)).toEqual([
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
    expect(tb.store.state.outbox.map((e) => e.type)).toContain("factors.loan.booked");
  });

  it("repaid on time, the lien is released and the bundle is active again", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    const { loan } = await mortgage(tb, product.id, factorIds, 150_000_00);
    const settled = await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 0,
      interestArrearsFen: 0,
      overdueSince: null,
    });
    expect(settled.status).toBe("SETTLED");
    const history = await getFactorHistory(tb.deps, who.lin, { factorId: factorIds[0] as string });
    expect(history.factor.status).toBe("ACTIVE");
    expect(history.liens).toEqual([expect.objectContaining({ status: "released", rank: null })]);
  });

  it("a second lien gets only the headroom: a registration beyond it is refused naming FAC-R06, nothing written", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    const first = await applyForMortgage(tb.deps, who.lin, {
      productId: product.id,
      collateral: [{ factorIds }],
      amountFen: 150_000_00,
      termMonths: 24,
    });
    const second = await applyForMortgage(tb.deps, who.lin, {
      productId: product.id,
      collateral: [{ factorIds }],
      amountFen: 50_000_00,
      termMonths: 12,
    });
    await acceptMortgage(tb.deps, who.ruralBank, { applicationId: first.id, decision: "accept", rateBp: 450 });
    await acceptMortgage(tb.deps, who.ruralBank, { applicationId: second.id, decision: "accept", rateBp: 450 });
    await registerLien(tb.deps, who.ruralBank, { applicationId: first.id });
    const before = tb.snapshot();
    await expect(registerLien(tb.deps, who.ruralBank, { applicationId: second.id })).rejects.toMatchObject({
      ruleId: "FAC-R06",
      field: "securedAmount",
      detail: expect.objectContaining({ headroom: 18_000_00 }),
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("a second loan within the headroom ranks second", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    await mortgage(tb, product.id, factorIds, 150_000_00);
    const second = await mortgage(tb, product.id, factorIds, 18_000_00);
    expect(second.liens[0]?.rank).toBe(2);
    expect(second.liens[0]?.registrationSeq).toBe(2);
  });

  it.each([
    ["splitting the bundle (the raft alone)", (ids: string[]) => [ids[1] as string], "FAC-R03", "factorIds"],
    ["two of the three rights", (ids: string[]) => ids.slice(0, 2), "FAC-R03", "factorIds"],
  ])("a mortgage %s is refused", async (_t, pick, ruleId, field) => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    const before = tb.snapshot();
    await expect(
      applyForMortgage(tb.deps, who.lin, {
        productId: product.id,
        collateral: [{ factorIds: pick(factorIds) }],
        amountFen: 50_000_00,
        termMonths: 12,
      }),
    ).rejects.toMatchObject({ ruleId, field });
    expect(tb.snapshot()).toBe(before);
  });

  it("an expired valuation cannot back a new mortgage (FAC-R04)", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    tb.clock.advanceDays(366);
    await expect(
      applyForMortgage(tb.deps, who.lin, {
        productId: product.id,
        collateral: [{ factorIds }],
        amountFen: 50_000_00,
        termMonths: 12,
      }),
    ).rejects.toMatchObject({ ruleId: "FAC-R04", field: "valuation" });
  });

  it("more than value × LTV is refused (FAC-R05); a certified professional farmer may borrow 10 % more (FAC-R11)", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    await expect(
      applyForMortgage(tb.deps, who.lin, {
        productId: product.id,
        collateral: [{ factorIds }],
        amountFen: 168_000_01,
        termMonths: 12,
      }),
    ).rejects.toMatchObject({ ruleId: "FAC-R05", field: "amountFen" });
    const cert = await activeFactor(tb, who.lin, {
      countyCode: "350981",
      typeCode: "L01",
      holder: linHolder,
      title: "新型职业农民证书",
      location: "福安市",
      quantity: "1",
      certificateNo: "XZNM-2023-0088",
    });
    const app = await applyForMortgage(tb.deps, who.lin, {
      productId: product.id,
      collateral: [{ factorIds }],
      amountFen: 184_800_00,
      termMonths: 12,
      labourFactorIds: [cert.id],
    });
    const accepted = await acceptMortgage(tb.deps, who.ruralBank, {
      applicationId: app.id,
      decision: "accept",
      rateBp: 450,
    });
    expect(accepted.approved).toMatchObject({
      amount: 184_800_00,
      secured: [{ unitId: expect.any(String), securedAmount: 168_000_00 }],
      rateBp: 430,
    });
  });

  it("the lender it was applied to may ask for a licensed appraiser; a stranger bank may not", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    tb.appraiser.value = 310_000_00;
    await expect(valueCollateral(tb.deps, who.ruralBank, { factorIds, requestAppraisal: true })).rejects.toMatchObject({
      kind: "not_found",
    });
    await applyForMortgage(tb.deps, who.lin, {
      productId: product.id,
      collateral: [{ factorIds }],
      amountFen: 50_000_00,
      termMonths: 12,
    });
    const v = await valueCollateral(tb.deps, who.ruralBank, { factorIds, requestAppraisal: true });
    expect(v).toMatchObject({
      method: "appraisal",
      value: 310_000_00,
      appraiserId: "nd-appraiser",
      unitId: expect.any(String),
    });
    expect(tb.appraiser.requests[0]?.factors.length).toBe(3);
  });

  it("an appraiser that does not answer leaves nothing written and says so (KRN-R10)", async () => {
    const tb = factorsTestbed();
    const { factorIds } = await linReady(tb);
    tb.appraiser.down = true;
    const before = tb.snapshot();
    await expect(valueCollateral(tb.deps, who.lin, { factorIds, requestAppraisal: true })).rejects.toMatchObject({
      kind: "unavailable",
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("only the product's bank accepts its applications; others read not found", async () => {
    const tb = factorsTestbed();
    const { factorIds, product } = await linReady(tb);
    const app = await applyForMortgage(tb.deps, who.lin, {
      productId: product.id,
      collateral: [{ factorIds }],
      amountFen: 50_000_00,
      termMonths: 12,
    });
    await expect(
      acceptMortgage(tb.deps, who.postalBank, { applicationId: app.id, decision: "accept", rateBp: 450 }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("a product whose sharing ratios do not add to 100 % is refused naming FAC-R09", async () => {
    const tb = factorsTestbed();
    const bad = {
      ...demo("fish-raft-custody"),
      sharing: {
        sharesBp: { bank: 3000, guarantor: 5000, insurer: 0, governmentFund: 1000 },
        perLoanCapsFen: { guarantor: null, insurer: null, governmentFund: null },
      },
    };
    await expect(
      defineCreditProduct(tb.deps, who.ruralBankAdmin, { ...bad, bankId: "nd-rural-bank" }),
    ).rejects.toMatchObject({
      ruleId: "FAC-R09",
      field: "sharing.sharesBp",
    });
  });

  it("a bank defines products only for itself", async () => {
    const tb = factorsTestbed();
    await expect(defineCreditProduct(tb.deps, who.ruralBankAdmin, demo("fish-raft-custody"))).rejects.toMatchObject({
      kind: "not_found",
    });
  });
});
