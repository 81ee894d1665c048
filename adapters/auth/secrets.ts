import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Random secrets and their hashes for authentication (API keys, session tokens, one-time codes).
 * Secrets are shown once and stored only as SHA-256 hashes; comparisons are constant-time.
 */
export const API_KEY_PREFIX = "fif_";
export const SESSION_TOKEN_PREFIX = "fis_";

/** `prefix` + 32 random bytes in base64url (43 characters). */
export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** A uniformly random decimal code of `digits` digits, e.g. "042917". */
export function randomDigits(digits: number): string {
  if (!Number.isInteger(digits) || digits < 4 || digits > 12) throw new RangeError("a code has 4 to 12 digits");
  let out = "";
  for (let i = 0; i < digits; i++) out += String(randomInt(0, 10));
  return out;
}

/** A random salt in base64url. */
export function randomSalt(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Lower-case hex SHA-256 of raw bytes. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Constant-time equality of two hex (or any ASCII) strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
