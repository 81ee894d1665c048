import * as crypto from "node:crypto";

/** SHA-256 hex of `text`: the one-shot `crypto.hash` (Node ≥ 20.12), else a Hash object. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * Deterministic "random" numbers for the simulators: the same seed text always gives the same
 * sequence, so a subject's simulated data never changes between calls, restarts or machines.
 */
export class Seeded {
  readonly #seed: string;
  #n = 0;

  constructor(...parts: readonly (string | number)[]) {
    this.#seed = parts.join("|");
  }

  /**
   * A number in [0, 1): the first 32 bits of SHA-256(`seed#n`). The one-shot `hash` (hex) gives
   * the same bits as a Hash object's digest at a fraction of the cost (no object per number),
   * so a subject's simulated data is unchanged and a zero-latency simulator stays cheap.
   */
  next(): number {
    return Number.parseInt(sha256Hex(`${this.#seed}#${this.#n++}`).slice(0, 8), 16) / 2 ** 32;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** A short deterministic hex tag of some text (references, certificate numbers). */
export function tag(text: string, length = 10): string {
  return sha256Hex(text).slice(0, length);
}
