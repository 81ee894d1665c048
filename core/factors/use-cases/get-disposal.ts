import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import { canSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { type PublicFactor, publicFactor } from "./support/public-factor.ts";
import { type DisposalView, disposalView } from "./support/views.ts";

export const getDisposalInput = v.object({ disposalId: id("disposalId") });

export interface DisposalDetail {
  /** For the public (a listing open for bids) the buy-out and distribution are left out. */
  readonly disposal: DisposalView;
  readonly factors: readonly PublicFactor[];
  /** The caller may see the collateral (holder, bank, guarantor, insurer, company, regulator). */
  readonly party: boolean;
  /** The caller acts for the disposing bank. */
  readonly bank: boolean;
}

/**
 * FAC-R07/R08 a disposal. Its parties see everything, including the 优先受偿 distribution; a
 * disposal by public listing is a public notice, which anyone signed in may read and bid on.
 * Anything else reads "not found" (KRN-R06).
 */
export async function getDisposal(deps: FactorsDeps, principal: Principal, input: unknown): Promise<DisposalDetail> {
  const i = parseInput(getDisposalInput, input);
  return deps.uow.run(async (tx) => {
    const disposal = await tx.disposals.get(deps.regionCode, i.disposalId);
    if (!disposal) throw notFound("disposal", "disposalId");
    const factors = await tx.factors.getMany(deps.regionCode, [...disposal.factorIds].sort());
    const party = factors.some((f) => canSeeFactor(principal, f));
    if (!party && disposal.channel !== "listing") throw notFound("disposal", "disposalId");
    const view = disposalView(disposal);
    const byId = new Map(factors.map((f) => [f.id, f]));
    return {
      disposal: party ? view : { ...view, buyOut: null, distribution: null, costs: null },
      factors: disposal.factorIds.flatMap((fid) => {
        const f = byId.get(fid);
        return f ? [publicFactor(f)] : [];
      }),
      party,
      bank: principal.institutionId !== undefined && principal.institutionId === disposal.bankId && party,
    };
  });
}
