import type { BuyOutOffer, BuyOutRequest, CollectionCompany } from "../../core/factors/mod.ts";
import { mulRatio } from "../../core/kernel/mod.ts";
import { stableHash } from "../factors-sim-support/stable-hash.ts";

export interface SimCompany {
  readonly institutionId: string;
  readonly countyCode: string;
  readonly name: string;
  readonly offerBp: number;
  readonly offline: boolean;
}

/**
 * SIMULATOR of the counties' asset collection-storage companies (资产收储公司, FAC-R08): each
 * offers its configured share of the current valuation for the collateral of a disposal. The
 * same disposal asked again gets the same offer and reference. A company that is not connected,
 * or asked about another county's collateral, does not answer.
 */
export class SimulatedCollectionCompanies implements CollectionCompany {
  readonly #byId: ReadonlyMap<string, SimCompany>;
  readonly requests: BuyOutRequest[] = [];

  constructor(companies: readonly SimCompany[]) {
    this.#byId = new Map(companies.map((c) => [c.institutionId, c]));
  }

  async requestBuyOut(r: BuyOutRequest): Promise<BuyOutOffer> {
    this.requests.push(r);
    const c = this.#byId.get(r.companyId);
    if (!c) throw new Error(`collection company ${r.companyId} is not connected`);
    if (c.countyCode !== r.countyCode) throw new Error(`${c.name} buys only in county ${c.countyCode}`);
    if (c.offline) throw new Error(`${c.name} is offline`);
    return {
      offer: mulRatio(r.valuationValue, c.offerBp, 10_000),
      offerRef: `SC-${c.countyCode}-${stableHash(`${r.companyId}|${r.disposalId}`).toUpperCase()}`,
    };
  }

  companies(): readonly SimCompany[] {
    return [...this.#byId.values()];
  }
}
