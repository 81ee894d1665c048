import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import { gatewayPrincipal } from "../../adapters/gateway/gateway-principal.ts";
import { createReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { signGatewayMessage } from "../../adapters/gateway/signature.ts";
import { verifyGatewayCallback } from "../../adapters/gateway/verify-callback.ts";
import { SystemClock } from "../../adapters/platform/system-clock.ts";
import type { AppEnv } from "../../http/env.ts";
import { handleError } from "../../http/problem/error-handler.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { newSecret } from "./support/gateway-fixtures.ts";

/**
 * How an HTTP route accepts an institution's callback (the marketplace's outcome backflow uses
 * the same calls): raw body bytes + headers → verifyGatewayCallback → act for the institution.
 * A refused callback is a 401 problem naming KRN-R14 and the reason, never a 500.
 */
const secret = newSecret();
const keyring = new GatewayKeyring([
  { institutionId: "inst_ccb", current: { keyId: "k1", secret: new TextEncoder().encode(secret) } },
]);
const clock = new SystemClock();
let database: TestDatabase;
let app: Hono<AppEnv>;

beforeAll(async () => {
  database = await createTestDatabase();
  const replayGuard = createReplayGuard(database.db, {
    regionCode: "350800",
    clock,
    windowSeconds: keyring.windowSeconds,
  });
  app = new Hono<AppEnv>();
  app.onError(handleError);
  app.post("/gateway/callbacks/outcome", async (c) => {
    const verified = await verifyGatewayCallback({
      headers: c.req.raw.headers,
      rawBody: await c.req.arrayBuffer(),
      secrets: keyring,
      clock,
      replayGuard,
      windowSeconds: keyring.windowSeconds,
    });
    const principal = gatewayPrincipal(verified, "350800");
    return c.json({ institutionId: verified.institutionId, principal, body: verified.body });
  });
});
afterAll(async () => {
  await database?.close();
});

function post(body: string, headers: Record<string, string>) {
  return app.request("/gateway/callbacks/outcome", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

const body = JSON.stringify({ applicationId: "app_0001", event: "contact", institutionReference: "CCB-1" });
const sign = (b: string) =>
  signGatewayMessage({
    institutionId: "inst_ccb",
    keyId: "k1",
    secret: new TextEncoder().encode(secret),
    rawBody: b,
    now: clock.now(),
  });

describe("KRN-R14 an institution's callback through an HTTP route", () => {
  it("a signed callback is accepted once, then its replay is a 401 problem 'replayed nonce'", async () => {
    const headers = sign(body);
    const ok = await post(body, headers);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      institutionId: "inst_ccb",
      principal: {
        id: "gateway:inst_ccb/k1",
        roles: ["institution_staff"],
        institutionId: "inst_ccb",
        regionCodes: ["350800"],
      },
      body: JSON.parse(body),
    });
    const again = await post(body, headers);
    expect(again.status).toBe(401);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(await again.json()).toMatchObject({
      status: 401,
      ruleId: "KRN-R14",
      reason: "replayed-nonce",
      field: "X-FIF-Nonce",
    });
  });

  it("a tampered callback is a 401 problem 'bad signature'", async () => {
    const res = await post(body.replace("contact", "approve"), sign(body));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      ruleId: "KRN-R14",
      reason: "bad-signature",
      detail: expect.stringMatching(/^bad signature/),
    });
  });

  it("an unsigned callback is a 401 problem naming the missing header", async () => {
    const res = await post(body, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      ruleId: "KRN-R14",
      field: "X-FIF-Institution",
      detail: "missing header X-FIF-Institution",
    });
  });
});
