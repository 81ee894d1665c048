import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EnvelopeFieldCipher,
  FieldCipherError,
  isEncryptedField,
} from "../../adapters/crypto/envelope-field-cipher.ts";
import { loadKeyring } from "../../adapters/crypto/keyring.ts";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const other = randomBytes(32);
const ring = (keys: Record<string, Buffer>, activeKid: string) => ({
  activeKid,
  fieldKeys: new Map(Object.entries(keys)),
});
const cipher = new EnvelopeFieldCipher(ring({ kid1: key1 }, "kid1"));

/** Flips one bit of the decoded body at `offset` (negative: from the end). */
function flip(ciphertext: string, offset: number): string {
  const at = ciphertext.lastIndexOf(":");
  const blob = Buffer.from(ciphertext.slice(at + 1), "base64url");
  const i = offset < 0 ? blob.length + offset : offset;
  blob[i] = (blob[i] as number) ^ 0x01;
  return `${ciphertext.slice(0, at + 1)}${blob.toString("base64url")}`;
}

describe("KRN-R04 envelope field encryption (AES-256-GCM)", () => {
  it.each([["350902199001011234"], ["13812345678"], [""], ["张三 · 闽J·12345 😀"]])(
    "%j decrypts to itself and is stored as enc:v1:<kid>:…",
    (plain) => {
      const enc = cipher.encrypt(plain);
      expect(enc).toMatch(/^enc:v1:kid1:[A-Za-z0-9_-]+$/);
      expect(isEncryptedField(enc)).toBe(true);
      expect(enc.includes(plain) && plain.length > 0).toBe(false);
      expect(cipher.decrypt(enc)).toBe(plain);
    },
  );

  it("any text survives the round trip (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => cipher.decrypt(cipher.encrypt(s)) === s),
    );
  });

  it("the same plaintext encrypts differently twice (fresh data key and nonces)", () => {
    const a = cipher.encrypt("350902199001011234");
    const b = cipher.encrypt("350902199001011234");
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe(cipher.decrypt(b));
  });

  it.each([
    ["the wrap nonce", 0],
    ["the wrapped data key", 20],
    ["the wrap tag", 50],
    ["the data nonce", 62],
    ["the data tag", 80],
    ["the data", -1],
  ])("a changed bit in %s fails authentication", (_part, offset) => {
    const enc = cipher.encrypt("6222021234567890123");
    expect(() => cipher.decrypt(flip(enc, offset))).toThrow(FieldCipherError);
    expect(() => cipher.decrypt(flip(enc, offset))).toThrow(/authentication/);
  });

  it("a value relabelled with another configured key id fails authentication", () => {
    const both = new EnvelopeFieldCipher(ring({ kid1: key1, kid2: key2 }, "kid1"));
    const enc = both.encrypt("13812345678").replace("enc:v1:kid1:", "enc:v1:kid2:");
    expect(() => both.decrypt(enc)).toThrow(/authentication/);
  });

  it("a value under an unknown key id is a clear error naming the id and the known ones", () => {
    const foreign = new EnvelopeFieldCipher(ring({ kid9: other }, "kid9")).encrypt("x");
    expect(() => cipher.decrypt(foreign)).toThrow(/key id "kid9", which is not configured \(known: kid1\)/);
  });

  it.each([["plain text"], ["enc:v1:kid1"], ["enc:v1:kid1:AAAA"], ["enc:v1::AAAA"], ["enc:v1:kid1:not*base64"]])(
    "%j is refused as not a (whole) encrypted value",
    (bad) => {
      expect(() => cipher.decrypt(bad)).toThrow(FieldCipherError);
    },
  );

  it("rotation: after a new key becomes active, old values still decrypt and rewrap moves them to it", () => {
    const before = new EnvelopeFieldCipher(ring({ kid1: key1 }, "kid1"));
    const old = before.encrypt("350902199001011234");
    const rotated = new EnvelopeFieldCipher(ring({ kid1: key1, kid2: key2 }, "kid2"));
    expect(rotated.decrypt(old)).toBe("350902199001011234");
    expect(rotated.needsRewrap(old)).toBe(true);
    const moved = rotated.rewrap(old);
    expect(rotated.keyIdOf(moved)).toBe("kid2");
    expect(rotated.needsRewrap(moved)).toBe(false);
    expect(rotated.rewrap(moved)).toBe(moved);
    // Once everything is rewrapped the old key can be retired.
    const retired = new EnvelopeFieldCipher(ring({ kid2: key2 }, "kid2"));
    expect(retired.decrypt(moved)).toBe("350902199001011234");
    expect(() => retired.decrypt(old)).toThrow(/"kid1", which is not configured/);
    // Only the wrapped data key changed; the sealed data is the same bytes.
    const tail = (s: string) => Buffer.from(s.slice(s.lastIndexOf(":") + 1), "base64url").subarray(60);
    expect(tail(moved)).toEqual(tail(old));
  });

  it("works with the keyring read from configuration", () => {
    const env = {
      FIELD_KEYS: `a:${key1.toString("base64")},b:${key2.toString("base64")}`,
      FIELD_KEY_ACTIVE: "b",
      BLIND_INDEX_KEY: other.toString("base64"),
    };
    const c = new EnvelopeFieldCipher(loadKeyring(env));
    expect(c.activeKid).toBe("b");
    expect(c.decrypt(c.encrypt("闽J·12345"))).toBe("闽J·12345");
  });

  it("refuses a keyring whose active key is missing", () => {
    expect(() => new EnvelopeFieldCipher(ring({ kid1: key1 }, "kid2"))).toThrow(/active key id "kid2" has no key/);
  });
});
