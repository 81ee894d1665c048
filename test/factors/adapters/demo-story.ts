import {
  activateFactor,
  allocateLoss,
  awardTransfer,
  completeDisposal,
  consentToTransfer,
  getDashboard,
  getDisposal,
  getFactorHistory,
  getLoan,
  getMortgageApplication,
  getTransferListing,
  listCountyQueue,
  listForTransfer,
  listInstitutionQueue,
  listMarket,
  listMyWork,
  lodgeObjection,
  placeBid,
  recordLoanServicing,
  registerFactor,
  reportDefault,
  resolveObjection,
  startDisposal,
  submitFactor,
  valueCollateral,
} from "../../../core/factors/mod.ts";
import {
  activeFactor,
  type FactorsTestbed,
  huangHolder,
  linHolder,
  marineBundle,
  marineInputs,
  mortgageLoan,
  offer,
  onRegistry,
  demoPrincipals as who,
} from "../../../core/factors/testing/mod.ts";

/**
 * A demo-story scenario touching every table: 林阿伯's bundle and loan, 黄先生's default, buy-out
 * and loss, a lease listing with a bid, an objection lodged and dismissed. Returns what the read
 * use cases answer at the end, for comparing two stores.
 */
export async function demoStory(tb: FactorsTestbed): Promise<Record<string, unknown>> {
  const lin = await marineBundle(tb, who.lin);
  const raft = await offer(tb, "fish-raft-farming");
  await valueCollateral(tb.deps, who.lin, { factorIds: lin.factorIds });
  const linLoan = await mortgageLoan(tb, who.lin, raft, lin.factorIds, 150_000_00);

  // 林阿伯 leases the mortgaged site out for a season: the bank consents, its lien follows (FAC-R10).
  const siteLease = await listForTransfer(tb.deps, who.lin, {
    factorIds: lin.factorIds,
    kind: "lease",
    reservePriceFen: 20_000_00,
    closesOn: "2026-04-20",
    leaseFrom: "2026-05-01",
    leaseTo: "2026-10-31",
  });
  await consentToTransfer(tb.deps, who.ruralBank, { listingId: siteLease.id });
  await placeBid(tb.deps, who.buyer, {
    listing: "transfer",
    listingId: siteLease.id,
    amountFen: 22_000_00,
    bidder: { kind: "person", idNumber: "350925198803020412", name: "黄伟" },
  });

  const huang = await marineBundle(tb, who.huang, marineInputs(huangHolder, "350921", "三沙-0002"));
  await valueCollateral(tb.deps, who.huang, { factorIds: huang.factorIds });
  const { loan } = await mortgageLoan(tb, who.huang, raft, huang.factorIds, 130_000_00);
  const house = await activeFactor(tb, who.lin, {
    countyCode: "350981",
    typeCode: "A07",
    holder: linHolder,
    title: "农房",
    location: "福安市下白石镇 农房 8 号",
    quantity: "120",
    certificateNo: "BDC-FA-0008",
  });
  const lease = await listForTransfer(tb.deps, who.lin, {
    factorIds: [house.id],
    kind: "lease",
    reservePriceFen: 8_000_00,
    closesOn: "2026-04-20",
    leaseFrom: "2026-05-01",
    leaseTo: "2027-04-30",
  });
  await placeBid(tb.deps, who.buyer, {
    listing: "transfer",
    listingId: lease.id,
    amountFen: 9_000_00,
    bidder: { kind: "person", idNumber: "350925198803020412", name: "黄伟" },
  });
  const fresh = {
    countyCode: "350981",
    typeCode: "R02",
    holder: linHolder,
    title: "林地",
    location: "福安市穆阳镇 林班 2",
    quantity: "40",
    certificateNo: "LQ-FA-0002",
  } as const;
  onRegistry(tb, fresh, linHolder.idNumber);
  const forest = await registerFactor(tb.deps, who.lin, fresh);
  await submitFactor(tb.deps, who.lin, { factorId: forest.id });
  const objection = await lodgeObjection(tb.deps, who.huang, { factorId: forest.id, grounds: "林班界线有争议" });
  await resolveObjection(tb.deps, who.fuanOfficial, {
    factorId: forest.id,
    objectionId: objection.objection.id,
    decision: "dismissed",
    reason: "界线经村委核实无误",
  });

  tb.clock.set("2026-06-15T02:00:00.000Z");
  await awardTransfer(tb.deps, who.lin, { listingId: siteLease.id });
  await recordLoanServicing(tb.deps, who.ruralBank, {
    loanId: loan.id,
    outstandingPrincipalFen: 125_000_00,
    interestArrearsFen: 3_800_00,
    overdueSince: "2026-06-01",
  });
  tb.clock.set("2026-09-29T02:00:00.000Z");
  await reportDefault(tb.deps, who.ruralBank, { loanId: loan.id });
  tb.appraiser.value = 154_000_00;
  await valueCollateral(tb.deps, who.ruralBank, { factorIds: huang.factorIds, requestAppraisal: true });
  const disposal = await startDisposal(tb.deps, who.ruralBank, { loanId: loan.id, channel: "buy_out" });
  tb.clock.set("2026-09-30T20:30:00.000Z"); // 04:30 on 1 October in 福安: counts on the business date
  await completeDisposal(tb.deps, who.ruralBank, { disposalId: disposal.id, costsFen: 1_500_00 });
  const loss = await allocateLoss(tb.deps, who.ruralBank, { loanId: loan.id });
  await activateFactor(tb.deps, who.lin, { factorId: forest.id });

  const dash = (countyCode: string | null, from: string, to: string) =>
    getDashboard(tb.deps, who.regulator, { countyCode, from, to });
  return {
    linHistory: await getFactorHistory(tb.deps, who.lin, { factorId: lin.factorIds[1] as string }),
    huangHistory: await getFactorHistory(tb.deps, who.ruralBank, { factorId: huang.factorIds[0] as string }),
    forestHistory: await getFactorHistory(tb.deps, who.lin, { factorId: forest.id }),
    linLoan: await getLoan(tb.deps, who.ruralBank, { loanId: linLoan.loan.id }),
    huangLoan: await getLoan(tb.deps, who.ruralBank, { loanId: loan.id }),
    application: await getMortgageApplication(tb.deps, who.lin, { applicationId: linLoan.loan.applicationId }),
    disposal: await getDisposal(tb.deps, who.ruralBank, { disposalId: disposal.id }),
    lease: await getTransferListing(tb.deps, who.lin, { listingId: lease.id }),
    siteLease: await getTransferListing(tb.deps, who.ruralBank, { listingId: siteLease.id }),
    loss,
    myWork: await listMyWork(tb.deps, who.lin),
    bankQueue: await listInstitutionQueue(tb.deps, who.ruralBank),
    countyQueue: await listCountyQueue(tb.deps, who.regulator),
    market: await listMarket(tb.deps, who.buyer),
    cityYear: await dash(null, "2026-01-01", "2026-12-31"),
    fuanYear: await dash("350981", "2026-01-01", "2026-12-31"),
    xiapuOctober: await dash("350921", "2026-10-01", "2026-10-31"),
    xiapuSeptember: await dash("350921", "2026-09-01", "2026-09-30"),
  };
}
