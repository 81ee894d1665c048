import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { PaymentOutcome } from "../../core/quickclaim/mod.ts";

/** One order as the simulated bank keeps it: no full card number (masked, C2 stays home). */
export interface LedgerEntry {
  readonly requestId: string;
  readonly amountFen: number;
  readonly payeeCard: string;
  readonly outcome: PaymentOutcome;
  readonly at: string;
}

/**
 * The simulated gateway's book of orders. With a file it is an append-only JSON-lines journal
 * (fsync'd on every append) that survives the process: a process killed after the bank executed
 * an order finds the order again when it restarts, which is what makes a re-sent key pay nothing
 * twice. The last line for a request id wins (a pending order settling appends a new line).
 * Without a file it lives in memory.
 */
export class PaymentLedger {
  readonly #file: string | null;
  readonly #orders = new Map<string, LedgerEntry>();
  #loadedBytes = 0;

  constructor(file: string | null) {
    this.#file = file;
    if (file !== null) mkdirSync(dirname(file), { recursive: true });
    this.refresh();
  }

  get file(): string | null {
    return this.#file;
  }

  /** Reads lines another process appended since the last read. */
  refresh(): void {
    if (this.#file === null) return;
    let size: number;
    try {
      size = statSync(this.#file).size;
    } catch {
      return;
    }
    if (size === this.#loadedBytes) return;
    const text = readFileSync(this.#file, "utf8");
    const end = text.lastIndexOf("\n") + 1;
    for (const line of text.slice(0, end).split("\n")) {
      if (line.trim() === "") continue;
      const entry = JSON.parse(line) as LedgerEntry;
      this.#orders.set(entry.requestId, entry);
    }
    this.#loadedBytes = Buffer.byteLength(text.slice(0, end), "utf8");
  }

  get(requestId: string): LedgerEntry | undefined {
    return this.#orders.get(requestId);
  }

  record(entry: LedgerEntry): void {
    if (this.#file !== null) {
      const line = `${JSON.stringify(entry)}\n`;
      const fd = openSync(this.#file, "a");
      try {
        appendFileSync(fd, line);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.#loadedBytes += Buffer.byteLength(line, "utf8");
    }
    this.#orders.set(entry.requestId, entry);
  }

  entries(): LedgerEntry[] {
    return [...this.#orders.values()];
  }
}

/** Reads a ledger file (tests, reconciliation by a person): the last entry per request id. */
export function readPaymentLedger(file: string): LedgerEntry[] {
  return new PaymentLedger(file).entries();
}
