import { addDays, businessDateOf, DomainError, endOfBusinessDate, valueAsOf } from "../../kernel/mod.ts";
import type { ApplyCode, ApplyCodeClaims } from "../domain/apply-code.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * MKT-R08 QR codes (码上贷). A code encodes a signed, expiring link to one product (optionally
 * one branch or customer manager). A tampered or expired code is refused; scans and resulting
 * applications are counted per code. The signature itself is made by the ApplyCodeSigner port.
 *
 * Token: "q1.<codeId>.<regionCode>.<productId>.<branchId>.<managerId>.<expiry seconds>.<signature>"
 * (empty segment for no branch/manager); the signed message is everything before the last dot.
 */
export const APPLY_CODE_RULE = "MKT-R08";

const SAFE = /^[A-Za-z0-9_-]+$/;
const VERSION = "q1";

function refuse(message: string, kind: "validation" | "conflict" = "validation", field = "token"): never {
  throw new DomainError(message, { ruleId: APPLY_CODE_RULE, kind, field });
}

/** Ids that go into a token must be URL-safe (A–Z a–z 0–9 _ -). */
export function assertTokenSafe(value: string, field: string): void {
  if (!SAFE.test(value) || value.length > 64) {
    refuse(
      `${field} may hold only letters, digits, '_' and '-' (at most 64) to go into a QR code`,
      "validation",
      field,
    );
  }
}

/** The message the signer signs for these claims. */
export function applyCodeMessage(c: ApplyCodeClaims): string {
  const seconds = Math.floor(c.expiresAt.getTime() / 1000);
  return [VERSION, c.codeId, c.regionCode, c.productId, c.branchId ?? "", c.managerId ?? "", String(seconds)].join(".");
}

export function applyCodeToken(c: ApplyCodeClaims, signature: string): string {
  if (!SAFE.test(signature)) throw new TypeError("an apply-code signature must be URL-safe");
  return `${applyCodeMessage(c)}.${signature}`;
}

/** Splits a token into its claims, signed message and signature; anything malformed is tampered. */
export function parseApplyCodeToken(token: string): { claims: ApplyCodeClaims; message: string; signature: string } {
  if (typeof token !== "string" || token.length > 512) refuse("the QR code is not valid (tampered)");
  const parts = token.split(".");
  if (parts.length !== 8 || parts[0] !== VERSION) refuse("the QR code is not valid (tampered)");
  const [, codeId, regionCode, productId, branchId, managerId, seconds, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const p of [codeId, regionCode, productId, signature])
    if (!SAFE.test(p)) refuse("the QR code is not valid (tampered)");
  for (const p of [branchId, managerId]) if (p !== "" && !SAFE.test(p)) refuse("the QR code is not valid (tampered)");
  if (!/^\d{1,12}$/.test(seconds)) refuse("the QR code is not valid (tampered)");
  const claims: ApplyCodeClaims = {
    codeId,
    regionCode,
    productId,
    branchId: branchId === "" ? null : branchId,
    managerId: managerId === "" ? null : managerId,
    expiresAt: new Date(Number(seconds) * 1000),
  };
  return { claims, message: parts.slice(0, 7).join("."), signature };
}

/**
 * The expiry of a code issued at `issuedAt`: after the default validity, or after `days` when
 * the issuer names it (at most the pack's maximum). Expires at the end of that business date.
 */
export function applyCodeExpiry(policy: MarketplacePolicy, issuedAt: Date, days?: number): Date {
  const day = businessDateOf(issuedAt, "issuedAt");
  const max = valueAsOf(policy.applyCode.maxValidityDays, day, "applyCode.maxValidityDays");
  const n = days ?? valueAsOf(policy.applyCode.defaultValidityDays, day, "applyCode.defaultValidityDays");
  if (!Number.isInteger(n) || n < 1 || n > max)
    refuse(`a QR code is valid for 1 to ${max} days`, "validation", "validDays");
  return endOfBusinessDate(addDays(day, n));
}

/**
 * Throws unless a code whose signature has been verified may be used at `now`: not expired, not
 * revoked, and its claims are exactly those the platform issued.
 */
export function assertApplyCodeUsable(claims: ApplyCodeClaims, code: ApplyCode | undefined, now: Date): ApplyCode {
  if (now.getTime() >= claims.expiresAt.getTime()) refuse("the QR code has expired", "conflict");
  if (!code) refuse("the QR code is not valid (unknown code)");
  const same =
    code.regionCode === claims.regionCode &&
    code.productId === claims.productId &&
    code.branchId === claims.branchId &&
    code.managerId === claims.managerId &&
    Math.floor(code.expiresAt.getTime() / 1000) === Math.floor(claims.expiresAt.getTime() / 1000);
  if (!same) refuse("the QR code is not valid (tampered)");
  if (code.status !== "ACTIVE") refuse("the QR code has been withdrawn", "conflict");
  if (now.getTime() >= code.expiresAt.getTime()) refuse("the QR code has expired", "conflict");
  return code;
}
