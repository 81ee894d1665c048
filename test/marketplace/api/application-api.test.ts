import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, body, createMarketplaceApi, type MarketplaceApi } from "./support/marketplace-api.ts";

/**
 * The application journey over the JSON API on a real database: consent, submit (instant or
 * manual), read with object-level isolation (MKT-R09), outcomes, withdrawal — and the issue's
 * bad-input list, each a 4xx problem naming the rule with nothing written.
 */
let api: MarketplaceApi;
let zhang: string;
let teaCo: string;
let stranger: string;
let ccbStaff: string;
let cibStaff: string;
let regulator: string;

const shop = { idKind: "uscc", idNumber: "92350802MA31XK5R2X" };
const tea = { idKind: "uscc", idNumber: "91350800MA2YQ3LF3C" };

beforeAll(async () => {
  api = await createMarketplaceApi();
  zhang = await api.signIn("13859012345");
  teaCo = await api.signIn("13906901234");
  stranger = await api.signIn("13700000001");
  ccbStaff = await api.staffKey(["institution_staff"], "inst_ccb");
  cibStaff = await api.staffKey(["institution_staff"], "inst_cib");
  regulator = await api.staffKey(["regulator"]);
});
afterAll(async () => {
  await api?.close();
});

async function consent(token: string, productId: string, subject: object, categories: string[]) {
  const res = await api.call("POST", `${BASE}/consents`, token, { productId, subject, categories });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await body<{ id: string }>(res)).id;
}

const submit = (token: string, b: Record<string, unknown>) => api.call("POST", `${BASE}/applications`, token, b);

async function written() {
  return (
    await sql<{ a: number; p: number; o: number }>`select (select count(*) from marketplace.applications) as a,
      (select count(*) from marketplace.pushes) as p, (select count(*) from platform.outbox) as o`.execute(
      api.platform.database.db,
    )
  ).rows[0];
}

