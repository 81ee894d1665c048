import { createHash } from "node:crypto";

/** Deterministic pseudo-random numbers for demo data (the same seed text, the same sequence). */
export class DemoRandom {
  readonly #seed: string;
  #n = 0;

  constructor(seed: string) {
    this.#seed = seed;
  }

  next(): number {
    return (
      createHash("sha256")
        .update(`${this.#seed}#${this.#n++}`)
        .digest()
        .readUInt32BE(0) /
      2 ** 32
    );
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}
