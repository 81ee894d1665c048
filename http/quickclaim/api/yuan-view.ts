import { formatYuan } from "../../../core/kernel/mod.ts";

/** Replaces "…Fen" in a key by "…Yuan" ("payoutFen" → "payoutYuan", "limitFen" → "limitYuan"). */
function yuanKey(key: string): string {
  return `${key.slice(0, -3)}Yuan`;
}

/**
 * The wire form of a core value (KRN-R01: fen inside, yuan strings at the edge): every property
 * whose name ends in "Fen" and holds a whole number of fen becomes the same name ending in
 * "Yuan" with a two-decimal yuan string; nested objects and arrays are converted too.
 */
export function yuanView(value: unknown): any {
  if (Array.isArray(value)) return value.map(yuanView);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith("Fen") && k.length > 3 && (typeof v === "number" || v === null)) {
      out[yuanKey(k)] = v === null ? null : formatYuan(v);
    } else {
      out[k] = yuanView(v);
    }
  }
  return out;
}