describe("applying through the API", () => {
  let applicationId = "";

  it("张师傅 consents to tax, UnionPay flow and social insurance and 智慧快贷 decides at once: a first loan, yuan at the edge", async () => {
    const consentId = await consent(zhang, "prd_ccb_zhihui", shop, [
      "tax.paid",
      "unionpay.acquiring-flow",
      "social.insurance-paid",
    ]);
    const res = await submit(zhang, {
      productId: "prd_ccb_zhihui",
      consentId,
      applicant: { ...shop, name: "新罗区张师傅便利店" },
      contactMobile: "13859012345",
      amount: "50000",
      termMonths: 12,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await body<{ application: Record<string, unknown>; push: { categories: string[]; contentHash: string } }>(
      res,
    );
    expect(r.application).toMatchObject({
      state: "APPROVED",
      firstLoan: true,
      amountRequested: "50000.00",
      contactMobile: "13859012345",
    });
    expect(r.application.amountGranted).toMatch(/^\d+\.00$/);
    expect((r.application.instantDecision as Record<string, unknown>).error).toBeUndefined();
    expect(r.push.categories.sort()).toEqual(["social.insurance-paid", "tax.paid", "unionpay.acquiring-flow"]);
    expect(r.push.contentHash).toMatch(/^[0-9a-f]{64}$/);
    applicationId = r.application.id as string;
  });

  it("MKT-R09: the applicant and its bank see it in full, the regulator masked, anyone else gets 404", async () => {
    const mine = await body<{ application: { contactMobile: string } }>(
      await api.call("GET", `${BASE}/applications/${applicationId}`, zhang),
    );
    expect(mine.application.contactMobile).toBe("13859012345");
    const bank = await body<{ application: { contactMobile: string } }>(
      await api.call("GET", `${BASE}/applications/${applicationId}`, ccbStaff),
    );
    expect(bank.application.contactMobile).toBe("13859012345");
    const reg = await api.call("GET", `${BASE}/applications/${applicationId}`, regulator);
    expect(reg.status).toBe(200);
    expect((await body<{ application: { contactMobile: string } }>(reg)).application.contactMobile).toBe("138****2345");
    for (const other of [stranger, cibStaff]) {
      const res = await api.call("GET", `${BASE}/applications/${applicationId}`, other);
      expect(res.status).toBe(404);
      expect(await body(res)).toMatchObject({ ruleId: "MKT-R09" });
    }
    expect((await api.call("GET", `${BASE}/applications/${applicationId}`)).status).toBe(401);
  });

  it("the tea company applies for 兴闪贷 (worked by hand); 兴业 contacts, approves and disburses through the outcome route", async () => {
    const consentId = await consent(teaCo, "prd_cib_xingshan", tea, [
      "tax.credit-grade",
      "tax.invoiced-sales",
      "court.dishonest",
    ]);
    const res = await submit(teaCo, {
      productId: "prd_cib_xingshan",
      consentId,
      applicant: { ...tea, name: "龙岩闽西茶业有限公司" },
      contactMobile: "13906901234",
      amount: "800000.00",
      termMonths: 24,
    });
    expect(res.status).toBe(201);
    const id = (await body<{ application: { id: string; state: string; firstLoan: boolean } }>(res)).application.id;
    const outcome = (b: object, token = cibStaff) => api.call("POST", `${BASE}/applications/${id}/outcome`, token, b);
    expect((await outcome({ event: "contact" }, ccbStaff)).status).toBe(404);
    expect((await outcome({ event: "contact", institutionReference: "CIB-LY-1" })).status).toBe(200);
    const approved = await outcome({
      event: "approve",
      amountGranted: "600000.00",
      rateBp: 455,
      grantedTermMonths: 24,
    });
    expect(await body(approved)).toMatchObject({ state: "APPROVED", amountGranted: "600000.00", rateBp: 455 });
    const over = await outcome({ event: "disburse", amountDisbursed: "600000.01" });
    expect(over.status).toBe(422);
    expect(await body(over)).toMatchObject({ ruleId: "MKT-LIFECYCLE", field: "amountDisbursed" });
    expect(await body(await outcome({ event: "disburse", amountDisbursed: "600000" }))).toMatchObject({
      state: "DISBURSED",
      amountDisbursed: "600000.00",
    });

    // withdrawing a concluded application is a conflict naming the lifecycle, and changes nothing
    const before = await written();
    const w = await api.call("POST", `${BASE}/applications/${id}/withdraw`, teaCo, {});
    expect(w.status).toBe(409);
    expect(await body(w)).toMatchObject({ ruleId: "MKT-LIFECYCLE", field: "state" });
    expect(await written()).toEqual(before);
  });

  it("KRN-R08: a retried submission with the same Idempotency-Key returns the first result and applies once", async () => {
    const consentId = await consent(teaCo, "prd_psbc_xiaoxin", tea, ["tax.paid"]);
    const b = {
      productId: "prd_psbc_xiaoxin",
      consentId,
      applicant: { ...tea, name: "龙岩闽西茶业有限公司" },
      contactMobile: "13906901234",
      amount: "20000",
      termMonths: 12,
    };
    const first = await api.call("POST", `${BASE}/applications`, teaCo, b, { "Idempotency-Key": "apply-once-1" });
    const before = await written();
    const again = await api.call("POST", `${BASE}/applications`, teaCo, b, { "Idempotency-Key": "apply-once-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await written()).toEqual(before);
    expect((await api.call("POST", `${BASE}/applications`, teaCo, b, {})).status).toBe(201);
  });
});

describe("operators and gateways", () => {
  it("a region whose banks are simulated has no gateway: a callback is a 503 problem naming KRN-R14", async () => {
    const res = await api.call("POST", `${BASE}/callbacks/outcomes`, undefined, {
      applicationId: "x",
      event: "contact",
    });
    expect(res.status).toBe(503);
    expect(await body(res)).toMatchObject({ ruleId: "KRN-R14" });
  });

  it("housekeeping routes are for the platform's operators only", async () => {
    const admin = await api.staffKey(["platform_admin"]);
    const ok = await api.call("POST", `${BASE}/jobs/expire-consents`, admin, {});
    expect(ok.status).toBe(200);
    expect(await body(ok)).toEqual({ expired: 0 });
    expect(await body(await api.call("POST", `${BASE}/jobs/purge-pushed-data`, admin, { batch: 10 }))).toEqual({
      purged: 0,
    });
    expect((await api.call("POST", `${BASE}/jobs/expire-consents`, regulator, {})).status).toBe(403);
  });
});

describe("bad input: a 4xx problem naming the rule, nothing pushed, nothing half-written", () => {
  let goodConsent = "";

  beforeAll(async () => {
    goodConsent = await consent(zhang, "prd_lyrcb_eloan", shop, ["social.insurance-paid", "court.dishonest"]);
  });

  const valid = () => ({
    productId: "prd_lyrcb_eloan",
    consentId: goodConsent,
    applicant: { ...shop, name: "新罗区张师傅便利店" },
    contactMobile: "13859012345",
    amount: "20000",
    termMonths: 12,
  });

  it.each([
    [
      "an invalid USCC (check character)",
      { applicant: { idKind: "uscc", idNumber: "92350802MA31XK5R2Y", name: "x" } },
      422,
      "KRN-ID",
      "applicant.idNumber",
    ],
    [
      "an invalid resident ID (birth date)",
      { applicant: { idKind: "resident-id", idNumber: "350802198813453019", name: "x" } },
      422,
      "KRN-ID",
      "applicant.idNumber",
    ],
    ["an unknown product", { productId: "prd_nowhere" }, 404, "MKT-CATALOGUE", "productId"],
    ["an amount outside the product's range", { amount: "9999999" }, 422, "MKT-CATALOGUE", "amount"],
    ["a consent given to another institution", { productId: "prd_abc_xinglin" }, 422, "MKT-R01", "consentId"],
    ["someone else's consent", { consentId: "__other__" }, 404, "MKT-R01", "consentId"],
    [
      "a tampered QR token",
      { applyCodeToken: "q1.qr_x.350800.prd_lyrcb_eloan...1999999999.k1AAAA" },
      422,
      "MKT-R08",
      "token",
    ],
    ["an amount with three decimals", { amount: "100.001" }, 400, undefined, undefined],
    ["an unknown field", { smuggled: true }, 400, undefined, undefined],
  ])("%s", async (_title, change, status, ruleId, field) => {
    const b: Record<string, unknown> = { ...valid(), ...change };
    if (b.consentId === "__other__")
      b.consentId = await consent(teaCo, "prd_lyrcb_eloan", tea, ["social.insurance-paid", "court.dishonest"]);
    const before = await written();
    const res = await submit(zhang, b);
    expect(res.status, await res.clone().text()).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = await body(res);
    if (ruleId) expect(p).toMatchObject({ ruleId, field });
    expect(await written()).toEqual(before);
  });

  it("MKT-R02: a consent leaving out a required category fails naming the category; nothing is pushed", async () => {
    const partial = await consent(zhang, "prd_ccb_zhihui", shop, ["tax.paid", "unionpay.acquiring-flow"]);
    const before = await written();
    const res = await submit(zhang, { ...valid(), productId: "prd_ccb_zhihui", consentId: partial });
    expect(res.status).toBe(422);
    const p = await body<{ ruleId: string; detail: string; category: string }>(res);
    expect(p).toMatchObject({ ruleId: "MKT-R02", category: "social.insurance-paid" });
    expect(p.detail).toContain("social.insurance-paid");
    expect(await written()).toEqual(before);
  });

  it("a consent for another subject's identity is refused when it is used", async () => {
    const res = await submit(zhang, { ...valid(), applicant: { ...tea, name: "x" } });
    expect(res.status).toBe(422);
    expect(await body(res)).toMatchObject({ ruleId: "MKT-R01", field: "consentId" });
  });

  it("a citizen route refuses staff (403) and anonymous callers (401)", async () => {
    expect((await submit(ccbStaff, valid())).status).toBe(403);
    expect((await submit("", valid())).status).toBe(401);
    expect((await api.call("POST", "/api/marketplace/350900/applications", zhang, valid())).status).toBe(404);
  });

  it("MKT-R01: a revoked consent and an expired one push nothing (last: the clock moves 31 days on)", async () => {
    const revoked = await consent(zhang, "prd_lyrcb_eloan", shop, ["social.insurance-paid", "court.dishonest"]);
    expect((await api.call("POST", `${BASE}/consents/${revoked}/revoke`, zhang)).status).toBe(200);
    const before = await written();
    const r1 = await submit(zhang, { ...valid(), consentId: revoked });
    expect(r1.status).toBe(422);
    expect((await body<{ detail: string }>(r1)).detail).toContain("revoked");
    api.clock.advance(31 * 86_400_000);
    const later = await api.signIn("13859012345"); // the session of a month ago has ended
    const r2 = await submit(later, valid());
    expect(r2.status).toBe(422);
    const p2 = await body<{ ruleId: string; detail: string }>(r2);
    expect(p2.ruleId).toBe("MKT-R01");
    expect(p2.detail).toContain("expired");
    expect(await written()).toEqual(before);
  });
});
