import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, body, createMarketplaceApi, type MarketplaceApi } from "./support/marketplace-api.ts";

/**
 * The regulator's board and the institutions' queues (MKT-R04..R06, R09), the subject's "my
 * data" (MKT-R03) and online mortgage registration, over the API on a real database.
 */
let api: MarketplaceApi;
let zhang: string;
let teaCo: string;
let ccbStaff: string;
let cibStaff: string;
let regulator: string;
const shop = { idKind: "uscc", idNumber: "92350802MA31XK5R2X" };
const tea = { idKind: "uscc", idNumber: "91350800MA2YQ3LF3C" };
const ids: Record<string, string> = {};

async function apply(token: string, productId: string, subject: object, categories: string[], amount = "50000") {
  const c = await api.call("POST", `${BASE}/consents`, token, { productId, subject, categories });
  expect(c.status, await c.clone().text()).toBe(201);
  const res = await api.call("POST", `${BASE}/applications`, token, {
    productId,
    consentId: (await body<{ id: string }>(c)).id,
    applicant: { ...subject, name: "申请人" },
    contactMobile: "13906901234",
    amount,
    termMonths: 12,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return await body<{ application: { id: string; state: string; fellBackToManual: boolean }; push: { id: string } }>(
    res,
  );
}

type Row = {
  institutionId: string;
  pending: number;
  overdueForContact: number;
  instantFallbacks: number;
  open: number;
};
type Answer = {
  report: { rows: Row[]; totals: Row };
  list?: { items: { id: string; applicantName: string }[]; total: number };
};

beforeAll(async () => {
  // 龙岩农商's decision service hangs, so its applications fall back to the manual queue (MKT-R06).
  api = await createMarketplaceApi({ lender: { hangingInstitutions: ["inst_lyrcb"] } });
  zhang = await api.signIn("13859012345");
  teaCo = await api.signIn("13906901234");
  ccbStaff = await api.staffKey(["institution_staff"], "inst_ccb");
  cibStaff = await api.staffKey(["institution_staff"], "inst_cib");
  regulator = await api.staffKey(["regulator"]);
  const tc = await apply(
    teaCo,
    "prd_cib_xingshan",
    tea,
    ["tax.credit-grade", "tax.invoiced-sales", "court.dishonest"],
    "800000",
  );
  ids.tea = tc.application.id;
  const z = await apply(zhang, "prd_ccb_zhihui", shop, [
    "tax.paid",
    "unionpay.acquiring-flow",
    "social.insurance-paid",
  ]);
  ids.zhang = z.application.id;
  ids.zhangPush = z.push.id;
  const fb = await apply(zhang, "prd_lyrcb_eloan", shop, ["social.insurance-paid", "court.dishonest"], "20000");
  ids.fallback = fb.application.id;
  expect(fb.application).toMatchObject({ state: "SUBMITTED", fellBackToManual: true });
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe("银行机构对接实时通报 over the API", () => {
  it("MKT-R04: three working days on, the tea company's 兴闪贷 is overdue for contact on the regulator's board", async () => {
    api.clock.set("2026-03-05T02:00:00.000Z"); // Thursday: submitted Monday, due by the end of Wednesday
    // citizens' sessions of Monday have ended; API keys do not expire
    zhang = await api.signIn("13859012345");
    teaCo = await api.signIn("13906901234");
    const a = await body<Answer>(await api.call("GET", `${BASE}/report?column=overdue-for-contact`, regulator));
    const cib = a.report.rows.find((r) => r.institutionId === "inst_cib");
    expect(cib).toMatchObject({ pending: 1, overdueForContact: 1, open: 1 });
    expect(a.report.rows[0]?.overdueForContact).toBeGreaterThanOrEqual(1); // worst first
    expect(a.list?.items.map((x) => x.id)).toContain(ids.tea);
  });

  it("MKT-R06: the hanging bank's fallback is counted against it, and the application waits in its queue", async () => {
    const a = await body<Answer>(
      await api.call("GET", `${BASE}/report?column=pending&institutionId=inst_lyrcb`, regulator),
    );
    expect(a.report.rows).toEqual([
      expect.objectContaining({ institutionId: "inst_lyrcb", instantFallbacks: 1, pending: 1 }),
    ]);
    expect(a.list?.items.map((x) => x.id)).toEqual([ids.fallback]);
  });

  it("MKT-R09: an institution sees only its own row and queue, whatever it asks for", async () => {
    const own = await body<Answer>(
      await api.call("GET", `${BASE}/report?column=open&institutionId=inst_cib`, ccbStaff),
    );
    expect(own.report.rows.map((r) => r.institutionId)).toEqual(["inst_ccb"]);
    expect(own.list?.items.map((x) => x.id)).toEqual([]);
    const cib = await body<Answer>(await api.call("GET", `${BASE}/report?column=open`, cibStaff));
    expect(cib.list?.items.map((x) => x.id)).toEqual([ids.tea]);
    expect((await api.call("GET", `${BASE}/report`, teaCo)).status).toBe(403);
  });

  it("定期通报: the regulator freezes the report into a notice; institutions read the notices", async () => {
    const snap = await api.call("POST", `${BASE}/report/snapshots`, regulator, { label: "2026-03" });
    expect(snap.status).toBe(201);
    // the tea company's application and the fallen-back one both wait since Monday
    expect(await body(snap)).toMatchObject({
      label: "2026-03",
      report: { totals: { overdueForContact: 2, instantFallbacks: 1 } },
    });
    const list = await body<{ items: { label: string }[] }>(
      await api.call("GET", `${BASE}/report/snapshots`, cibStaff),
    );
    expect(list.items.map((s) => s.label)).toEqual(["2026-03"]);
    expect((await api.call("POST", `${BASE}/report/snapshots`, cibStaff, { label: "x" })).status).toBe(403);
  });

  it("figures: financings, first-loan borrowers and amounts in yuan; an institution only its own", async () => {
    const all = await body<{
      total: { financings: number; firstLoanBorrowers: number; amountGranted: string };
      groups: { key: string }[];
    }>(await api.call("GET", `${BASE}/figures?groupBy=special-action`, regulator));
    expect(all.total).toMatchObject({ financings: 1, firstLoanBorrowers: 1 });
    expect(all.total.amountGranted).toMatch(/^\d+\.\d{2}$/);
    expect(all.groups.map((g) => g.key)).toEqual(["first-loan", "small-shop"]);
    const cib = await body<{ total: { financings: number } }>(await api.call("GET", `${BASE}/figures`, cibStaff));
    expect(cib.total.financings).toBe(0);
    const bad = await api.call("GET", `${BASE}/figures?from=2026-02-30`, regulator);
    expect(bad.status).toBe(422);
  });
});

describe("my data and the push log (MKT-R03, MKT-R09)", () => {
  it("the subject lists who received which categories, with the content hash", async () => {
    const mine = await body<{
      consents: { recipientName: { zh: string } }[];
      pushes: { id: string; recipientInstitutionId: string; categories: string[]; contentHash: string }[];
    }>(await api.call("GET", `${BASE}/my-data`, zhang));
    expect(mine.consents.length).toBe(2);
    expect(mine.pushes.map((p) => p.recipientInstitutionId).sort()).toEqual(["inst_ccb", "inst_lyrcb"]);
    expect(mine.consents.map((c) => c.recipientName.zh)).toContain("中国建设银行龙岩分行");
    for (const p of mine.pushes) expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the recipient reads the pushed records; another institution and the regulator cannot", async () => {
    const received = await body<{ items: { id: string }[] }>(
      await api.call("GET", `${BASE}/pushes?applicationId=${ids.zhang}`, ccbStaff),
    );
    expect(received.items.map((p) => p.id)).toEqual([ids.zhangPush]);
    expect(
      (await body<{ items: unknown[] }>(await api.call("GET", `${BASE}/pushes`, cibStaff))).items.map(
        (p) => (p as { id: string }).id,
      ),
    ).not.toContain(ids.zhangPush);
    const data = await body<{ records: { category: string; subjectId: string }[] }>(
      await api.call("GET", `${BASE}/pushes/${ids.zhangPush}`, ccbStaff),
    );
    expect(data.records.length).toBeGreaterThan(0);
    for (const r of data.records)
      expect(["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"]).toContain(r.category);
    expect((await api.call("GET", `${BASE}/pushes/${ids.zhangPush}`, cibStaff)).status).toBe(404);
    expect((await api.call("GET", `${BASE}/pushes/${ids.zhangPush}`, regulator)).status).toBe(404);
    expect((await api.call("GET", `${BASE}/pushes/${ids.zhangPush}`, zhang)).status).toBe(200);
  });

  it("revoking takes effect at once and only the subject can revoke", async () => {
    const mine = await body<{ consents: { id: string; effectiveStatus: string }[] }>(
      await api.call("GET", `${BASE}/my-data`, zhang),
    );
    const id = mine.consents[0]?.id as string;
    expect((await api.call("POST", `${BASE}/consents/${id}/revoke`, teaCo)).status).toBe(404);
    expect(await body(await api.call("POST", `${BASE}/consents/${id}/revoke`, zhang))).toMatchObject({
      status: "REVOKED",
      effectiveStatus: "REVOKED",
    });
    const again = await api.call("POST", `${BASE}/consents/${id}/revoke`, zhang);
    expect(again.status).toBe(409);
    expect(await body(again)).toMatchObject({ ruleId: "MKT-R01" });
  });
});

describe("抵押登记云办理 over the API", () => {
  it("approved mortgage → registration requested → signed at the branch → filed → registered by the registry", async () => {
    const m = await apply(teaCo, "prd_ccb_diyakuaidai", tea, ["estate.registration", "estate.mortgage"], "1000000");
    const id = m.application.id;
    const approve = await api.call("POST", `${BASE}/applications/${id}/outcome`, ccbStaff, {
      event: "approve",
      amountGranted: "900000",
      rateBp: 420,
      grantedTermMonths: 12,
    });
    expect(approve.status).toBe(200);
    const over = await api.call("POST", `${BASE}/mortgage-registrations`, ccbStaff, {
      applicationId: id,
      titleCertificateNo: "闽(2023)龙岩市不动产权第0007788号",
      address: "新罗区西陂街道",
      securedAmount: "900000.01",
    });
    expect(await body(over)).toMatchObject({ ruleId: "MKT-MORTGAGE", field: "securedAmount" });
    const req = await api.call("POST", `${BASE}/mortgage-registrations`, ccbStaff, {
      applicationId: id,
      titleCertificateNo: "闽(2023)龙岩市不动产权第0007788号",
      address: "新罗区西陂街道",
      securedAmount: "900000",
    });
    expect(req.status, await req.clone().text()).toBe(201);
    const reg = await body<{ id: string }>(req);
    const step = (verb: string, b?: object) =>
      api.call("POST", `${BASE}/mortgage-registrations/${reg.id}/${verb}`, ccbStaff, b);
    expect((await step("submit")).status).toBe(409); // not signed yet
    expect(await body(await step("sign", { branchId: "inst_ccb_xinluo" }))).toMatchObject({
      state: "SIGNED_AT_BRANCH",
    });
    expect(await body(await step("submit"))).toMatchObject({ state: "SUBMITTED", attempts: 1 });
    const done = await body<{ state: string; registrationCertificateNo: string }>(await step("sync"));
    expect(done.state).toBe("REGISTERED");
    expect(done.registrationCertificateNo).toMatch(/不动产证明第\d{7}号$/);
    const seen = await body<{ mortgageRegistration: { property: { titleCertificateNo: string } } }>(
      await api.call("GET", `${BASE}/applications/${id}`, regulator),
    );
    expect(seen.mortgageRegistration.property.titleCertificateNo).not.toContain("0007788");
    expect((await api.call("POST", `${BASE}/mortgage-registrations/${reg.id}/sync`, cibStaff)).status).toBe(404);
  });
});
