import { describe, expect, it } from "vitest";
import type { Principal } from "../../kernel/mod.ts";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { huangHolder, linHolder, marineBundle, onRegistry } from "../testing/scenarios.ts";
import { type FactorsTestbed, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { getDisposal } from "./get-disposal.ts";
import { getLoan } from "./get-loan.ts";
import { getMortgageApplication } from "./get-mortgage-application.ts";
import { getPublicNotice } from "./get-public-notice.ts";
import { getTransferListing } from "./get-transfer-listing.ts";
import { listCountyQueue } from "./list-county-queue.ts";
import { listCreditProducts } from "./list-credit-products.ts";
import { listForTransfer } from "./list-for-transfer.ts";
import { listInstitutionQueue } from "./list-institution-queue.ts";
import { listMarket } from "./list-market.ts";
import { listMyWork } from "./list-my-work.ts";
import { lodgeObjection } from "./lodge-objection.ts";
import { recordLoanServicing } from "./record-loan-servicing.ts";
import { registerFactor } from "./register-factor.ts";
import { reportDefault } from "./report-default.ts";
import { startDisposal } from "./start-disposal.ts";
import { submitFactor } from "./submit-factor.ts";
import { valueCollateral } from "./value-collateral.ts";

const stranger: Principal = { id: "citizen:x", roles: ["citizen"], regionCodes: ["350900"], subjectRef: "subject:x" };
const xiapuOfficial: Principal = { id: "reg:xiapu", roles: ["regulator"], regionCodes: ["350921"] };

/** 林阿伯's bundle mortgaged for 150,000 yuan of 渔排养殖贷. */
async function linMortgaged(tb: FactorsTestbed) {
  const { bundleId, factorIds } = await marineBundle(tb);
  const productId = await offer(tb, "fish-raft-farming");
  await valueCollateral(tb.deps, who.lin, { factorIds });
  const { loan } = await mortgageLoan(tb, who.lin, productId, factorIds, 150_000_00);
  return { bundleId, factorIds, productId, loan };
}

describe("KRN-R06 work lists: each person sees their own queue, nobody else's", () => {
  it("林阿伯 sees the three rights he registered and his application; a stranger sees nothing", async () => {
    const tb = factorsTestbed();
    const { factorIds, loan } = await linMortgaged(tb);
    const mine = await listMyWork(tb.deps, who.lin);
    expect(mine.factors.map((f) => f.id).sort()).toEqual([...factorIds].sort());
    expect(mine.applications.map((a) => a.id)).toEqual([loan.applicationId]);
    const theirs = await listMyWork(tb.deps, stranger);
    expect(theirs).toEqual({ factors: [], applications: [] });
  });

  it("the bank's queue holds its loan; another bank's queue is empty", async () => {
    const tb = factorsTestbed();
    const { loan } = await linMortgaged(tb);
    const q = await listInstitutionQueue(tb.deps, who.ruralBank);
    expect(q.loans.map((l) => l.id)).toEqual([loan.id]);
    expect(q.applications).toEqual([]);
    const other = await listInstitutionQueue(tb.deps, who.postalBank);
    expect(other.loans).toEqual([]);
    await expect(listInstitutionQueue(tb.deps, who.lin)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("a transfer listing of mortgaged collateral asks the lien-holding bank for consent (FAC-R10)", async () => {
    const tb = factorsTestbed();
    const { factorIds } = await linMortgaged(tb);
    const listing = await listForTransfer(tb.deps, who.lin, {
      factorIds,
      kind: "sale",
      reservePriceFen: 200_000_00,
      closesOn: "2026-04-30",
    });
    const q = await listInstitutionQueue(tb.deps, who.ruralBank);
    expect(q.consentRequests.map((l) => l.id)).toEqual([listing.id]);
    const detail = await getTransferListing(tb.deps, who.ruralBank, { listingId: listing.id });
    expect(detail.viewer).toMatchObject({ holder: false, liensWithoutConsent: 1 });
    expect(detail.viewer.consentMissing).toHaveLength(1);
    const holderView = await getTransferListing(tb.deps, who.lin, { listingId: listing.id });
    expect(holderView.viewer.holder).toBe(true);
    expect(JSON.stringify(holderView)).not.toContain("350981196803121039");
    const market = await listMarket(tb.deps, stranger);
    expect(market.transfers.map((l) => l.id)).toEqual([listing.id]);
  });

  it("a county official sees submissions of the county only; the prefecture sees all", async () => {
    const tb = factorsTestbed();
    const house = {
      countyCode: "350921",
      typeCode: "A07",
      holder: huangHolder,
      title: "农村住房",
      location: "霞浦县三沙镇",
      quantity: "120",
      certificateNo: "霞浦-0001",
    };
    const orchard = {
      ...house,
      countyCode: "350981",
      holder: linHolder,
      location: "福安市穆阳镇",
      certificateNo: "福安-1",
    };
    onRegistry(tb, house, huangHolder.idNumber);
    onRegistry(tb, orchard, linHolder.idNumber);
    const a = await registerFactor(tb.deps, who.huang, house);
    const b = await registerFactor(tb.deps, who.lin, orchard);
    await submitFactor(tb.deps, who.huang, { factorId: a.id });
    await submitFactor(tb.deps, who.lin, { factorId: b.id });
    const xiapu = await listCountyQueue(tb.deps, xiapuOfficial);
    expect(xiapu.onNotice.map((f) => f.id)).toEqual([a.id]);
    const city = await listCountyQueue(tb.deps, who.regulator);
    expect(city.onNotice.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    await expect(listCountyQueue(tb.deps, xiapuOfficial, { countyCode: "350981" })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(listCountyQueue(tb.deps, who.lin)).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("KRN-R06 reading one loan, application or disposal", () => {
  it("the holder, the bank and the regulator read the loan with its first-ranked lien; a stranger reads not found", async () => {
    const tb = factorsTestbed();
    const { loan, bundleId } = await linMortgaged(tb);
    for (const p of [who.lin, who.ruralBank, who.regulator]) {
      const d = await getLoan(tb.deps, p, { loanId: loan.id });
      expect(d.liens).toHaveLength(1);
      expect(d.liens[0]).toMatchObject({ unitId: bundleId, rank: 1, status: "active" });
      expect(d.trigger).toMatchObject({ daysOverdue: 0, triggerDays: 90 });
    }
    await expect(getLoan(tb.deps, stranger, { loanId: loan.id })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getLoan(tb.deps, who.postalBank, { loanId: loan.id })).rejects.toMatchObject({ kind: "not_found" });
    const app = await getMortgageApplication(tb.deps, who.lin, { applicationId: loan.applicationId });
    expect(app.application.status).toBe("REGISTERED");
    expect(app.loanId).toBe(loan.id);
    expect(app.product?.name.zh).toBe("渔排养殖贷");
    expect(app.factors).toHaveLength(3);
    await expect(
      getMortgageApplication(tb.deps, stranger, { applicationId: loan.applicationId }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect((await listCreditProducts(tb.deps, stranger)).map((p) => p.name.zh)).toEqual(["渔排养殖贷"]);
  });

  it("a disposal by listing is public without its distribution; a buy-out is seen only by its parties", async () => {
    const tb = factorsTestbed();
    const { factorIds, loan } = await linMortgaged(tb);
    tb.clock.set("2026-06-15T02:00:00.000Z");
    await recordLoanServicing(tb.deps, who.ruralBank, {
      loanId: loan.id,
      outstandingPrincipalFen: 150_000_00,
      interestArrearsFen: 0,
      overdueSince: "2026-06-01",
    });
    tb.clock.set("2026-09-29T02:00:00.000Z");
    await reportDefault(tb.deps, who.ruralBank, { loanId: loan.id });
    await valueCollateral(tb.deps, who.ruralBank, { factorIds });
    const listed = await startDisposal(tb.deps, who.ruralBank, { loanId: loan.id, channel: "listing" });
    const pub = await getDisposal(tb.deps, stranger, { disposalId: listed.id });
    expect(pub).toMatchObject({ party: false, bank: false, disposal: { distribution: null, buyOut: null } });
    const bank = await getDisposal(tb.deps, who.ruralBank, { disposalId: listed.id });
    expect(bank).toMatchObject({ party: true, bank: true });
    expect((await listMarket(tb.deps, stranger)).disposals.map((d) => d.id)).toEqual([listed.id]);
    expect((await getLoan(tb.deps, who.ruralBank, { loanId: loan.id })).disposals.map((d) => d.id)).toEqual([
      listed.id,
    ]);
  });
});

describe("FAC-R02 公示 public notice: anyone signed in reads it and may object", () => {
  it("a factor on notice is public with the holder's name masked and no ID; after activation it is not", async () => {
    const tb = factorsTestbed();
    const house = {
      countyCode: "350921",
      typeCode: "A07",
      holder: huangHolder,
      title: "农村住房",
      location: "霞浦县三沙镇",
      quantity: "120",
      certificateNo: "霞浦-0002",
    };
    onRegistry(tb, house, huangHolder.idNumber);
    const draft = await registerFactor(tb.deps, who.huang, house);
    await expect(getPublicNotice(tb.deps, stranger, { factorId: draft.id })).rejects.toMatchObject({
      kind: "not_found",
    });
    await submitFactor(tb.deps, who.huang, { factorId: draft.id });
    const market = await listMarket(tb.deps, stranger);
    expect(market.notices.map((n) => n.id)).toEqual([draft.id]);
    const notice = await getPublicNotice(tb.deps, stranger, { factorId: draft.id });
    expect(notice.notice).toMatchObject({ holderName: "黄**", noticeClosesOn: "2026-03-09", status: "PUBLICISED" });
    expect(JSON.stringify(notice)).not.toContain(huangHolder.idNumber);
    await lodgeObjection(tb.deps, stranger, { factorId: draft.id, grounds: "此房屋为兄弟共有" });
    const disputed = await getPublicNotice(tb.deps, stranger, { factorId: draft.id });
    expect(disputed.notice.status).toBe("DISPUTED");
    expect(disputed.mine).toHaveLength(1);
    expect(JSON.stringify(disputed.objections)).not.toContain(stranger.id);
  });
});
