import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { type PublicFactor, type PublicNotice, publicFactor, publicNotice } from "./support/public-factor.ts";
import { type DisposalView, disposalView, listingView, type TransferListingView } from "./support/views.ts";

export const listMarketInput = v.object({
  countyCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/, "countyCode is a 6-digit code"))), null),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
});

export interface Market {
  /** FAC-R10 open transfer listings (lease or sale). */
  readonly transfers: readonly TransferListingView[];
  /** FAC-R08 disposals by public listing still taking bids. */
  readonly disposals: readonly DisposalView[];
  /** FAC-R11 the credit products on offer. */
  readonly products: readonly CreditProduct[];
  /** FAC-R02 factors on public notice or disputed: anyone may object while the notice runs. */
  readonly notices: readonly PublicNotice[];
  /** The listed factors of the transfers and disposals, as a public notice shows them, by id. */
  readonly listed: Readonly<Record<string, PublicFactor>>;
}

/**
 * The public side of the platform (流转交易市场): factors on public notice (公示), open transfer
 * listings, disposal listings and the credit products on offer. Listings are public notices, so any signed-in person may read
 * them; bidders' names are masked and their identities never leave the core.
 */
export async function listMarket(deps: FactorsDeps, _principal: Principal, input: unknown = {}): Promise<Market> {
  const i = parseInput(listMarketInput, input);
  const scope = {
    regionCode: deps.regionCode,
    countyCodes: i.countyCode === null ? null : [i.countyCode],
    limit: i.limit,
  };
  const [transfers, disposals, products, notices] = await Promise.all([
    deps.queries.listings({ ...scope, statuses: ["open"] }),
    deps.queries.disposals({ ...scope, statuses: ["open"], channel: "listing" }),
    deps.queries.activeProducts(deps.regionCode),
    deps.queries.factors({ ...scope, statuses: ["PUBLICISED", "DISPUTED"] }),
  ]);
  const ids = [...new Set([...transfers, ...disposals].flatMap((x) => x.factorIds))].sort();
  const listed = ids.length === 0 ? [] : await deps.uow.run((tx) => tx.factors.getMany(deps.regionCode, ids));
  return {
    listed: Object.fromEntries(listed.map((f) => [f.id, publicFactor(f)])),
    transfers: transfers.map(listingView),
    disposals: disposals.map(disposalView),
    products,
    notices: notices.map(publicNotice),
  };
}
