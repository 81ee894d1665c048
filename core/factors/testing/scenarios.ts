import type { Principal } from "../../kernel/mod.ts";
import { parseQuantity } from "../domain/quantity.ts";
import { activateFactor } from "../use-cases/activate-factor.ts";
import { formMarineBundle } from "../use-cases/form-marine-bundle.ts";
import { type RegisterFactorInput, registerFactor } from "../use-cases/register-factor.ts";
import { submitFactor } from "../use-cases/submit-factor.ts";
import type { FactorView } from "../use-cases/support/views.ts";
import { FakeRegistry } from "./fakes.ts";
import { demoIds, demoPrincipals, type FactorsTestbed } from "./testbed.ts";

/** Puts the registry's record of a factor in place: found, with this holder. */
export function onRegistry(
  tb: FactorsTestbed,
  input: Pick<RegisterFactorInput, "certificateNo" | "location" | "typeCode" | "quantity">,
  holderId: string,
  extra: { termEndsOn?: string; encumbrances?: { creditor: string; amount: number; recordedOn: string }[] } = {},
): void {
  tb.registry.records.set(FakeRegistry.key({ certificateNo: input.certificateNo ?? null, location: input.location }), {
    status: "found",
    holderId,
    holderKind: holderId.length === 18 && /^\d{17}[\dX]$/.test(holderId) ? "person" : "organisation",
    typeCode: input.typeCode,
    quantityMilli: parseQuantity(input.quantity),
    recordNo: `REC-${input.certificateNo ?? input.location}`,
    termEndsOn: extra.termEndsOn ?? null,
    encumbrances: extra.encumbrances ?? [],
  });
}

/** Registers, submits (registry confirms), lets the 7-day notice run and activates a factor. */
export async function activeFactor(
  tb: FactorsTestbed,
  principal: Principal,
  input: RegisterFactorInput,
  extra: Parameters<typeof onRegistry>[3] = {},
): Promise<FactorView> {
  onRegistry(tb, input, input.holder.idNumber, extra);
  const draft = await registerFactor(tb.deps, principal, input);
  await submitFactor(tb.deps, principal, { factorId: draft.id });
  tb.clock.advanceDays(8);
  return activateFactor(tb.deps, principal, { factorId: draft.id });
}

export type HolderInput = RegisterFactorInput["holder"];
export const linHolder: HolderInput = { kind: "person", idNumber: demoIds.lin, name: "林阿伯" };
export const huangHolder: HolderInput = { kind: "person", idNumber: demoIds.huang, name: "黄先生" };

/** 林阿伯's 三权合一 site at 下白石: 20 亩 of sea area, 12 rafts, 20 亩 of aquaculture right. */
export function marineInputs(
  holder: HolderInput = linHolder,
  countyCode = "350981",
  site = "下白石-0001",
): RegisterFactorInput[] {
  const base = { countyCode, holder, location: `${site} 海域`, siteRef: site };
  return [
    { ...base, typeCode: "R04", title: "海域使用权", quantity: "20", certificateNo: `${site}-SEA` },
    { ...base, typeCode: "A01", title: "渔排 12 口", quantity: "12", certificateNo: `${site}-RAFT` },
    { ...base, typeCode: "R05", title: "水域滩涂养殖证", quantity: "20", certificateNo: `${site}-AQUA` },
  ];
}

/** Registers and activates the three rights, then forms the bundle. Returns the member ids. */
export async function marineBundle(
  tb: FactorsTestbed,
  principal: Principal = demoPrincipals.lin,
  inputs: RegisterFactorInput[] = marineInputs(),
): Promise<{ bundleId: string; factorIds: string[] }> {
  const ids: string[] = [];
  for (const input of inputs) {
    onRegistry(tb, input, input.holder.idNumber, { termEndsOn: "2040-12-31" });
    const draft = await registerFactor(tb.deps, principal, input);
    await submitFactor(tb.deps, principal, { factorId: draft.id });
    ids.push(draft.id);
  }
  tb.clock.advanceDays(8);
  for (const id of ids) await activateFactor(tb.deps, principal, { factorId: id });
  const { bundle } = await formMarineBundle(tb.deps, principal, { factorIds: ids });
  return { bundleId: bundle.id, factorIds: [...bundle.memberIds] };
}
