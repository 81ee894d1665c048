import { identityError } from "./identity-error.ts";

/**
 * Mainland mobile number: 11 digits, 1 then 3–9 then 9 digits. Spaces and hyphens between digit
 * groups and a +86 / 0086 country prefix are accepted and dropped.
 */
const MOBILE_RE = /^1[3-9]\d{9}$/;
const SEPARATORS_RE = /[\s-]/g;

/** Validates a mobile number and returns its 11 digits; throws a KRN-ID DomainError naming `field`. */
export function validateMobile(value: string, field = "mobile"): string {
  let m = typeof value === "string" ? value.replace(SEPARATORS_RE, "") : "";
  if (m.startsWith("+86")) m = m.slice(3);
  else if (m.startsWith("0086")) m = m.slice(4);
  if (!MOBILE_RE.test(m))
    throw identityError(`${field} must be an 11-digit mobile number starting 13–19`, field, "format");
  return m;
}

/** True when `value` is a valid mobile number. */
export function isValidMobile(value: string): boolean {
  try {
    validateMobile(value);
    return true;
  } catch {
    return false;
  }
}
