import { type Fen, formatYuan, SHANGHAI_UTC_OFFSET_MS } from "../../../core/kernel/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { type CommonText, commonText } from "./text-common.ts";

/** Display helpers of the marketplace pages: money, rates, instants, bilingual names. */

/** Fen as grouped yuan, decimals only when there are cents: 300000000 → "3,000,000". */
export function yuanNumber(fen: Fen): string {
  const [whole = "0", cents = "00"] = formatYuan(fen).split(".");
  const neg = whole.startsWith("-");
  const digits = neg ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${cents === "00" ? "" : `.${cents}`}`;
}

/** Fen as a plain yuan string for an input's value: 5000000 → "50000", 5000050 → "50000.50". */
export function formatYuanPlain(fen: Fen): string {
  const text = formatYuan(fen);
  return text.endsWith(".00") ? text.slice(0, -3) : text;
}

export function yuan(lang: Lang, fen: Fen | null): string {
  if (fen === null) return "—";
  return format(commonText(lang).yuan, { amount: yuanNumber(fen) });
}

export function yuanRange(t: CommonText, min: Fen, max: Fen): string {
  return format(t.yuanRange, { min: yuanNumber(min), max: yuanNumber(max) });
}

function trimDecimals(whole: number, part: number, digits: number): string {
  const frac = String(part).padStart(digits, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

/**
 * A compact amount for cards and ranges: zh in 万 (10,000 yuan), en in k / M, when it is exact
 * to two decimals of that unit; otherwise the grouped yuan. 300000000 fen → "300万" / "3M".
 */
export function yuanCompact(lang: Lang, fen: Fen): string {
  if (fen % 100 !== 0) return yuanNumber(fen);
  const y = fen / 100;
  if (lang === "zh") {
    if (y >= 10_000 && y % 100 === 0) return `${trimDecimals(Math.floor(y / 10_000), (y % 10_000) / 100, 2)}万`;
    return yuanNumber(fen);
  }
  if (y >= 1_000_000 && y % 10_000 === 0)
    return `${trimDecimals(Math.floor(y / 1_000_000), (y % 1_000_000) / 10_000, 2)}M`;
  if (y >= 1_000 && y % 10 === 0) return `${trimDecimals(Math.floor(y / 1_000), (y % 1_000) / 10, 2)}k`;
  return yuanNumber(fen);
}

/** A compact amount range: "1万–300万元" / "¥10k–3M". */
export function yuanRangeCompact(lang: Lang, min: Fen, max: Fen): string {
  const range = `${yuanCompact(lang, min)}–${yuanCompact(lang, max)}`;
  return lang === "zh" ? `${range}元` : `¥${range}`;
}

/** A rate range sharing its unit: "3.85–6.50%". */
export function rateRange(minBp: number, maxBp: number): string {
  return `${percent(minBp).slice(0, -1)}–${percent(maxBp)}`;
}

/** Basis points as a percentage: 425 → "4.25%". */
export function percent(bp: number | null): string {
  if (bp === null) return "—";
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

/** "4.25" or "4.25%" → 425 basis points; undefined when not such a number. */
export function percentToBp(text: string): number | undefined {
  const m = PERCENT.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/**
 * A deadline in Beijing time: an instant at midnight is the end of the day before, so
 * "2026-03-05 00:00" reads "2026-03-04 24:00" (MKT-R04: the end of the working day).
 */
export function beijingDeadline(at: Date | null | undefined): string {
  if (!at) return "—";
  const local = new Date(at.getTime() + SHANGHAI_UTC_OFFSET_MS);
  if (local.getUTCHours() === 0 && local.getUTCMinutes() === 0) {
    const dayBefore = new Date(local.getTime() - 86_400_000).toISOString().slice(0, 10);
    return `${dayBefore} 24:00`;
  }
  return beijingTime(at);
}

/** An instant in Beijing time, "2026-03-02 10:00". */
export function beijingTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined) return "—";
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return "—";
  return new Date(ms + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** The name in the page's language. */
export function nameIn(lang: Lang, name: { readonly zh: string; readonly en: string } | undefined, fallback = "—") {
  return name ? name[lang] : fallback;
}

/**
 * A product's stated purpose of a data category is one text, often "中文 / English": show the
 * page language's half when it has exactly two halves, else the whole text.
 */
export function purposeIn(lang: Lang, purpose: string): string {
  const halves = purpose.split(" / ");
  if (halves.length !== 2) return purpose;
  return (lang === "zh" ? halves[0] : halves[1])?.trim() || purpose;
}

/** A short hash for display: first 12 hex characters. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
