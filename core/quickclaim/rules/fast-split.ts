import { DomainError, type Fen, splitByWeights } from "../../kernel/mod.ts";

/** Beyond this, total × Σweights may lose precision in a double: use the kernel's bigint split. */
const FAST_LIMIT = 2 ** 52;
const rems: number[] = [];

/**
 * The kernel's `splitByWeights` (largest remainder, ties to the lower index) for a
 * non-negative `total`, written into `out[offset + i]` without allocating: the payout rules run
 * a million times a second. Falls back to the kernel when the numbers get large; a property
 * test holds it equal to the kernel.
 */
export function splitInto(total: Fen, weights: ArrayLike<number>, n: number, out: number[], offset = 0): void {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  if (sum <= 0 || total < 0 || !Number.isSafeInteger(total)) {
    throw new DomainError("a split needs a non-negative amount and positive weights", {
      ruleId: "KRN-R01",
      field: "weights",
    });
  }
  if (total * sum > FAST_LIMIT) {
    const parts = splitByWeights(
      total,
      Array.from({ length: n }, (_x, i) => weights[i] as number),
    );
    for (let i = 0; i < n; i++) out[offset + i] = parts[i] as number;
    return;
  }
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = total * (weights[i] as number);
    let q = Math.floor(p / sum);
    if (q * sum > p) q -= 1;
    out[offset + i] = q;
    rems[i] = p - q * sum;
    given += q;
  }
  for (let left = total - given; left > 0; left--) {
    let best = -1;
    let bestRem = -1;
    for (let i = 0; i < n; i++) {
      const r = rems[i] as number;
      if (r > bestRem) {
        bestRem = r;
        best = i;
      }
    }
    out[offset + best] = (out[offset + best] as number) + 1;
    rems[best] = -1;
  }
}
