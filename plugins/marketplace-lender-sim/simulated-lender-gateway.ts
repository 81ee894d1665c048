import { createHash } from "node:crypto";
import type { LenderDecision, LenderDecisionRequest, LenderGateway } from "../../core/marketplace/mod.ts";
import { type Grade, score } from "./scorecard.ts";

export interface LenderSimOptions {
  /** Simulated decision time; 0 answers at once (the bench's zero-latency bank). */
  readonly latencyMs: number;
  /** Institutions whose decision service this simulates ("*" = every direct-connect one). */
  readonly institutions: readonly string[] | "*";
  /** Institutions whose simulated service hangs, so their applications fall back (MKT-R06 demo). */
  readonly hangingInstitutions: readonly string[];
  /** Annual rate offered per grade, basis points. */
  readonly rateBp: Readonly<Record<Grade, number>>;
  /** Share of the requested amount granted per grade, percent. */
  readonly grantPercent: Readonly<Record<Grade, number>>;
}

const GRANT_STEP = 10_000; // grants are whole hundreds of yuan

function aborted(): Error {
  const e = new Error("the decision request was cancelled");
  e.name = "AbortError";
  return e;
}

/**
 * SIMULATOR of a direct-connect institution's decision service (秒批): scores the pushed,
 * minimised data with a scorecard (scorecard.ts) and approves a share of the requested amount
 * at the grade's rate for the requested term, rejects, or refers to a person. The same
 * application id always gets the same answer and reference (a retry is the same request).
 * Stops at once when the core's signal aborts.
 */
export class SimulatedLenderGateway implements LenderGateway {
  readonly #o: LenderSimOptions;

  constructor(options: LenderSimOptions) {
    this.#o = options;
  }

  /** The institutions whose decision service this simulates ("*": every direct-connect one). */
  servedInstitutions(): "*" | readonly string[] {
    return this.#o.institutions;
  }

  async requestDecision(
    request: LenderDecisionRequest,
    options: { readonly signal: AbortSignal; readonly budgetMs: number },
  ): Promise<LenderDecision> {
    const { signal } = options;
    if (signal.aborted) throw aborted();
    const served = this.#o.institutions === "*" || this.#o.institutions.includes(request.institutionId);
    if (!served) throw new Error(`institution ${request.institutionId} has no direct connection in this simulator`);
    if (this.#o.hangingInstitutions.includes(request.institutionId)) {
      return new Promise((_resolve, reject) =>
        signal.addEventListener("abort", () => reject(aborted()), { once: true }),
      );
    }
    if (this.#o.latencyMs > 0) await wait(this.#o.latencyMs, signal);
    return this.#decide(request);
  }

  #decide(request: LenderDecisionRequest): LenderDecision {
    const digest = createHash("sha256").update(request.applicationId).digest("hex").slice(0, 12).toUpperCase();
    const reference = `SIM-${request.institutionId}-${digest}`;
    const outcome = score(request.push.records, request.firstLoan);
    if (outcome.kind === "refer") return { decision: "referred", reason: outcome.reason, reference };
    if (outcome.kind === "reject") return { decision: "rejected", reason: outcome.reason, reference };
    const share = Math.floor((request.amountRequested * this.#o.grantPercent[outcome.grade]) / 100);
    const rounded = Math.floor(share / GRANT_STEP) * GRANT_STEP;
    const amountGranted = Math.min(
      request.amountRequested,
      Math.max(rounded, Math.min(GRANT_STEP, request.amountRequested)),
    );
    return {
      decision: "approved",
      amountGranted,
      rateBp: this.#o.rateBp[outcome.grade],
      termMonths: request.termMonths,
      reference,
    };
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
