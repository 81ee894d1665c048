import { maskBankCard } from "../../core/kernel/masking.ts";
import type { Clock } from "../../core/kernel/mod.ts";
import type { PaymentGateway, PaymentOrder, PaymentOutcome } from "../../core/quickclaim/mod.ts";
import type { Logger } from "../_framework/logger.ts";
import type { LedgerEntry, PaymentLedger } from "./payment-ledger.ts";

export interface PaymentSimOptions {
  /** Cards whose number ends with one of these are refused by the "bank" (a final failure). */
  readonly refuseCardsEndingWith: readonly string[];
  /** New orders answer "pending" first and settle when their status is next asked for. */
  readonly settleLater: boolean;
  readonly latencyMs: number;
}

/**
 * SIMULATOR of the payment gateway (代付). It honours the QC-R07 contract: an order executes at
 * most once per request id — a repeat returns the first outcome and moves no money — and a
 * "failed" answer is final. Orders are kept in a PaymentLedger (a journal file by default), so
 * the promise holds across a crash and restart of the platform process. Calls are serialised
 * within the process.
 */
export class SimulatedPaymentGateway implements PaymentGateway {
  readonly #ledger: PaymentLedger;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #o: PaymentSimOptions;
  #turn: Promise<unknown> = Promise.resolve();

  constructor(ledger: PaymentLedger, clock: Clock, logger: Logger, options: PaymentSimOptions) {
    this.#ledger = ledger;
    this.#clock = clock;
    this.#logger = logger;
    this.#o = options;
  }

  #serial<T>(fn: () => T): Promise<T> {
    const next = this.#turn.then(async () => {
      if (this.#o.latencyMs > 0) await new Promise((r) => setTimeout(r, this.#o.latencyMs));
      this.#ledger.refresh();
      return fn();
    });
    this.#turn = next.catch(() => {});
    return next;
  }

  #succeeded(requestId: string, amountFen: number): PaymentOutcome {
    return {
      status: "succeeded",
      gatewayRef: `SIMPAY-${requestId}`,
      amountFen,
      paidAt: this.#clock.now().toISOString(),
    };
  }

  pay(order: PaymentOrder): Promise<PaymentOutcome> {
    return this.#serial(() => {
      const seen = this.#ledger.get(order.requestId);
      if (seen) return seen.outcome;
      const refused = this.#o.refuseCardsEndingWith.some((s) => order.payee.cardNumber.endsWith(s));
      const outcome: PaymentOutcome = refused
        ? { status: "failed", reason: "the receiving bank refused the card (simulated)" }
        : this.#o.settleLater
          ? { status: "pending", gatewayRef: `SIMPAY-${order.requestId}` }
          : this.#succeeded(order.requestId, order.amountFen);
      const entry: LedgerEntry = {
        requestId: order.requestId,
        amountFen: order.amountFen,
        payeeCard: maskBankCard(order.payee.cardNumber),
        outcome,
        at: this.#clock.now().toISOString(),
      };
      this.#ledger.record(entry);
      this.#logger.info("payment simulator: order executed", {
        requestId: order.requestId,
        amountFen: order.amountFen,
        status: outcome.status,
      });
      return outcome;
    });
  }

  status(requestId: string): Promise<PaymentOutcome | { readonly status: "not_found" }> {
    return this.#serial(() => {
      const seen = this.#ledger.get(requestId);
      if (!seen) return { status: "not_found" as const };
      if (seen.outcome.status !== "pending") return seen.outcome;
      const settled = this.#succeeded(requestId, seen.amountFen);
      this.#ledger.record({ ...seen, outcome: settled, at: this.#clock.now().toISOString() });
      return settled;
    });
  }

  /** Money that moved: the succeeded orders. */
  transfers(): LedgerEntry[] {
    this.#ledger.refresh();
    return this.#ledger.entries().filter((e) => e.outcome.status === "succeeded");
  }
}
