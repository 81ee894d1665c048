import type { CoverLookup, Insurer, InsurerAcceptanceAnswer, PayoutLine } from "../../core/quickclaim/mod.ts";
import type { SimulatedInsurer } from "./simulated-insurer.ts";

/**
 * The Insurer port over several companies: every call names its insurer and goes to that
 * company's simulator. An insurer the region does not know is an adapter failure (the use case
 * turns it into "waiting for the insurer", KRN-R10).
 */
export class RoutingInsurer implements Insurer {
  readonly #byId: ReadonlyMap<string, SimulatedInsurer>;

  constructor(insurers: readonly SimulatedInsurer[]) {
    this.#byId = new Map(insurers.map((i) => [i.id, i]));
  }

  company(insurerId: string): SimulatedInsurer {
    const found = this.#byId.get(insurerId);
    if (!found) throw new Error(`insurer ${insurerId} is not connected in this region`);
    return found;
  }

  async lookupCover(q: {
    readonly insurerId: string;
    readonly plate: string;
    readonly compulsoryPolicyNo: string;
    readonly commercialPolicyNo: string | null;
    readonly date: string;
  }): Promise<CoverLookup> {
    return this.company(q.insurerId).lookupCover(q);
  }

  async acceptClaim(req: {
    readonly insurerId: string;
    readonly claimId: string;
    readonly caseId: string;
    readonly lines: readonly PayoutLine[];
    readonly amountFen: number;
  }): Promise<InsurerAcceptanceAnswer> {
    return this.company(req.insurerId).acceptClaim(req);
  }

  async confirmPayout(req: {
    readonly insurerId: string;
    readonly claimId: string;
    readonly requestId: string;
    readonly amountFen: number;
    readonly paidAt: string;
  }): Promise<void> {
    return this.company(req.insurerId).confirmPayout(req);
  }
}
