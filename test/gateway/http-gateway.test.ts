import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GatewayKeyring, GatewayKeyringPort } from "../../adapters/gateway/gateway-keyring.ts";
import type { LenderGateway } from "../../core/marketplace/mod.ts";
import { connectFakeBank } from "./support/connection.ts";
import type { FakeBank } from "./support/fake-bank.ts";
import { approval, decisionRequest } from "./support/gateway-fixtures.ts";

let bank: FakeBank;
let lenders: LenderGateway;
let provision: Map<symbol, unknown> | ReadonlyMap<symbol, unknown>;

beforeEach(async () => {
  ({ bank, lenders, provision } = await connectFakeBank());
});
afterEach(async () => {
  await bank.close();
});

const ask = (budgetMs = 3000, signal = new AbortController().signal) =>
  lenders.requestDecision(decisionRequest(), { signal, budgetMs });

describe("KRN-R14 institution gateway: a bank decides over signed HTTPS (MKT-R06 秒批)", () => {
  it("an approval comes back as the core's decision: amount in fen, rate in basis points, the bank's reference", async () => {
    bank.reply = () => ({ kind: "json", body: approval() });
    await expect(ask()).resolves.toEqual({
      decision: "approved",
      amountGranted: 5_000_000,
      rateBp: 435,
      termMonths: 12,
      reference: "CCB-2026-0001",
    });
  });

  it.each([
    ["rejected", "score below cut-off"],
    ["referred", "manual review of the turnover"],
  ])("a %s answer comes back with its reason", async (decision, reason) => {
    bank.reply = (r) => ({
      kind: "json",
      body: { applicationId: r.applicationId, decision, reason, reference: "R-7" },
    });
    await expect(ask()).resolves.toEqual({ decision, reason, reference: "R-7" });
  });

  it("the bank receives a POST to baseUrl + decisionPath, signed with the current key, carrying the minimised push", async () => {
    bank.reply = () => ({ kind: "json", body: approval() });
    await ask(2500);
    const [got] = bank.requests;
    expect(got?.method).toBe("POST");
    expect(got?.path).toBe("/api/fif/v1/decisions");
    expect(got?.refusal).toBeNull();
    expect(got?.verified).toMatchObject({ institutionId: "inst_ccb", keyId: "k2" });
    expect(got?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(got?.body).toMatchObject({
      version: 1,
      applicationId: "app_0001",
      institutionId: "inst_ccb",
      productId: "prd_ccb_kuaidai",
      applicant: { idKind: "resident-id", idNumber: "350802198801153019", name: "张师傅" },
      amountRequestedFen: 5_000_000,
      termMonths: 12,
      firstLoan: true,
      budgetMs: 2500,
      push: { pushId: "psh_0001", categories: ["tax.paid"], dataPeriod: { from: "2025-03-01", to: "2026-02-28" } },
    });
    expect(got?.body?.push.records).toHaveLength(1);
  });

  it("every request carries a fresh nonce, so the bank's own replay check accepts a retry of the same application", async () => {
    bank.reply = () => ({ kind: "json", body: approval() });
    await ask();
    await ask();
    const nonces = bank.requests.map((r) => r.verified?.nonce);
    expect(bank.requests.map((r) => r.refusal)).toEqual([null, null]);
    expect(new Set(nonces).size).toBe(2);
  });

  it("during a key rotation an answer signed with the previous key is still accepted", async () => {
    bank.reply = () => ({ kind: "json", body: approval(), sign: { keyId: "k1" } });
    await expect(ask()).resolves.toMatchObject({ decision: "approved" });
  });

  it("a bank that cannot verify our signature answers 401: a failure, and the bank saw a bad signature", async () => {
    const mismatched = await connectFakeBank({ platformSecretK2: "a-secret-the-bank-does-not-know-0123456789" });
    try {
      mismatched.bank.reply = () => ({ kind: "json", body: approval() });
      const call = mismatched.lenders.requestDecision(decisionRequest(), {
        signal: new AbortController().signal,
        budgetMs: 2000,
      });
      await expect(call).rejects.toThrow("inst_ccb: the institution answered HTTP 401");
      expect(mismatched.bank.requests[0]?.refusal).toMatch(/^bad signature/);
    } finally {
      await mismatched.bank.close();
    }
  });

  it("also provides the region's keyring for callbacks: the institution, its two valid key ids, the 300-second window", () => {
    const keyring = provision.get(GatewayKeyringPort) as GatewayKeyring;
    expect(keyring.institutionIds()).toEqual(["inst_ccb"]);
    expect(keyring.keyIds("inst_ccb").sort()).toEqual(["k1", "k2"]);
    expect(keyring.windowSeconds).toBe(300);
    expect(JSON.stringify(keyring)).toBe('{"institutions":["inst_ccb"],"windowSeconds":300}');
  });

  it("an institution without a connection in the region fails the call (the core then falls back to the manual queue)", async () => {
    await expect(
      lenders.requestDecision(decisionRequest({ institutionId: "inst_cib" }), {
        signal: new AbortController().signal,
        budgetMs: 1000,
      }),
    ).rejects.toThrow("institution inst_cib has no direct connection in this region");
  });
});
