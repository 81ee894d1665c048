import { type FactorsPolicy, NINGDE_DEMO_INSTITUTIONS } from "../../../core/factors/mod.ts";
import {
  divRoundHalfUp,
  formatYuan,
  fujianRegion,
  SHANGHAI_UTC_OFFSET_MS,
  valueAsOf,
} from "../../../core/kernel/mod.ts";
import type { Lang } from "../../pages/i18n.ts";

/** Fen as yuan with thousands separators: 15000000 → "150,000.00" (exact: no float touches it). */
export function yuan(fen: number): string {
  const text = formatYuan(fen);
  const neg = text.startsWith("-");
  const [whole = "0", cents = "00"] = (neg ? text.slice(1) : text).split(".");
  return `${neg ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** Fen as a yuan string for a form field (no separators): 15000000 → "150000.00". */
export function yuanField(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? "" : formatYuan(fen);
}

/** Basis points as a percentage: 6000 → "60%", 385 → "3.85%". */
export function pct(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%`;
}

/** Basis points as a form value in percent: 450 → "4.5". */
export function pctField(bp: number | null | undefined): string {
  return bp === null || bp === undefined ? "" : pct(bp).replace("%", "");
}

/** A county (or prefecture) by its GB/T 2260 code in the page language. */
export function placeName(code: string, lang: Lang): string {
  return fujianRegion(code)?.[lang] ?? code;
}

/** A factor type's name from the pack's catalogue; a bundle reads 三权合一. */
export function typeName(policy: FactorsPolicy, code: string, lang: Lang): string {
  if (code === "bundle") return lang === "zh" ? "三权合一" : "Marine bundle";
  return policy.catalogue[code]?.name[lang] ?? code;
}

/** An instant as Beijing time "2026-03-02 10:00". */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + SHANGHAI_UTC_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** A quantity in thousandths with its unit: 12000, "口" → "12 口". */
export function quantityText(milli: number, unit: string): string {
  const whole = Math.floor(milli / 1000);
  const frac = milli % 1000;
  const n = frac === 0 ? `${whole}` : `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}`;
  return unit ? `${n} ${unit}` : n;
}

/** Parses a percentage form value ("4.5", "4.50 %") into basis points; undefined when malformed. */
export function parsePercentBp(text: string): number | undefined {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/**
 * An institution's name for display: the demo institutions the products name, the counties'
 * collection companies from the pack, else its id.
 */
export function institutionName(id: string | null, policy: FactorsPolicy, lang: Lang, onDate: string): string {
  if (id === null) return "—";
  const demo = Object.values(NINGDE_DEMO_INSTITUTIONS).find((i) => i.id === id);
  if (demo) return demo[lang];
  for (const [code, county] of Object.entries(policy.counties)) {
    const company = valueAsOf(county.collectionCompany, onDate, `factors.counties.${code}.collectionCompany`);
    if (company?.institutionId === id) return company.name[lang];
  }
  return id;
}

/** Fen in 万元 with two decimals, rounded half-up on integers: 670_000_000_00 → "67,000.00". */
export function wan(fen: number): string {
  const hundredths = divRoundHalfUp(BigInt(fen), 10_000n);
  return yuan(Number(hundredths));
}

/**
 * Who did something, as a history shows it: a citizen (never their mobile or its hash), an
 * institution by name, platform or regulator staff, or the system.
 */
export function actorLabel(actor: string, policy: FactorsPolicy, lang: Lang, onDate: string): string {
  if (actor.startsWith("citizen:")) return lang === "zh" ? "群众（本人）" : "citizen";
  const inst = /^inst:([^/]+)\//.exec(actor);
  if (inst?.[1]) return institutionName(inst[1], policy, lang, onDate);
  if (actor.startsWith("staff:") || actor.startsWith("reg:"))
    return lang === "zh" ? "监管 / 平台工作人员" : "regulator or platform staff";
  if (actor === "system" || actor.startsWith("system")) return lang === "zh" ? "系统" : "system";
  return actor;
}
