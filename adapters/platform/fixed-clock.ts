import type { Clock } from "../../core/kernel/mod.ts";

/** A clock that stands still until told to move; for tests and replays. */
export class FixedClock implements Clock {
  #ms: number;

  constructor(start: Date | string | number) {
    this.#ms = FixedClock.#toMs(start);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Jumps to an instant. */
  set(at: Date | string | number): void {
    this.#ms = FixedClock.#toMs(at);
  }

  /** Moves forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`cannot advance the clock by ${ms}`);
    this.#ms += ms;
  }

  static #toMs(at: Date | string | number): number {
    const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
    return ms;
  }
}
