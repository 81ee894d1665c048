import { luhnValid } from "./identity/bank-card.ts";
import { isKnownProvincePrefix } from "./identity/province-codes.ts";

/**
 * KRN-R04 masking of class-C2 personal data shown to anyone but its subject and in logs:
 * resident ID first 1 + last 1 visible, bank card first 6 + last 4, mobile first 3 + last 4,
 * name first character. Masking never throws: it is used on the way to logs and pages.
 */
const STAR = "*";

function keepEnds(text: string, first: number, last: number): string {
  const s = typeof text === "string" ? text : "";
  if (s.length <= first + last) return STAR.repeat(s.length);
  return s.slice(0, first) + STAR.repeat(s.length - first - last) + s.slice(s.length - last);
}

/** 350981196803121039 → 3****************9. */
export function maskResidentId(id: string): string {
  return keepEnds(id, 1, 1);
}

/** 6217001234567890122 → 621700*********0122. */
export function maskBankCard(card: string): string {
  return keepEnds(card, 6, 4);
}

/** 13800138000 → 138****8000. */
export function maskMobile(mobile: string): string {
  return keepEnds(mobile, 3, 4);
}

/** 林阿伯 → 林**; a one-character name is fully hidden. Counts characters, not UTF-16 units. */
export function maskName(name: string): string {
  const chars = Array.from(typeof name === "string" ? name.trim() : "");
  if (chars.length <= 1) return STAR.repeat(chars.length);
  return (chars[0] as string) + STAR.repeat(chars.length - 1);
}

/** Masks the digits of `text` (separators kept) except the first `first` and last `last` digits. */
function maskDigits(text: string, first: number, last: number): string {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (isDigitOrX(text.charCodeAt(i))) total++;
  let seen = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!isDigitOrX(text.charCodeAt(i))) {
      out += c;
      continue;
    }
    out += seen < first || seen >= total - last ? c : STAR;
    seen++;
  }
  return out;
}

function isDigitOrX(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 88 || code === 120;
}

/** Looks like a resident ID: known province prefix and a plausible birth date YYYYMMDD (19xx/20xx). */
function looksLikeResidentId(s: string): boolean {
  if (!isKnownProvincePrefix(s)) return false;
  const century = s.slice(6, 8);
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  return (century === "19" || century === "20") && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// One pass over the text, digit runs bounded by non-digits: an 18-character ID (last may be X),
// a 16–19-digit card (optionally grouped by 4 with spaces or hyphens), or a mobile (optionally
// +86 / 0086 prefixed and grouped 3-4-4).
const C2_RE =
  /(?<![0-9])(?:(\d{17}[\dXx])|(\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?)|((?:\+86|0086)?[ -]?)(1[3-9]\d(?:[ -]?\d{4}){2}))(?![0-9])/g;

function replaceC2(match: string, id?: string, card?: string, prefix?: string, mobile?: string): string {
  if (id !== undefined) {
    if (looksLikeResidentId(id)) return maskResidentId(id);
    return /^\d+$/.test(id) && luhnValid(id) ? maskDigits(id, 6, 4) : match;
  }
  if (card !== undefined) {
    return luhnValid(card.replace(/[ -]/g, "")) ? maskDigits(card, 6, 4) : match;
  }
  if (mobile !== undefined) return (prefix ?? "") + maskDigits(mobile, 3, 4);
  return match;
}

/**
 * Masks the resident IDs, bank card numbers (Luhn-valid, 16–19 digits) and mobile numbers found
 * in free text, for loggers: "ID 350981196803121039 tel 13800138000" →
 * "ID 3****************9 tel 138****8000". Numbers inside longer digit runs are left alone.
 */
export function redactC2(text: string): string {
  if (typeof text !== "string" || text.length < 11) return text;
  return text.replace(C2_RE, replaceC2);
}
