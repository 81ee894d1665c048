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

export function yuan(lang: Lang, fen: Fen | null): string {
  if (fen === null) return "—";
  return format(commonText(lang).yuan, { amount: yuanNumber(fen) });
}

export function yuanRange(t: CommonText, min: Fen, max: Fen): string {
  return format(t.yuanRange, { min: yuanNumber(min), max: yuanNumber(max) });
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
