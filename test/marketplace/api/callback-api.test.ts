import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signGatewayMessage } from "../../../adapters/gateway/signature.ts";
import { BASE, body, createMarketplaceApi, type MarketplaceApi } from "./support/marketplace-api.ts";

/**
 * Outcome backflow (数据回流) from a direct-connect institution over the signed gateway (KRN-R14):
 * the region's LenderGateway is the http-gateway plugin, whose keyring verifies the callbacks.
 */
const SECRET = "ccb-longyan-shared-secret-for-tests-0123456789";
let api: MarketplaceApi;
let zhang: string;
let teaCo: string;
let ids: { ccb: string; cib: string };

beforeAll(async () => {
  process.env.FIF_TEST_CCB_SECRET = SECRET;
  api = await createMarketplaceApi({
    lenderPlugin: {
      id: "http-gateway",
      config: {
        institutions: [
          // The bank's decision endpoint is down: applications fall back to the manual queue.
          {
            institutionId: "inst_ccb",
            baseUrl: "http://127.0.0.1:9",
            allowHttpForTesting: true,
            keyId: "k1",
            secretEnv: "FIF_TEST_CCB_SECRET",
            timeoutMs: 1000,
          },
        ],
      },
    },
  });
  zhang = await api.signIn("13859012345");
  teaCo = await api.signIn("13906901234");
  const apply = async (token: string, productId: string, subject: object, categories: string[]) => {
    const c = await body<{ id: string }>(
      await api.call("POST", `${BASE}/consents`, token, { productId, subject, categories }),
    );
    const res = await api.call("POST", `${BASE}/applications`, token, {
      productId,
      consentId: c.id,
      applicant: { ...subject, name: "申请人" },
      contactMobile: "13859012345",
      amount: "50000",
      termMonths: 12,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await body<{ application: { id: string; fellBackToManual: boolean } }>(res)).application;
  };
  const shop = { idKind: "uscc", idNumber: "92350802MA31XK5R2X" };
  const ccb = await apply(zhang, "prd_ccb_zhihui", shop, [
    "tax.paid",
    "unionpay.acquiring-flow",
    "social.insurance-paid",
  ]);
  expect(ccb.fellBackToManual).toBe(true);
  const cib = await apply(teaCo, "prd_cib_xingshan", { idKind: "uscc", idNumber: "91350800MA2YQ3LF3C" }, [
    "tax.credit-grade",
    "tax.invoiced-sales",
    "court.dishonest",
  ]);
  ids = { ccb: ccb.id, cib: cib.id };
});
afterAll(async () => {
  delete process.env.FIF_TEST_CCB_SECRET;
  await api?.close();
});

function signed(payload: unknown, over: { secret?: string; now?: Date; institutionId?: string } = {}) {
  const raw = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers = signGatewayMessage({
    institutionId: over.institutionId ?? "inst_ccb",
    keyId: "k1",
    secret: new TextEncoder().encode(over.secret ?? SECRET),
    rawBody: raw,
    now: over.now ?? api.clock.now(),
  });
  return { raw, headers };
}

const send = (raw: string, headers: Record<string, string>) =>
  api.app.request(`${BASE}/callbacks/outcomes`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: raw,
  });

describe("KRN-R14 outcome callbacks from a direct-connect bank", () => {
  it("a signed contact and approval (integer fen) move the application; the bank acts for itself", async () => {
    const contact = signed({ applicationId: ids.ccb, event: "contact", institutionReference: "CCB-2026-0001" });
    const r1 = await send(contact.raw, contact.headers);
    expect(r1.status, await r1.clone().text()).toBe(200);
    expect(await body(r1)).toMatchObject({ state: "CONTACTED", institutionReference: "CCB-2026-0001" });
    const approve = signed({
      applicationId: ids.ccb,
      event: "approve",
      amountGrantedFen: 4_000_000,
      rateBp: 435,
      grantedTermMonths: 12,
    });
    const r2 = await send(approve.raw, approve.headers);
    expect(await body(r2)).toMatchObject({ state: "APPROVED", amountGranted: "40000.00", rateBp: 435 });
    const audit = await api.platform.database.db
      .selectFrom("platform.audit_log")
      .select(["actor", "action"])
      .where("object_id", "=", ids.ccb)
      .where("action", "=", "marketplace.application.approve")
      .execute();
    expect(audit).toEqual([{ actor: "gateway:inst_ccb/k1", action: "marketplace.application.approve" }]);
  });

  it("a replayed callback is refused as a replay and applies nothing", async () => {
    const disburse = signed({ applicationId: ids.ccb, event: "disburse", amountDisbursedFen: 4_000_000 });
    expect((await send(disburse.raw, disburse.headers)).status).toBe(200);
    const replay = await send(disburse.raw, disburse.headers);
    expect(replay.status).toBe(401);
    expect(await body(replay)).toMatchObject({ ruleId: "KRN-R14", reason: "replayed-nonce" });
  });

  it.each([
    [
      "a body changed after signing",
      (s: ReturnType<typeof signed>) => ({ ...s, raw: s.raw.replace("contact", "reject") }),
      "bad-signature",
    ],
    [
      "a signature made with another secret",
      () => signed({ applicationId: "x", event: "contact" }, { secret: "not-the-shared-secret-of-this-bank-000000" }),
      "bad-signature",
    ],
    [
      "a timestamp six minutes old",
      () => signed({ applicationId: "x", event: "contact" }, { now: new Date(api.clock.now().getTime() - 360_000) }),
      "stale-timestamp",
    ],
    [
      "an institution without a connection",
      () => signed({ applicationId: "x", event: "contact" }, { institutionId: "inst_cib" }),
      "unknown-key",
    ],
    [
      "no signature header",
      (s: ReturnType<typeof signed>) => ({ ...s, headers: { ...s.headers, "X-FIF-Signature": "" } }),
      undefined,
    ],
  ])("refuses %s with a 401 problem naming KRN-R14", async (_title, make, reason) => {
    const base = signed({ applicationId: ids.ccb, event: "contact" });
    const s = make(base);
    const res = await send(s.raw, s.headers);
    expect(res.status).toBe(401);
    const p = await body(res);
    expect(p).toMatchObject({ ruleId: "KRN-R14" });
    if (reason) expect(p).toMatchObject({ reason });
  });

  it("MKT-R09: a verified bank cannot touch another institution's application (404)", async () => {
    const s = signed({ applicationId: ids.cib, event: "contact" });
    const res = await send(s.raw, s.headers);
    expect(res.status).toBe(404);
    expect(await body(res)).toMatchObject({ ruleId: "MKT-R09" });
  });

  it.each([
    ["an unknown event", { applicationId: "x", event: "celebrate" }],
    ["an amount in yuan instead of fen", { applicationId: "x", event: "disburse", amountDisbursedFen: "100.00" }],
    ["an unexpected field", { applicationId: "x", event: "contact", extra: 1 }],
  ])("a correctly signed callback with %s is a 422 problem", async (_title, payload) => {
    const s = signed(payload);
    const res = await send(s.raw, s.headers);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
