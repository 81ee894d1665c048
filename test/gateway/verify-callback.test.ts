import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import { isGatewayRefusal } from "../../adapters/gateway/gateway-refusal.ts";
import { createReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { signGatewayMessage } from "../../adapters/gateway/signature.ts";
import { verifyGatewayCallback } from "../../adapters/gateway/verify-callback.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { newSecret } from "./support/gateway-fixtures.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const NOW = "2026-03-02T02:00:00Z";
const old = newSecret();
const current = newSecret();
const keyring = new GatewayKeyring([
  {
    institutionId: "inst_ccb",
    current: { keyId: "k2", secret: enc(current) },
    previous: [{ keyId: "k1", secret: enc(old) }],
  },
]);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const outcome = JSON.stringify({ applicationId: "app_0001", event: "approve", amountGranted: 5_000_000 });

/** The bank signs a callback at `signedAt` with key `keyId`. */
function signed(body = outcome, o: { keyId?: string; secret?: string; signedAt?: string; nonce?: string } = {}) {
  const keyId = o.keyId ?? "k2";
  return signGatewayMessage({
    institutionId: "inst_ccb",
    keyId,
    secret: enc(o.secret ?? (keyId === "k1" ? old : current)),
    rawBody: body,
    now: new Date(o.signedAt ?? NOW),
    ...(o.nonce ? { nonce: o.nonce } : {}),
  });
}

function verifier(clock = new FixedClock(NOW)) {
  const replayGuard = createReplayGuard(database.db, { regionCode: "350800", clock, windowSeconds: 300 });
  return (headers: Record<string, string> | Headers, rawBody: string | Uint8Array) =>
    verifyGatewayCallback({ headers, rawBody, secrets: keyring, clock, replayGuard, windowSeconds: 300 });
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isGatewayRefusal(e)) throw new Error(`expected a KRN-R14 refusal, got ${String(e)}`);
  return { message: e.message, reason: e.detail?.reason, field: e.field, kind: e.kind };
}

describe("KRN-R14 callbacks from an institution are verified like its answers", () => {
  it("a correctly signed callback gives the institution and the parsed body", async () => {
    const verify = verifier();
    const got = await verify(new Headers(signed()), outcome);
    expect(got.institutionId).toBe("inst_ccb");
    expect(got.keyId).toBe("k2");
    expect(got.signedAt.toISOString()).toBe("2026-03-02T02:00:00.000Z");
    expect(got.body).toEqual({ applicationId: "app_0001", event: "approve", amountGranted: 5_000_000 });
  });

  it("the raw bytes of the body are accepted as well as text (node's lower-case header names too)", async () => {
    const lower = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toLowerCase(), v]));
    const got = await verifier()(lower, enc(outcome));
    expect(got.institutionId).toBe("inst_ccb");
  });

  it.each([
    ["a tampered body", () => [signed(), outcome.replace("5000000", "9000000")], "bad-signature", "bad signature"],
    [
      "a timestamp 301 s old",
      () => [signed(outcome, { signedAt: "2026-03-02T01:54:59Z" }), outcome],
      "stale-timestamp",
      "stale timestamp: signed 301 s from now, outside the 300-second window",
    ],
    [
      "a timestamp 301 s ahead",
      () => [signed(outcome, { signedAt: "2026-03-02T02:05:01Z" }), outcome],
      "stale-timestamp",
      "stale timestamp",
    ],
    [
      "an unknown key id",
      () => [signed(outcome, { keyId: "k9", secret: newSecret() }), outcome],
      "unknown-key",
      "unknown key",
    ],
    [
      "a missing signature",
      () => [{ ...signed(), "X-FIF-Signature": "" }, outcome],
      "missing-header",
      "missing header X-FIF-Signature",
    ],
    [
      "a short nonce",
      () => [signed(outcome, { nonce: "abc" }), outcome],
      "malformed-header",
      "malformed header X-FIF-Nonce",
    ],
  ] as const)("%s is refused as unauthenticated, naming the reason", async (_t, make, reason, message) => {
    const [headers, body] = make();
    const got = await refusal(verifier()(headers as Record<string, string>, body as string));
    expect(got.kind).toBe("unauthenticated");
    expect(got.reason).toBe(reason);
    expect(got.message).toContain(message);
  });

  it("a timestamp 299 s old is still inside the window", async () => {
    const headers = signed(outcome, { signedAt: "2026-03-02T01:55:01Z" });
    await expect(verifier()(headers, outcome)).resolves.toMatchObject({ institutionId: "inst_ccb" });
  });

  it("a replayed callback (the same nonce again within the window) is refused, even by another process", async () => {
    const headers = signed(outcome, { nonce: "replay-me-once-0000001" });
    await expect(verifier()(headers, outcome)).resolves.toMatchObject({ institutionId: "inst_ccb" });
    const second = await refusal(verifier()(headers, outcome));
    expect(second).toMatchObject({ reason: "replayed-nonce", field: "X-FIF-Nonce" });
    expect(second.message).toBe("replayed nonce: institution inst_ccb already used this nonce");
  });

  it("a replay after the window is refused by its stale timestamp", async () => {
    const headers = signed(outcome, { nonce: "replay-me-later-000001" });
    const clock = new FixedClock(NOW);
    await verifier(clock)(headers, outcome);
    clock.advance(301_000);
    await expect(refusal(verifier(clock)(headers, outcome))).resolves.toMatchObject({ reason: "stale-timestamp" });
  });

  it("during a rotation both keys are accepted; a key dropped from the keyring is refused", async () => {
    await expect(verifier()(signed(outcome, { keyId: "k1" }), outcome)).resolves.toMatchObject({ keyId: "k1" });
    await expect(verifier()(signed(outcome, { keyId: "k2" }), outcome)).resolves.toMatchObject({ keyId: "k2" });
    const rotated = new GatewayKeyring([{ institutionId: "inst_ccb", current: { keyId: "k2", secret: enc(current) } }]);
    const clock = new FixedClock(NOW);
    const replayGuard = createReplayGuard(database.db, { regionCode: "350800", clock });
    const got = await refusal(
      verifyGatewayCallback({
        headers: signed(outcome, { keyId: "k1" }),
        rawBody: outcome,
        secrets: rotated,
        clock,
        replayGuard,
      }),
    );
    expect(got).toMatchObject({ reason: "unknown-key", message: "unknown key: institution inst_ccb has no key k1" });
  });

  it("a correctly signed body that is not JSON is a 400 validation problem, not a 401", async () => {
    const body = "approve app_0001";
    const e = await verifier()(signed(body), body).catch((err: unknown) => err);
    expect(e).toMatchObject({ ruleId: "KRN-R14", kind: "validation", field: "body" });
  });
});
