import { type Clock, DomainError } from "../../core/kernel/mod.ts";
import type { GatewaySecrets } from "./gateway-keyring.ts";
import { GATEWAY_RULE } from "./gateway-refusal.ts";
import type { HeaderSource } from "./read-header.ts";
import type { ReplayGuard } from "./replay-guard.ts";
import type { RawBody } from "./signature.ts";
import { verifyGatewayMessage } from "./verify-message.ts";

export interface VerifyCallbackInput {
  /** The request headers (`c.req.raw.headers` in hono, or node's `req.headers`). */
  readonly headers: HeaderSource;
  /** The body exactly as received, before any parsing (`await c.req.arrayBuffer()` as bytes, or text). */
  readonly rawBody: RawBody | ArrayBuffer;
  /** The region's `GatewayKeyring` (`region.adapter(GatewayKeyringPort)`). */
  readonly secrets: GatewaySecrets;
  readonly clock: Clock;
  /** `createReplayGuard(db, { regionCode, clock, windowSeconds })`: shared by all processes. */
  readonly replayGuard: ReplayGuard;
  /** ± seconds; default 300 (pass `keyring.windowSeconds`). */
  readonly windowSeconds?: number;
}

export interface VerifiedCallback {
  /** The institution that signed: act for it (and only it) when applying the callback. */
  readonly institutionId: string;
  readonly keyId: string;
  readonly nonce: string;
  readonly signedAt: Date;
  /** The parsed JSON body; validate it against the route's own schema. */
  readonly body: unknown;
}

/**
 * KRN-R14 callback from an institution (e.g. an application outcome): verifies the signature,
 * the timestamp window and the single use of the nonce, then parses the JSON body. Throws a
 * DomainError with rule KRN-R14: kind "unauthenticated" (401) naming the reason — missing or
 * malformed header, unknown key, bad signature, stale timestamp, replayed nonce — or kind
 * "validation" (400) when a correctly signed body is not JSON. A verified nonce is spent even if
 * the route then refuses the content: a retry is signed again with a new nonce.
 */
export async function verifyGatewayCallback(input: VerifyCallbackInput): Promise<VerifiedCallback> {
  const rawBody = input.rawBody instanceof ArrayBuffer ? new Uint8Array(input.rawBody) : input.rawBody;
  const verified = await verifyGatewayMessage({
    headers: input.headers,
    rawBody,
    secrets: input.secrets,
    now: input.clock.now(),
    replayGuard: input.replayGuard,
    ...(input.windowSeconds === undefined ? {} : { windowSeconds: input.windowSeconds }),
  });
  let body: unknown;
  try {
    body = JSON.parse(
      typeof rawBody === "string" ? rawBody : new TextDecoder("utf-8", { fatal: true }).decode(rawBody),
    );
  } catch {
    throw new DomainError("the callback body is not JSON (UTF-8)", {
      ruleId: GATEWAY_RULE,
      kind: "validation",
      field: "body",
    });
  }
  return {
    institutionId: verified.institutionId,
    keyId: verified.keyId,
    nonce: verified.nonce,
    signedAt: verified.timestamp,
    body,
  };
}
