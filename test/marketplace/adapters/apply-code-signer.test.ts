import { describe, expect, it } from "vitest";
import { loadKeyring } from "../../../adapters/crypto/keyring.ts";
import { HmacApplyCodeSigner } from "../../../adapters/marketplace/hmac-apply-code-signer.ts";
import { applyCodeMessage, applyCodeToken, parseApplyCodeToken } from "../../../core/marketplace/mod.ts";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const keyring = (active: string, keys: Record<string, number>) =>
  loadKeyring({
    FIELD_KEYS: Object.entries(keys)
      .map(([kid, b]) => `${kid}:${key(b)}`)
      .join(","),
    FIELD_KEY_ACTIVE: active,
    BLIND_INDEX_KEY: key(99),
  });

const claims = {
  codeId: "qr_01JABC",
  regionCode: "350800",
  productId: "prd_ccb_zhihui",
  branchId: "inst_ccb_xinluo",
  managerId: null,
  expiresAt: new Date("2026-06-01T16:00:00.000Z"),
};
const message = applyCodeMessage(claims);

describe("MKT-R08 the HMAC signer of 码上贷 codes", () => {
  it("signs with the active key, only URL-safe characters, and verifies what it signed", async () => {
    const signer = new HmacApplyCodeSigner(keyring("k2", { k1: 1, k2: 2 }));
    const signature = await signer.sign(message);
    expect(signature).toMatch(/^k2[A-Za-z0-9_-]{43}$/);
    expect(await signer.verify(message, signature)).toBe(true);
    const token = applyCodeToken(claims, signature);
    expect(parseApplyCodeToken(token)).toEqual({ claims, message, signature });
  });

  it.each([
    ["another product in the message", message.replace("prd_ccb_zhihui", "prd_cib_xingshan")],
    ["a later expiry in the message", message.replace(/\.\d+$/, ".1999999999")],
  ])("refuses a tampered code: %s", async (_title, tampered) => {
    const signer = new HmacApplyCodeSigner(keyring("k1", { k1: 1 }));
    expect(await signer.verify(tampered, await signer.sign(message))).toBe(false);
  });

  it.each([
    ["a flipped signature character", (s: string) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`],
    ["an unknown key id", (s: string) => `zz${s.slice(2)}`],
    ["a truncated signature", (s: string) => s.slice(0, -2)],
    ["no key id at all", (s: string) => s.slice(2)],
  ])("refuses %s", async (_title, change) => {
    const signer = new HmacApplyCodeSigner(keyring("k1", { k1: 1 }));
    expect(await signer.verify(message, change(await signer.sign(message)))).toBe(false);
  });

  it("codes printed before a key rotation still verify; new codes use the new key", async () => {
    const before = new HmacApplyCodeSigner(keyring("k1", { k1: 1 }));
    const old = await before.sign(message);
    const after = new HmacApplyCodeSigner(keyring("k2", { k1: 1, k2: 2 }));
    expect(await after.verify(message, old)).toBe(true);
    expect((await after.sign(message)).startsWith("k2")).toBe(true);
    const dropped = new HmacApplyCodeSigner(keyring("k2", { k2: 2 }));
    expect(await dropped.verify(message, old)).toBe(false);
  });

  it("a different deployment key never verifies another deployment's codes", async () => {
    const a = new HmacApplyCodeSigner(keyring("k1", { k1: 1 }));
    const b = new HmacApplyCodeSigner(keyring("k1", { k1: 3 }));
    expect(await b.verify(message, await a.sign(message))).toBe(false);
  });
});
