import { DEMO_FACTORS, demoPerson } from "../../../../adapters/factors/demo/ningde-demo-book.ts";
import {
  acceptMortgage,
  activateFactor,
  applyForMortgage,
  formMarineBundle,
  registerFactor,
  registerLien,
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
