import { z } from "@hono/zod-openapi";
import { formatYuan, parseYuan } from "../../../core/kernel/mod.ts";

/**
 * KRN-R01 at the edge: amounts travel as yuan strings ("50000.00"), fen inside. A request's
 * yuan string is checked by shape here and converted exactly by the kernel's parseYuan.
 */
export const YuanIn = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, "a yuan amount such as 50000 or 50000.00 (at most two decimals)")
  .openapi({ example: "50000.00" });

export const YuanOut = z.string().openapi({ example: "50000.00", description: "yuan, two decimals" });

export function fen(yuan: string, field: string): number {
  return parseYuan(yuan, field);
}

export function yuan(amount: number): string {
  return formatYuan(amount);
}

export function yuanOrNull(amount: number | null): string | null {
  return amount === null ? null : formatYuan(amount);
}
