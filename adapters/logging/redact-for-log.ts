import { C3_REDACTED, isC3Name, redactC2Text } from "../crypto/redact-c2.ts";

/**
 * KRN-R04 redaction of everything a log line carries, in one pass over the value:
 *   - strings (and integers that read as mobile or card numbers) go through the kernel's C2
 *     redactor (resident IDs, bank cards, mobiles masked);
 *   - our own secrets (`fif_…` API keys, `fis_…` session tokens) are cut to their prefix;
 *   - members named like credentials (authorization, cookie, token…) become "[redacted]", members
 *     named like C3 data (password, otp, sms code…) become "[C3 redacted]";
 *   - errors become { name, message, stack }, dates ISO strings, bigints strings; cycles and
 *     excessive depth are cut.
 * It is on every request's path, so it skips work that cannot change anything: a C2 number
 * has at least 11 digits, so a string with fewer is not scanned, and only strings that contain
 * `fif_` or `fis_` are searched for secrets. The result equals the full pipeline's (a property
 * test checks it against adapters/crypto/redact-c2.ts).
 */
export const CREDENTIAL_REDACTED = "[redacted]";

const SECRET = /\b(fi[fs]_)[A-Za-z0-9_-]{8,}/g;
/** Member names (lower-case, without `_`/`-`) whose values are credentials, beyond the C3 list. */
const CREDENTIAL_NAMES = new Set(["authorization", "cookie", "setcookie", "token", "sessiontoken", "accesstoken"]);
/** The fewest digits any C2 pattern (a mobile number) contains. */
const MIN_C2_DIGITS = 11;
const MAX_DEPTH = 16;
/** Integers below this have fewer than 11 digits and cannot read as a mobile or card number. */
const SMALLEST_C2_INTEGER = 1e10;

function hasEnoughDigits(s: string): boolean {
  if (s.length < MIN_C2_DIGITS) return false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= MIN_C2_DIGITS) return true;
  }
  return false;
}

/** A string as it may appear in a log: C2 numbers masked, secrets cut to their prefix. */
export function redactLogText(s: string): string {
  let out = hasEnoughDigits(s) ? redactC2Text(s) : s;
  if (out.includes("fif_") || out.includes("fis_")) out = out.replace(SECRET, "$1****");
  return out;
}

type MemberKind = "plain" | "credential" | "c3";
/** Member names seen so far and what they hold (bounded: keys made of data are not cached). */
const memberKinds = new Map<string, MemberKind>();
const MAX_CACHED_NAMES = 2048;

function memberKind(name: string): MemberKind {
  const known = memberKinds.get(name);
  if (known !== undefined) return known;
  const kind: MemberKind = CREDENTIAL_NAMES.has(name.toLowerCase().replace(/[_-]/g, ""))
    ? "credential"
    : isC3Name(name)
      ? "c3"
      : "plain";
  if (memberKinds.size < MAX_CACHED_NAMES) memberKinds.set(name, kind);
  return kind;
}

function redactNumber(n: number): number | string {
  if (!Number.isInteger(n) || Math.abs(n) < SMALLEST_C2_INTEGER) return n;
  const text = String(n);
  const masked = redactC2Text(text);
  return masked === text ? n : masked;
}

function walk(v: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof v) {
    case "string":
      return redactLogText(v);
    case "number":
      return redactNumber(v);
    case "bigint":
      return redactC2Text(v.toString());
    case "object":
      break;
    default:
      return v;
  }
  if (v === null) return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  if (v instanceof Error) {
    return {
      name: redactLogText(v.name),
      message: redactLogText(v.message),
      ...(v.stack ? { stack: redactLogText(v.stack) } : {}),
    };
  }
  if (seen.has(v)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(v);
  let out: unknown;
  if (Array.isArray(v)) {
    out = v.map((x) => walk(x, depth + 1, seen));
  } else {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      const kind = x == null ? "plain" : memberKind(k);
      o[k] = kind === "credential" ? CREDENTIAL_REDACTED : kind === "c3" ? C3_REDACTED : walk(x, depth + 1, seen);
    }
    out = o;
  }
  seen.delete(v);
  return out;
}

/** A copy of `value` fit for a log line (see the file comment). */
export function redactForLog(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}
