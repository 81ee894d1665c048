/**
 * KRN-R14 wire protocol shared by both directions (our requests to an institution, its answers,
 * and its callbacks to us):
 *
 *   X-FIF-Institution  the institution's id on the platform (whose shared secret signs)
 *   X-FIF-Key-Id       which of its keys signed (two are valid while a key is rotated)
 *   X-FIF-Timestamp    unix seconds when signed; refused outside ± the replay window
 *   X-FIF-Nonce        16–128 of A–Z a–z 0–9 _ - ; single use within the window
 *   X-FIF-Signature    lower-case hex HMAC-SHA256(secret, `${timestamp}.${nonce}.${rawBody}`)
 *
 * The secret is the UTF-8 bytes of the shared secret string, at least 32 bytes.
 */
export const GATEWAY_HEADERS = {
  institution: "X-FIF-Institution",
  keyId: "X-FIF-Key-Id",
  timestamp: "X-FIF-Timestamp",
  nonce: "X-FIF-Nonce",
  signature: "X-FIF-Signature",
} as const;

/** The replay window when the configuration does not set one: ± 5 minutes. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

/** Shared secrets have at least this many bytes (256 bits). */
export const MIN_SECRET_BYTES = 32;

/** Key ids: 1–64 of A–Z a–z 0–9 . _ - */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Institution ids as the platform stores them: 1–100 of A–Z a–z 0–9 . _ : - */
export const INSTITUTION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** Nonces: 16–128 URL-safe characters (our own are 24 characters of base64url, 144 random bits). */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Unix seconds, plain decimal. */
export const TIMESTAMP_PATTERN = /^[0-9]{1,12}$/;

/** 64 hex digits (either case is accepted; we send lower case). */
export const SIGNATURE_PATTERN = /^[0-9a-fA-F]{64}$/;
