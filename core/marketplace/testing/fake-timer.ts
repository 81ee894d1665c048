import type { Deadline, Timer } from "../marketplace.ports.ts";
import type { FixedClock } from "./fake-adapters.ts";

interface Armed {
  readonly due: number;
  readonly controller: AbortController;
  readonly expire: () => void;
  cancelled: boolean;
}

/**
 * A Timer for core tests: time moves only when the test calls `advance(ms)` (and the FixedClock
 * given, if any, moves with it), so a budget runs out exactly when the test says — never by the
 * machine being slow.
 */
export class FakeTimer implements Timer {
  readonly #clock: FixedClock | undefined;
  #now = 0;
  #armed: Armed[] = [];
  #waiting: (() => void)[] = [];

  constructor(clock?: FixedClock) {
    this.#clock = clock;
  }

  deadline(ms: number): Deadline {
    const controller = new AbortController();
    let expire: () => void = () => {};
    const expired = new Promise<void>((resolve) => {
      expire = resolve;
    });
    const armed: Armed = { due: this.#now + Math.max(0, ms), controller, expire, cancelled: false };
    this.#armed.push(armed);
    for (const w of this.#waiting.splice(0)) w();
    return {
      signal: controller.signal,
      expired,
      cancel: () => {
        armed.cancelled = true;
      },
    };
  }

  /** Deadlines armed and neither expired nor cancelled. */
  get pending(): number {
    return this.#armed.filter((a) => !a.cancelled).length;
  }

  /** Resolves once a deadline is pending (at once if one already is). */
  async armed(): Promise<void> {
    if (this.pending > 0) return;
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Moves time on by `ms`: every pending deadline then due aborts its signal and expires. */
  advance(ms: number): void {
    this.#now += ms;
    this.#clock?.advanceMs(ms);
    const due = this.#armed.filter((a) => !a.cancelled && a.due <= this.#now);
    this.#armed = this.#armed.filter((a) => !a.cancelled && a.due > this.#now);
    for (const a of due) {
      a.expire();
      a.controller.abort();
    }
  }
}
