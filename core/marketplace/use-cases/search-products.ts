import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import { codeSchema } from "../domain/credit-data.ts";
import { CATALOGUE_RULE, channelSchema, type Product, productTypeSchema, segmentSchema } from "../domain/product.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { fenSchema, idSchema, monthsSchema, pageSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";

/**
 * The product marketplace with its filters and special-action columns. Open to anyone, signed
 * in or not: browsing never needs a consent (MKT-R01).
 */
export const searchProductsInput = v.strictObject({
  type: v.optional(productTypeSchema),
  segment: v.optional(segmentSchema),
  specialAction: v.optional(codeSchema),
  institutionId: v.optional(idSchema),
  channel: v.optional(channelSchema),
  amount: v.optional(fenSchema),
  termMonths: v.optional(monthsSchema),
  text: v.optional(v.pipe(v.string(), v.maxLength(100))),
  ...pageSchema,
});

export class SearchProducts {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, _principal?: Principal): Promise<{ items: Product[]; total: number }> {
    const q = parseInput(searchProductsInput, input ?? {}, CATALOGUE_RULE);
    const query = Object.fromEntries(Object.entries(q).filter(([, val]) => val !== undefined));
    return this.#deps.uow.run((tx) =>
      tx.products.search({ ...query, regionCode: this.#deps.regionCode, limit: q.limit, offset: q.offset }),
    );
  }
}
