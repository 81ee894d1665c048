import { claimInput, demoReport, itemsOf } from "../../../../core/quickclaim/testing/drive-case.ts";
import { CHEN, JPEG, WU } from "../../../../core/quickclaim/testing/test-world.ts";
import { formOf, type QuickClaimTestApp } from "./quickclaim-test-app.ts";

export const R = "/api/quickclaim/350900";

export interface Actors {
  chen: Record<string, string>;
  wu: Record<string, string>;
  police: Record<string, string>;
  adjuster: Record<string, string>;
  regulator: Record<string, string>;
}

/** The story's people; the drivers have done 实名认证 unless `prove` is false. */
export async function actors(t: QuickClaimTestApp, options: { readonly prove?: boolean } = {}): Promise<Actors> {
  return {
    chen: await t.citizenHeaders(CHEN.mobile, options),
    wu: await t.citizenHeaders(WU.mobile, options),
    police: await t.staffHeaders({
      roles: ["police"],
      regionCodes: ["350982"],
      institutionId: "fuding-traffic-police",
    }),
    adjuster: await t.staffHeaders({ roles: ["adjuster"], regionCodes: ["350900"], institutionId: "pingan-ningde" }),
    regulator: await t.staffHeaders({ roles: ["regulator"], regionCodes: ["350900"] }),
  };
}

export const photoForm = (slot: string, bytes: Uint8Array = JPEG, type = "image/jpeg") =>
  formOf({
    slot,
    capturedAt: "2026-03-01T13:43:00+08:00",
    lat: "27.0931",
    lng: "120.2014",
    photo: [bytes, type, `${slot}.jpg`],
  });

export function claimForm(who: typeof CHEN | typeof WU, change: Record<string, string> = {}) {
  const c = claimInput("x", who);
  return formOf({
    name: c.idCard.name,
    residentId: c.idCard.residentId,
    idCardPhoto: [JPEG, "image/jpeg", "id.jpg"],
    cardNumber: c.bankCard.number,
    holderName: c.bankCard.holderName,
    bankName: c.bankCard.bankName,
    bankCardPhoto: [JPEG, "image/jpeg", "card.jpg"],
    ...change,
  });
}

async function ok(res: Response | Promise<Response>, status = 200): Promise<any> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${text}`);
  return JSON.parse(text);
}

export type ApiStage = "reported" | "evidence" | "determined" | "agreed" | "claimed";

/** Drives the demo accident through the HTTP API up to `until`. */
export async function driveApi(t: QuickClaimTestApp, a: Actors, until: ApiStage) {
  const order: ApiStage[] = ["reported", "evidence", "determined", "agreed", "claimed"];
  const reach = (s: ApiStage) => order.indexOf(until) >= order.indexOf(s);
  const report = await ok(t.post(`${R}/cases`, demoReport(), a.chen), 201);
  const caseId = report.caseId as string;
  const out = {
    caseId,
    letterHash: null as string | null,
    claims: { A: null as string | null, B: null as string | null },
  };
  if (!reach("evidence")) return out;
  for (const slot of ["front", "rear", "collision"])
    await ok(t.postForm(`${R}/cases/${caseId}/photos`, photoForm(slot), a.chen), 201);
  await ok(t.post(`${R}/cases/${caseId}/parties/A/items`, itemsOf(CHEN), a.chen));
  await ok(t.post(`${R}/cases/${caseId}/parties/B/items`, itemsOf(WU), a.wu));
  await ok(t.post(`${R}/cases/${caseId}/evidence`, {}, a.wu));
  if (!reach("determined")) return out;
  const det = await ok(
    t.post(
      `${R}/cases/${caseId}/determination`,
      { form: "rear_end", faultPartyId: "B", facts: "B车跟车距离不足,追尾前方A车。" },
      a.police,
    ),
  );
  out.letterHash = det.letter.contentHash as string;
  if (!reach("agreed")) return out;
  await ok(t.post(`${R}/cases/${caseId}/signatures`, { letterHash: out.letterHash, decision: "agree" }, a.chen));
  await ok(t.post(`${R}/cases/${caseId}/signatures`, { letterHash: out.letterHash, decision: "agree" }, a.wu));
  if (!reach("claimed")) return out;
  out.claims.A = (await ok(t.postForm(`${R}/cases/${caseId}/claims`, claimForm(CHEN), a.chen), 201)).claimId;
  out.claims.B = (await ok(t.postForm(`${R}/cases/${caseId}/claims`, claimForm(WU), a.wu), 201)).claimId;
  return out;
}

export { ok };
