import type { LenderDecision, LenderDecisionRequest, LenderGateway } from "../../core/marketplace/mod.ts";

/**
 * The region's `LenderGateway` (marketplace.LenderGateway) as a directory of per-institution
 * gateways, keyed by institution id. The marketplace core holds one gateway per region and names
 * the institution in every request (`request.institutionId`); the directory hands the request to
 * that institution's connection. An institution without a connection fails the call, which the
 * core records as a failure and falls back to the manual queue (MKT-R06), counted against it.
 */
export class LenderDirectory implements LenderGateway {
  readonly #byInstitution = new Map<string, LenderGateway>();

  constructor(entries: Iterable<readonly [institutionId: string, gateway: LenderGateway]>) {
    for (const [id, gateway] of entries) {
      if (this.#byInstitution.has(id)) throw new Error(`institution ${id} has two lender connections`);
      this.#byInstitution.set(id, gateway);
    }
  }

  has(institutionId: string): boolean {
    return this.#byInstitution.has(institutionId);
  }

  institutionIds(): string[] {
    return [...this.#byInstitution.keys()].sort();
  }

  /** The institutions connected here (a region may combine this with other connections). */
  servedInstitutions(): readonly string[] {
    return this.institutionIds();
  }

  /** The connection of one institution, or undefined. */
  gatewayFor(institutionId: string): LenderGateway | undefined {
    return this.#byInstitution.get(institutionId);
  }

  async requestDecision(
    request: LenderDecisionRequest,
    options: { readonly signal: AbortSignal; readonly budgetMs: number },
  ): Promise<LenderDecision> {
    const gateway = this.#byInstitution.get(request.institutionId);
    if (!gateway) {
      throw new Error(`institution ${request.institutionId} has no direct connection in this region`);
    }
    return gateway.requestDecision(request, options);
  }
}
