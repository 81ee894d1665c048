import { expect } from "vitest";
import { ningdeDemoProducts } from "../../../../core/factors/mod.ts";
import { call, type FactorsTestApp } from "./factors-test-app.ts";

export const API = "/api/factors/350900";
export const LIN_MOBILE = "13905930001";
export const LIN_ID = "350981196803121039";
export const HUANG_ID = "350921198204205030";

const lin = { kind: "person", idNumber: LIN_ID, name: "林阿伯" } as const;
const site = "FA-XBS-0001";

/** 林阿伯's three rights at 下白石, as the 福安 registry simulator's demo book records them. */
export const LIN_FACTORS = [
  {
    countyCode: "350981",
    typeCode: "R04",
    holder: lin,
    title: "下白石海域使用权",
    location: "福安市下白石镇 下白石海域 0001 号养殖区",
    quantity: "20",
    certificateNo: "闽(2019)福安海域第0001号",
    siteRef: site,
  },
  {
    countyCode: "350981",
    typeCode: "A01",
    holder: lin,
    title: "渔排 12 口",
    location: "福安市下白石镇 下白石海域 0001 号养殖区 渔排",
    quantity: "12",
    certificateNo: null,
    siteRef: site,
  },
  {
    countyCode: "350981",
    typeCode: "R05",
    holder: lin,
    title: "水域滩涂养殖证",
    location: "福安市下白石镇 下白石海域 0001 号养殖区",
    quantity: "20",
    certificateNo: "闽福安(2019)养证第0001号",
    siteRef: site,
  },
];

/** The demo product's terms as the API takes them (yuan strings at the edge). */
export function productBody(id: string): Record<string, unknown> {
  const found = ningdeDemoProducts.find((p) => p.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  const { id: _id, amountMinFen, amountMaxFen, sharing, ...rest } = found;
  const y = (f: number) => (f / 100).toFixed(2);
  return {
    ...rest,
    amountMinYuan: y(amountMinFen),
    amountMaxYuan: y(amountMaxFen),
    sharing: sharing && {
      sharesBp: sharing.sharesBp,
      perLoanCapsYuan: { guarantor: null, insurer: null, governmentFund: null },
    },
  };
}

export interface LinBundle {
  readonly citizen: string;
  readonly factorIds: string[];
  readonly bundleId: string;
}

/** Registers, confirms, publicises, activates and bundles 林阿伯's three rights through the API. */
export async function linBundle(t: FactorsTestApp): Promise<LinBundle> {
  let citizen = await t.citizen(LIN_MOBILE);
  const factorIds: string[] = [];
  for (const f of LIN_FACTORS) {
    const reg = await call(t, "POST", `${API}/factors`, citizen, f);
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const sub = await call(t, "POST", `${API}/factors/${reg.body.id}/submit`, citizen, {});
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.outcome).toBe("publicised");
    factorIds.push(reg.body.id);
  }
  t.clock.advance(8 * 86_400_000);
  citizen = await t.citizen(LIN_MOBILE); // the session of a week ago has expired
  for (const id of factorIds) {
    const act = await call(t, "POST", `${API}/factors/${id}/activate`, citizen, {});
    expect(act.status, JSON.stringify(act.body)).toBe(200);
  }
  const bundle = await call(t, "POST", `${API}/bundles`, citizen, { factorIds });
  expect(bundle.status, JSON.stringify(bundle.body)).toBe(201);
  return { citizen, factorIds, bundleId: bundle.body.bundle.id };
}

export interface LinLoan extends LinBundle {
  readonly bank: string;
  readonly productId: string;
  readonly applicationId: string;
  readonly loanId: string;
}

/** …then values the bundle, has the bank offer 渔排养殖贷, applies, accepts and registers the lien. */
export async function linLoan(t: FactorsTestApp, amountYuan = "150000.00"): Promise<LinLoan> {
  const b = await linBundle(t);
  const valued = await call(t, "POST", `${API}/valuations`, b.citizen, { factorIds: b.factorIds });
  expect(valued.status, JSON.stringify(valued.body)).toBe(201);
  const admin = await t.staff(["institution_admin"], "nd-rural-bank");
  const product = await call(t, "POST", `${API}/products`, admin, productBody("fish-raft-farming"));
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const app = await call(t, "POST", `${API}/applications`, b.citizen, {
    productId: product.body.id,
    collateral: [{ factorIds: b.factorIds }],
    amountYuan,
    termMonths: 24,
  });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  const bank = await t.staff(["institution_staff"], "nd-rural-bank");
  const accepted = await call(t, "POST", `${API}/applications/${app.body.id}/decision`, bank, {
    decision: "accept",
    rateBp: 450,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const reg = await call(t, "POST", `${API}/applications/${app.body.id}/registration`, bank, {});
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  return { ...b, bank, productId: product.body.id, applicationId: app.body.id, loanId: reg.body.loan.id };
}
