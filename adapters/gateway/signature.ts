import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { GatewaySecrets } from "./gateway-keyring.ts";
import {
  DEFAULT_REPLAY_WINDOW_SECONDS,
  GATEWAY_HEADERS,
  INSTITUTION_ID_PATTERN,
  KEY_ID_PATTERN,
  NONCE_PATTERN,
  SIGNATURE_PATTERN,
  TIMESTAMP_PATTERN,
} from "./gateway-protocol.ts";
import { gatewayRefusal } from "./gateway-refusal.ts";
import { type HeaderSource, readHeader } from "./read-header.ts";

/** A message body exactly as sent or received: text (UTF-8) or raw bytes. */
export type RawBody = string | Uint8Array;

/** Lower-case hex HMAC-SHA256(secret, `${timestamp}.${nonce}.${rawBody}`). */
export function gatewaySignature(secret: Uint8Array, timestamp: string, nonce: string, rawBody: RawBody): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.${nonce}.`, "utf8");
  mac.update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody);
  return mac.digest("hex");
}

/** A fresh nonce: 18 random bytes in base64url (24 characters). */
export function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

export interface SignInput {
  readonly institutionId: string;
  readonly keyId: string;
  readonly secret: Uint8Array;
  readonly rawBody: RawBody;
  /** The signing time (the clock port); sent as unix seconds. */
  readonly now: Date;
  /** Defaults to a fresh random nonce. */
  readonly nonce?: string;
}

/** The five `X-FIF-*` headers that sign `rawBody` (add them to the request or response). */
export function signGatewayMessage(input: SignInput): Record<string, string> {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonce = input.nonce ?? newNonce();
  return {
    [GATEWAY_HEADERS.institution]: input.institutionId,
    [GATEWAY_HEADERS.keyId]: input.keyId,
    [GATEWAY_HEADERS.timestamp]: timestamp,
    [GATEWAY_HEADERS.nonce]: nonce,
    [GATEWAY_HEADERS.signature]: gatewaySignature(input.secret, timestamp, nonce, input.rawBody),
  };
}

export interface VerifySignatureInput {
  readonly headers: HeaderSource;
  readonly rawBody: RawBody;
  readonly secrets: GatewaySecrets;
  /** Now, from the clock port. */
  readonly now: Date;
  /** ± seconds a timestamp may differ from `now`; default 300. */
  readonly windowSeconds?: number;
}

/** Who signed a message, with which key, when, and its nonce (still to be checked for replay). */
export interface VerifiedSignature {
  readonly institutionId: string;
  readonly keyId: string;
  readonly nonce: string;
  /** The signed timestamp. */
  readonly timestamp: Date;
}

function required(headers: HeaderSource, name: string, pattern: RegExp, what: string): string {
  const value = readHeader(headers, name)?.trim();
  if (value === undefined || value === "") throw gatewayRefusal("missing-header", `missing header ${name}`, name);
  if (!pattern.test(value)) throw gatewayRefusal("malformed-header", `malformed header ${name}: ${what}`, name);
  return value;
}

/**
 * Checks the `X-FIF-*` headers of one message: the key is known for the institution, the HMAC
 * matches (compared in constant time), and the timestamp lies within ± the window of `now`.
 * Throws a KRN-R14 "unauthenticated" DomainError naming the reason otherwise. Replay of the
 * nonce is checked by the caller (`verifyGatewayMessage`), after the signature holds.
 */
export function verifyGatewaySignature(input: VerifySignatureInput): VerifiedSignature {
  const h = GATEWAY_HEADERS;
  const windowSeconds = input.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const institutionId = required(input.headers, h.institution, INSTITUTION_ID_PATTERN, "not an institution id");
  const keyId = required(input.headers, h.keyId, KEY_ID_PATTERN, "not a key id");
  const timestamp = required(input.headers, h.timestamp, TIMESTAMP_PATTERN, "expected unix seconds");
  const nonce = required(input.headers, h.nonce, NONCE_PATTERN, "expected 16-128 characters A-Z a-z 0-9 _ -");
  const signature = required(input.headers, h.signature, SIGNATURE_PATTERN, "expected 64 hex digits");

  const secret = input.secrets.secretFor(institutionId, keyId);
  if (secret === undefined) {
    throw gatewayRefusal("unknown-key", `unknown key: institution ${institutionId} has no key ${keyId}`, h.keyId);
  }
  const expected = Buffer.from(gatewaySignature(secret, timestamp, nonce, input.rawBody), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw gatewayRefusal("bad-signature", "bad signature: the message was not signed with this key", h.signature);
  }
  const signedAt = Number(timestamp);
  const skew = Math.abs(input.now.getTime() / 1000 - signedAt);
  if (!(skew <= windowSeconds)) {
    throw gatewayRefusal(
      "stale-timestamp",
      `stale timestamp: signed ${Math.round(skew)} s from now, outside the ${windowSeconds}-second window`,
      h.timestamp,
    );
  }
  return { institutionId, keyId, nonce, timestamp: new Date(signedAt * 1000) };
}
