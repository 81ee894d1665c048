import type { AppraisalReport, AppraisalRequest, Appraiser } from "../../core/factors/mod.ts";
import { businessDateOf, type Clock, mulRatio } from "../../core/kernel/mod.ts";
import { stableHash } from "../factors-sim-support/stable-hash.ts";

/**
 * SIMULATOR of a licensed appraiser (FAC-R04): values each factor of the unit at its configured
 * unit price × quantity, times a market factor, and names its report by a hash of the unit — the
 * same unit appraised twice gets the same value and report number.
 */
export class SimulatedAppraiser implements Appraiser {
  readonly #id: string;
  readonly #prices: Readonly<Record<string, number>>;
  readonly #marketBp: number;
  readonly #offline: boolean;
  readonly #clock: Clock;
  readonly requests: AppraisalRequest[] = [];

  constructor(
    o: { appraiserId: string; unitPricesFen: Record<string, number>; marketBp: number; offline: boolean },
    clock: Clock,
  ) {
    this.#id = o.appraiserId;
    this.#prices = o.unitPricesFen;
    this.#marketBp = o.marketBp;
    this.#offline = o.offline;
    this.#clock = clock;
  }

  async appraise(request: AppraisalRequest): Promise<AppraisalReport> {
    this.requests.push(request);
    if (this.#offline) throw new Error("the appraiser's system is offline");
    let value = 0;
    for (const f of request.factors) {
      const price = this.#prices[f.typeCode];
      if (price === undefined) throw new Error(`the appraiser does not value factors of type ${f.typeCode}`);
      value += mulRatio(price, f.quantity.milli, 1000);
    }
    const ids = request.factors.map((f) => f.id).join(",");
    return {
      appraiserId: this.#id,
      value: mulRatio(value, this.#marketBp, 10_000),
      reportRef: `PG-${request.countyCode}-${stableHash(`${request.unitId}|${ids}`).toUpperCase()}`,
      valuedOn: businessDateOf(this.#clock.now()),
    };
  }
}
