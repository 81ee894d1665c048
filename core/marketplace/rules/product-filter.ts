import type { Fen } from "../../kernel/mod.ts";
import type { Channel, Product, ProductType, Segment } from "../domain/product.ts";

/**
 * Catalogue filters (product marketplace and special-action columns). Browsing needs no consent
 * (MKT-R01: consent cannot be a condition for browsing the catalogue).
 */
export interface ProductQuery {
  readonly regionCode: string;
  readonly type?: ProductType;
  readonly segment?: Segment;
  /** Special-action column code, e.g. "small-shop". */
  readonly specialAction?: string;
  readonly institutionId?: string;
  readonly channel?: Channel;
  /** Products whose amount range contains this amount. */
  readonly amount?: Fen;
  /** Products whose term range contains this many months. */
  readonly termMonths?: number;
  /** Case-insensitive part of the Chinese or English name. */
  readonly text?: string;
  /** Withdrawn products are left out unless asked for. */
  readonly includeWithdrawn?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export function matchesProductQuery(p: Product, q: ProductQuery): boolean {
  if (p.regionCode !== q.regionCode) return false;
  if (!q.includeWithdrawn && p.status !== "ACTIVE") return false;
  if (q.type !== undefined && p.type !== q.type) return false;
  if (q.segment !== undefined && !p.segments.includes(q.segment)) return false;
  if (q.specialAction !== undefined && !p.specialActions.includes(q.specialAction)) return false;
  if (q.institutionId !== undefined && p.institutionId !== q.institutionId) return false;
  if (q.channel !== undefined && p.channel !== q.channel) return false;
  if (q.amount !== undefined && (q.amount < p.amountMin || q.amount > p.amountMax)) return false;
  if (q.termMonths !== undefined && (q.termMonths < p.termMonthsMin || q.termMonths > p.termMonthsMax)) return false;
  if (q.text !== undefined && q.text.trim() !== "") {
    const t = q.text.trim().toLowerCase();
    if (!p.name.zh.toLowerCase().includes(t) && !p.name.en.toLowerCase().includes(t)) return false;
  }
  return true;
}

/** The page of matching products in catalogue order (by id), with the total count. */
export function searchProducts(products: readonly Product[], q: ProductQuery): { items: Product[]; total: number } {
  const all = products
    .filter((p) => matchesProductQuery(p, q))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}
