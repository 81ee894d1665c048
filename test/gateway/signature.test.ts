import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import { isGatewayRefusal } from "../../adapters/gateway/gateway-refusal.ts";
import { gatewaySignature, signGatewayMessage, verifyGatewaySignature } from "../../adapters/gateway/signature.ts";
import { newSecret } from "./support/gateway-fixtures.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const secret = newSecret();
const keyring = new GatewayKeyring([{ institutionId: "inst_ccb", current: { keyId: "k1", secret: enc(secret) } }]);
const NOW = new Date("2026-03-02T02:00:00Z");

describe("KRN-R14 signature: hex HMAC-SHA256(secret, '<timestamp>.<nonce>.<rawBody>')", () => {
  it("matches an independent HMAC over the documented string, so a bank can implement it from the README", () => {
    const body = '{"applicationId":"app_0001","decision":"approved"}';
    const expected = createHmac("sha256", secret).update(`1772416800.nonce-0000000000000001.${body}`).digest("hex");
    expect(gatewaySignature(enc(secret), "1772416800", "nonce-0000000000000001", body)).toBe(expected);
    const headers = signGatewayMessage({
      institutionId: "inst_ccb",
      keyId: "k1",
      secret: enc(secret),
      rawBody: body,
      now: NOW,
      nonce: "nonce-0000000000000001",
    });
    expect(headers).toEqual({
      "X-FIF-Institution": "inst_ccb",
      "X-FIF-Key-Id": "k1",
      "X-FIF-Timestamp": "1772416800",
      "X-FIF-Nonce": "nonce-0000000000000001",
      "X-FIF-Signature": expected,
    });
  });

  it("the signature in upper-case hex is accepted too", () => {
    const headers = signGatewayMessage({
      institutionId: "inst_ccb",
      keyId: "k1",
      secret: enc(secret),
      rawBody: "{}",
      now: NOW,
    });
    headers["X-FIF-Signature"] = (headers["X-FIF-Signature"] as string).toUpperCase();
    expect(verifyGatewaySignature({ headers, rawBody: "{}", secrets: keyring, now: NOW }).keyId).toBe("k1");
  });

  it("a header sent twice is malformed", () => {
    const headers: Record<string, string | string[]> = signGatewayMessage({
      institutionId: "inst_ccb",
      keyId: "k1",
      secret: enc(secret),
      rawBody: "{}",
      now: NOW,
    });
    headers["x-fif-key-id"] = ["k1", "k1"];
    delete headers["X-FIF-Key-Id"];
    const e = (() => {
      try {
        return verifyGatewaySignature({ headers, rawBody: "{}", secrets: keyring, now: NOW });
      } catch (err) {
        return err;
      }
    })();
    expect(isGatewayRefusal(e, "malformed-header")).toBe(true);
  });

  it("property: whatever the body (any Unicode, any bytes), a signed message verifies inside the window", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme" }), fc.uint8Array({ maxLength: 512 })),
        fc.integer({ min: -300, max: 300 }),
        (body, skew) => {
          const headers = signGatewayMessage({
            institutionId: "inst_ccb",
            keyId: "k1",
            secret: enc(secret),
            rawBody: body,
            now: NOW,
          });
          const now = new Date(NOW.getTime() + skew * 1000);
          const v = verifyGatewaySignature({ headers, rawBody: body, secrets: keyring, now });
          expect(v).toMatchObject({ institutionId: "inst_ccb", keyId: "k1", nonce: headers["X-FIF-Nonce"] });
        },
      ),
    );
  });

  it("property: changing any one byte of the body, or any header, breaks the signature", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (body, at, flip) => {
          const headers = signGatewayMessage({
            institutionId: "inst_ccb",
            keyId: "k1",
            secret: enc(secret),
            rawBody: body,
            now: NOW,
          });
          const tampered = Uint8Array.from(body);
          const i = at % tampered.length;
          tampered[i] = (tampered[i] as number) ^ flip;
          const check = (h: Record<string, string>, b: Uint8Array) => {
            try {
              verifyGatewaySignature({ headers: h, rawBody: b, secrets: keyring, now: NOW });
              return "accepted";
            } catch (e) {
              return isGatewayRefusal(e, "bad-signature") ? "bad-signature" : String(e);
            }
          };
          expect(check(headers, tampered)).toBe("bad-signature");
          const ts = String(Number(headers["X-FIF-Timestamp"]) - 1);
          expect(check({ ...headers, "X-FIF-Timestamp": ts }, body)).toBe("bad-signature");
          expect(check({ ...headers, "X-FIF-Nonce": `${headers["X-FIF-Nonce"]}x` }, body)).toBe("bad-signature");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("KRN-R14 keyring: secrets by institution and key id", () => {
  it.each([
    [
      "a secret shorter than 32 bytes",
      [{ institutionId: "i1", current: { keyId: "k1", secret: enc("short") } }],
      "shorter than 32 bytes",
    ],
    [
      "the same key id twice",
      [
        {
          institutionId: "i1",
          current: { keyId: "k1", secret: enc(secret) },
          previous: [{ keyId: "k1", secret: enc(secret) }],
        },
      ],
      "key id k1 is used twice",
    ],
    [
      "an institution twice",
      [
        { institutionId: "i1", current: { keyId: "k1", secret: enc(secret) } },
        { institutionId: "i1", current: { keyId: "k2", secret: enc(secret) } },
      ],
      "institution i1 is listed twice",
    ],
  ])("refuses %s", (_t, entries, message) => {
    expect(() => new GatewayKeyring(entries)).toThrow(message);
  });

  it("never shows a secret when logged or serialised", () => {
    const text = `${JSON.stringify(keyring)} ${inspect(keyring, { depth: 5, showHidden: true })}`;
    expect(text).toContain("inst_ccb");
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Uint8Array|Buffer/);
  });
});
