import { redactC2 as redactC2InText } from "../../core/kernel/mod.ts";

/**
 * KRN-R04: C2 personal data never reaches a log or the audit trail in clear, and C3
 * authentication data never reaches them at all.
 *
 * `redactC2(value)` returns a deep copy in which every string (and every integer that reads as
 * a mobile or card number) goes through the kernel's text redactor (core/kernel/masking.ts:
 * resident IDs with a known province prefix and a plausible birth date, Luhn-valid 16–19 digit
 * card numbers, mobile numbers), masked the way the spec shows them to anyone but their subject:
 *   resident ID  first 1 and last 1   3****************2
 *   bank card    first 6 and last 4   621700*********0122
 *   mobile       first 3 and last 4   138****5678
 * Members whose name says they hold C3 data (password, SMS code, CVN, …) are replaced whole.
 */

export const C3_REDACTED = "[C3 redacted]";

const MAX_DEPTH = 32;

/** Lower-cased member names (without `_`/`-`) that hold C3 data. */
const C3_NAMES = new Set([
  "password",
  "passwd",
  "passcode",
  "pin",
  "otp",
  "smscode",
  "verifycode",
  "verificationcode",
  "onetimecode",
  "cvn",
  "cvn2",
  "cvv",
  "cvv2",
  "cvc",
  "secret",
  "apikey",
  "privatekey",
  "biometric",
  "biometrictemplate",
]);

/** Masks every resident ID, bank card and mobile number inside a text (the kernel's rule). */
export function redactC2Text(text: string): string {
  return redactC2InText(text);
}

/** Is this member name one that carries C3 authentication data? */
export function isC3Name(name: string): boolean {
  return C3_NAMES.has(name.toLowerCase().replace(/[_-]/g, ""));
}

/** A deep copy of `value` with C2 data masked and C3 members removed (see the file comment). */
export function redactC2(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(v: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof v === "string") return redactC2Text(v);
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return v;
    const text = String(v);
    const masked = redactC2Text(text);
    return masked === text ? v : masked;
  }
  if (typeof v === "bigint") {
    const text = v.toString();
    const masked = redactC2Text(text);
    return masked === text ? text : masked;
  }
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Date) return v;
  if (seen.has(v)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(v);
  let out: unknown;
  if (Array.isArray(v)) {
    out = v.map((item) => walk(item, depth + 1, seen));
  } else {
    const o: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      o[k] = isC3Name(k) && item !== undefined && item !== null ? C3_REDACTED : walk(item, depth + 1, seen);
    }
    out = o;
  }
  seen.delete(v);
  return out;
}
