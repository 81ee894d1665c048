import type { CoverLookup, Insurer, InsurerAcceptanceAnswer, PayoutLine } from "../../core/quickclaim/mod.ts";
import type { Logger } from "../_framework/logger.ts";

/** One simulated insurance company's book and behaviour. */
export interface InsurerBook {
  readonly id: string;
  readonly name: string;
  /** Vehicles with known policies, by plate (any spelling: "闽J·8K627", "闽J8K627"). */
  readonly vehicles: readonly {
    readonly plate: string;
    readonly compulsoryPolicyNo: string;
    readonly commercialPolicyNo: string | null;
    readonly commercialLimitFen: number;
  }[];
  /** Unknown vehicles: a well-formed policy number given by the party is taken as in force. */
  readonly acceptDeclaredPolicies: boolean;
  /** Commercial third-party limit for declared (unknown) policies. */
  readonly declaredCommercialLimitFen: number;
  /** Claims above this amount are declined ("needs an on-site survey"); null: none. */
  readonly declineAboveFen: number | null;
}

const POLICY_NO = /^[A-Z0-9]{8,30}$/;
const plateKey = (plate: string) =>
  plate
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s·•・.-]/g, "");

function reference(insurerId: string, claimId: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${insurerId}/${claimId}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `${insurerId.toUpperCase()}-${h.toString(16).padStart(8, "0").toUpperCase()}`;
}

/**
 * SIMULATOR of one insurer (保险公司): policy lookup by plate from its book (or, when allowed,
 * the party's own well-formed policy numbers), claim acceptance keyed by claim id (asking again
 * gives the same answer and reference), and payout confirmations it records and logs.
 */
export class SimulatedInsurer implements Insurer {
  readonly #book: InsurerBook;
  readonly #logger: Logger;
  readonly #answers = new Map<string, InsurerAcceptanceAnswer>();
  readonly #confirmed = new Map<string, { readonly amountFen: number; readonly paidAt: string }>();

  constructor(book: InsurerBook, logger: Logger) {
    this.#book = book;
    this.#logger = logger;
  }

  get id(): string {
    return this.#book.id;
  }

  async lookupCover(q: {
    readonly plate: string;
    readonly compulsoryPolicyNo: string;
    readonly commercialPolicyNo: string | null;
  }): Promise<CoverLookup> {
    const id = this.#book.id;
    const known = this.#book.vehicles.find((x) => plateKey(x.plate) === plateKey(q.plate));
    if (known) {
      return {
        compulsory: { insurerId: id, policyNo: known.compulsoryPolicyNo },
        commercialThirdParty: known.commercialPolicyNo
          ? { insurerId: id, policyNo: known.commercialPolicyNo, limitFen: known.commercialLimitFen }
          : null,
      };
    }
    if (!this.#book.acceptDeclaredPolicies) return { compulsory: null, commercialThirdParty: null };
    const compulsory = POLICY_NO.test(q.compulsoryPolicyNo) ? { insurerId: id, policyNo: q.compulsoryPolicyNo } : null;
    const commercial =
      q.commercialPolicyNo !== null && POLICY_NO.test(q.commercialPolicyNo)
        ? { insurerId: id, policyNo: q.commercialPolicyNo, limitFen: this.#book.declaredCommercialLimitFen }
        : null;
    return { compulsory, commercialThirdParty: commercial };
  }

  async acceptClaim(req: {
    readonly claimId: string;
    readonly lines: readonly PayoutLine[];
    readonly amountFen: number;
  }): Promise<InsurerAcceptanceAnswer> {
    const seen = this.#answers.get(req.claimId);
    if (seen) return seen;
    const limit = this.#book.declineAboveFen;
    const answer: InsurerAcceptanceAnswer =
      limit !== null && req.amountFen > limit
        ? { accepted: false, reason: `${this.#book.name}: amount above ${limit} fen needs an on-site survey` }
        : { accepted: true, reference: reference(this.#book.id, req.claimId) };
    this.#answers.set(req.claimId, answer);
    return answer;
  }

  async confirmPayout(req: {
    readonly claimId: string;
    readonly requestId: string;
    readonly amountFen: number;
    readonly paidAt: string;
  }): Promise<void> {
    if (this.#confirmed.has(req.claimId)) return;
    this.#confirmed.set(req.claimId, { amountFen: req.amountFen, paidAt: req.paidAt });
    this.#logger.info("insurer simulator: payout confirmed", {
      insurerId: this.#book.id,
      claimId: req.claimId,
      requestId: req.requestId,
      amountFen: req.amountFen,
    });
  }

  /** Payouts this insurer was told about, by claim id. */
  confirmations(): ReadonlyMap<string, { readonly amountFen: number; readonly paidAt: string }> {
    return new Map(this.#confirmed);
  }
}
