import { DEMO_FACTORS, demoPerson } from "../../../../adapters/factors/demo/ningde-demo-book.ts";
import {
  acceptMortgage,
  activateFactor,
  allocateLoss,
  applyForMortgage,
  completeDisposal,
  formMarineBundle,
  recordLoanServicing,
  registerFactor,
  registerLien,
  reportDefault,
  startDisposal,
  submitFactor,
  valueCollateral,
} from "../../../../core/factors/mod.ts";
import type { Principal } from "../../../../core/kernel/mod.ts";
import type { PageApp } from "./page-app.ts";

/** Registers, confirms and (after the notice) activates demo-book records as `holder` (use cases, not pages). */
export async function activeFactors(t: PageApp, holder: Principal, keys: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const key of keys) {
    const r = DEMO_FACTORS.find((f) => f.key === key);
    if (!r) throw new Error(`no demo factor ${key}`);
    const person = demoPerson(r.person);
    const draft = await registerFactor(t.deps, holder, {
      countyCode: r.countyCode,
      typeCode: r.typeCode,
      holder: { kind: "person", idNumber: person.idNumber, name: person.name },
      title: r.title,
      location: r.location,
      quantity: r.quantity,
      certificateNo: r.certificateNo,
      siteRef: r.siteRef ?? null,
    });
    await submitFactor(t.deps, holder, { factorId: draft.id });
    ids.push(draft.id);
  }
  const now = t.clock.now();
  t.clock.set(new Date(now.getTime() + 8 * 86_400_000).toISOString());
  for (const id of ids) await activateFactor(t.deps, holder, { factorId: id });
  return ids;
}

export interface Mortgaged {
  readonly factorIds: string[];
  readonly loanId: string;
  readonly applicationId: string;
}

/**
 * A 三权合一 bundle of the demo book, self-assessed and mortgaged for `amountFen` of the
 * product `productId` at 4.5 %, accepted and registered by `bank`.
 */
export async function mortgagedBundle(
  t: PageApp,
  holder: Principal,
  bank: Principal,
  keys: readonly string[],
  productId: string,
  amountFen: number,
): Promise<Mortgaged> {
  const factorIds = await activeFactors(t, holder, keys);
  await formMarineBundle(t.deps, holder, { factorIds });
  await valueCollateral(t.deps, holder, { factorIds });
  const app = await applyForMortgage(t.deps, holder, {
    productId,
    collateral: [{ factorIds }],
    amountFen,
    termMonths: 24,
  });
  await acceptMortgage(t.deps, bank, { applicationId: app.id, decision: "accept", rateBp: 450 });
  const { loan } = await registerLien(t.deps, bank, { applicationId: app.id });
  return { factorIds, loanId: loan.id, applicationId: app.id };
}

/**
 * 黄先生's story to the end with the use cases: his 霞浦 bundle mortgaged for 130,000 yuan,
 * overdue from 1 June 2026, defaulted at 120 days, re-appraised after the typhoon (the test app's
 * appraiser prices at 60 %), bought out by 福宁海投 and the shortfall shared (FAC-R07..R09).
 * Leaves the clock on 2026-09-29.
 */
export async function huangLossShared(
  t: PageApp,
  huang: Principal,
  bank: Principal,
  productId: string,
): Promise<Mortgaged> {
  const m = await mortgagedBundle(t, huang, bank, ["huang-sea", "huang-raft", "huang-aqua"], productId, 130_000_00);
  t.clock.set("2026-06-15T02:00:00Z");
  await recordLoanServicing(t.deps, bank, {
    loanId: m.loanId,
    outstandingPrincipalFen: 130_000_00,
    interestArrearsFen: 3_000_00,
    overdueSince: "2026-06-01",
  });
  t.clock.set("2026-09-29T02:00:00Z");
  await reportDefault(t.deps, bank, { loanId: m.loanId });
  await valueCollateral(t.deps, bank, { factorIds: m.factorIds, requestAppraisal: true });
  const disposal = await startDisposal(t.deps, bank, { loanId: m.loanId, channel: "buy_out" });
  await completeDisposal(t.deps, bank, { disposalId: disposal.id, costsFen: 1_000_00 });
  await allocateLoss(t.deps, bank, { loanId: m.loanId });
  return m;
}
