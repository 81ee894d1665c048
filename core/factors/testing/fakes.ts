import type { BlindIndexer, Clock, FieldCipher, IdGenerator } from "../../kernel/mod.ts";
import type {
  AppraisalReport,
  AppraisalRequest,
  Appraiser,
  BuyOutOffer,
  BuyOutRequest,
  CollectionCompany,
  RegistryQuery,
  RegistryRecord,
  RightsRegistry,
} from "../factors.ports.ts";

/** A clock tests set and move. */
export class FixedClock implements Clock {
  #now: Date;
  constructor(iso: string) {
    this.#now = new Date(iso);
  }
  now(): Date {
    return new Date(this.#now.getTime());
  }
  set(iso: string): void {
    this.#now = new Date(iso);
  }
  advanceDays(days: number): void {
    this.#now = new Date(this.#now.getTime() + days * 86_400_000);
  }
}

export class SequenceIds implements IdGenerator {
  #n = 0;
  next(prefix: string): string {
    this.#n++;
    return `${prefix}-${String(this.#n).padStart(4, "0")}`;
  }
}

/** Deterministic stand-ins: tests can compute the expected values. */
export const fakeBlindIndex: BlindIndexer = { index: (kind, value) => `bi:${kind}:${value.trim().toUpperCase()}` };
export const fakeCipher: FieldCipher = {
  encrypt: (p) => `enc:${[...p].reverse().join("")}`,
  decrypt: (c) => [...c.slice(4)].reverse().join(""),
};

/** A registry whose records tests put in, keyed by certificate number (or location for 无证 types). */
export class FakeRegistry implements RightsRegistry {
  readonly records = new Map<string, RegistryRecord>();
  readonly queries: RegistryQuery[] = [];
  down = false;

  static key(q: Pick<RegistryQuery, "certificateNo" | "location">): string {
    return q.certificateNo ?? q.location;
  }

  async lookup(query: RegistryQuery): Promise<RegistryRecord> {
    this.queries.push(query);
    if (this.down) throw new Error("registry timed out");
    return this.records.get(FakeRegistry.key(query)) ?? { status: "not_found" };
  }
}

export class FakeAppraiser implements Appraiser {
  readonly requests: AppraisalRequest[] = [];
  value = 0;
  down = false;
  async appraise(request: AppraisalRequest): Promise<AppraisalReport> {
    this.requests.push(request);
    if (this.down) throw new Error("appraiser unreachable");
    return { appraiserId: "nd-appraiser", value: this.value, reportRef: `RPT-${this.requests.length}`, valuedOn: "" };
  }
}

/** A collection company that offers a fixed share of the valuation (basis points). */
export class FakeCollectionCompany implements CollectionCompany {
  readonly requests: BuyOutRequest[] = [];
  offerBp = 7500;
  down = false;
  async requestBuyOut(request: BuyOutRequest): Promise<BuyOutOffer> {
    this.requests.push(request);
    if (this.down) throw new Error("company offline");
    return {
      offer: Math.floor((request.valuationValue * this.offerBp) / 10000),
      offerRef: `OFFER-${this.requests.length}`,
    };
  }
}
