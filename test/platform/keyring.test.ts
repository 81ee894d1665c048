import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEVELOPMENT_KID, KeyringError, loadKeyring } from "../../adapters/crypto/keyring.ts";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64url");
const bi = randomBytes(32).toString("base64");
const quiet = { warn: () => {} };

describe("KRN-R04 keyring from configuration", () => {
  it("reads several key-encryption keys, the active one and the blind index key", () => {
    const ring = loadKeyring({ FIELD_KEYS: `kid1:${k1}, kid2:${k2}`, FIELD_KEY_ACTIVE: "kid2", BLIND_INDEX_KEY: bi });
    expect(ring.isDevelopment).toBe(false);
    expect(ring.activeKid).toBe("kid2");
    expect([...ring.fieldKeys.keys()]).toEqual(["kid1", "kid2"]);
    expect(Buffer.from(ring.fieldKeys.get("kid1")!).toString("base64")).toBe(k1);
    expect(Buffer.from(ring.blindIndexKey).toString("base64")).toBe(bi);
  });

  it("takes the only key as active when FIELD_KEY_ACTIVE is not set", () => {
    expect(loadKeyring({ FIELD_KEYS: `k:${k1}`, BLIND_INDEX_KEY: bi }).activeKid).toBe("k");
  });

  it("derives a development keyring when nothing is configured outside production, and says so", () => {
    const warnings: string[] = [];
    const a = loadKeyring({}, { warn: (m) => warnings.push(m) });
    const b = loadKeyring({ NODE_ENV: "development" }, quiet);
    expect(a.isDevelopment).toBe(true);
    expect(a.activeKid).toBe(DEVELOPMENT_KID);
    expect(warnings.join(" ")).toMatch(/DEVELOPMENT keys/);
    expect(Buffer.from(a.fieldKeys.get(DEVELOPMENT_KID)!)).toEqual(Buffer.from(b.fieldKeys.get(DEVELOPMENT_KID)!));
    expect(Buffer.from(a.blindIndexKey)).not.toEqual(Buffer.from(a.fieldKeys.get(DEVELOPMENT_KID)!));
  });

  it("refuses to start in production without keys", () => {
    expect(() => loadKeyring({ NODE_ENV: "production" }, quiet)).toThrow(/NODE_ENV=production needs FIELD_KEYS/);
  });

  it.each([
    ["a blind index key is missing", { FIELD_KEYS: `k:${k1}` }, /BLIND_INDEX_KEY is not set/],
    ["field keys are missing", { BLIND_INDEX_KEY: bi }, /FIELD_KEYS is not set/],
    ["an entry has no key id", { FIELD_KEYS: k1, BLIND_INDEX_KEY: bi }, /kid:<base64 key>/],
    ["a key is not base64", { FIELD_KEYS: "k:not base64!", BLIND_INDEX_KEY: bi }, /not base64/],
    [
      "a key is 16 bytes",
      { FIELD_KEYS: `k:${randomBytes(16).toString("base64")}`, BLIND_INDEX_KEY: bi },
      /32 bytes, got 16/,
    ],
    ["a key id repeats", { FIELD_KEYS: `k:${k1},k:${k2}`, BLIND_INDEX_KEY: bi }, /twice/],
    ["the active key is unknown", { FIELD_KEYS: `k:${k1}`, FIELD_KEY_ACTIVE: "j", BLIND_INDEX_KEY: bi }, /not among/],
    [
      "two keys and no active one",
      { FIELD_KEYS: `a:${k1},b:${k2}`, BLIND_INDEX_KEY: bi },
      /FIELD_KEY_ACTIVE must name/,
    ],
    ["the blind index reuses a field key", { FIELD_KEYS: `k:${k1}`, BLIND_INDEX_KEY: k1 }, /must differ/],
    ["a key id has a colon-free but odd name", { FIELD_KEYS: `k/1:${k1}`, BLIND_INDEX_KEY: bi }, /key id must be/],
  ])("a clear start-up error when %s (and no key material in it)", (_title, env, message) => {
    let error: unknown;
    try {
      loadKeyring({ ...env, NODE_ENV: "production" }, quiet);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyringError);
    expect((error as Error).message).toMatch(message);
    for (const secret of [k1, k2, bi]) expect((error as Error).message.includes(secret)).toBe(false);
  });
});
