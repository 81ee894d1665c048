import { createHash } from "node:crypto";

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

  /** A number in [0, 1). */
  next(): number {
    const digest = createHash("sha256")
      .update(`${this.#seed}#${this.#n++}`)
      .digest();
    return digest.readUInt32BE(0) / 2 ** 32;
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
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
