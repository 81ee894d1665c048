import { z } from "@hono/zod-openapi";
import { type Fen, formatYuan, parseYuan } from "../../../core/kernel/mod.ts";

/** KRN-R01 at the edge: yuan strings in and out, fen inside. */
export const YuanString = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, "a yuan amount with at most two decimals, e.g. 120000.00")
  .openapi({ example: "120000.00" });

/** A yuan string to fen (the shape is already checked by YuanString; the core checks the range). */
export function fenOf(text: string, field: string): Fen {
  return parseYuan(text, field);
}

export function fenOfOptional(text: string | undefined, field: string): Fen | undefined {
  return text === undefined ? undefined : parseYuan(text, field);
}

export function yuan(fen: Fen): string {
  return formatYuan(fen);
}

export function yuanOrNull(fen: Fen | null | undefined): string | null {
  return fen === null || fen === undefined ? null : formatYuan(fen);
}

/** Keys of event data and distributions that hold fen (converted to "<key>Yuan" on the wire). */
const MONEY_KEYS = new Set([
  "value",
  "amount",
  "securedAmount",
  "price",
  "reservePrice",
  "proceeds",
  "costs",
  "principal",
  "interest",
  "remainder",
  "unpaid",
  "paid",
  "loss",
  "shortfall",
  "holder",
]);

/**
 * Free-form records of the core (event data, the disposal's distribution) on the wire: every
 * number under a money key becomes "<key>Yuan" with a yuan string ("…Fen" keys become "…Yuan",
 * lists of fen too); everything else is kept.
 */
export function moneyKeysToYuan(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(moneyKeysToYuan);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const fenKey = k.endsWith("Fen") && k.length > 3;
    const name = fenKey ? `${k.slice(0, -3)}Yuan` : `${k}Yuan`;
    if ((MONEY_KEYS.has(k) || fenKey) && typeof v === "number" && Number.isSafeInteger(v)) out[name] = formatYuan(v);
    else if (fenKey && Array.isArray(v) && v.every((x) => Number.isSafeInteger(x)))
      out[name] = v.map((x) => formatYuan(x));
    else out[k] = moneyKeysToYuan(v);
  }
  return out;
}

/** A principal id as shown to others: a citizen's id carries a blind index, so only "citizen" is shown. */
export function publicActor(actor: string): string {
  return actor.startsWith("citizen:") ? "citizen" : actor;
}
