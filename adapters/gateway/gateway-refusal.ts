import { DomainError } from "../../core/kernel/mod.ts";

/** KRN-R14 institution gateways: signed JSON over HTTPS, in both directions. */
export const GATEWAY_RULE = "KRN-R14";

/** Why a signed message from an institution was refused (also in the problem's `detail.reason`). */
export type GatewayRefusalReason =
  | "missing-header"
  | "malformed-header"
  | "unknown-key"
  | "bad-signature"
  | "stale-timestamp"
  | "replayed-nonce";

/**
 * The error for a message that cannot be trusted: kind "unauthenticated" (HTTP 401), rule
 * KRN-R14, the offending header as `field` and the reason in `detail.reason`. The message names
 * the reason ("bad signature", "stale timestamp …", "replayed nonce", "unknown key …") and never
 * includes secret material.
 */
export function gatewayRefusal(reason: GatewayRefusalReason, message: string, field?: string): DomainError {
  return new DomainError(message, {
    ruleId: GATEWAY_RULE,
    kind: "unauthenticated",
    ...(field === undefined ? {} : { field }),
    detail: { reason },
  });
}

/** Is `e` a KRN-R14 refusal, optionally for one reason? */
export function isGatewayRefusal(e: unknown, reason?: GatewayRefusalReason): e is DomainError {
  return (
    e instanceof DomainError &&
    e.ruleId === GATEWAY_RULE &&
    e.kind === "unauthenticated" &&
    (reason === undefined || e.detail?.reason === reason)
  );
}
