import { DomainError } from "./errors.ts";

/**
 * KRN-R01 money. An amount is a safe integer number of fen (分). No float ever holds money:
 * every operation here works on integers (bigint where a product could pass 2^53).
 */
export type Fen = number;

export const MAX_FEN: Fen = Number.MAX_SAFE_INTEGER;

export function isFen(v: unknown): v is Fen {
  return typeof v === "number" && Number.isSafeInteger(v);
}

export function assertFen(v: unknown, field = "amount"): Fen {
  if (!isFen(v)) {
    throw new DomainError(`${field} must be a whole number of fen`, { ruleId: "KRN-R01", field });
  }
  return v;
}

/** Integer division of a / b rounded half-up (away from zero on .5), b > 0. */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError("divisor must be positive");
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return neg ? -q : q;
}

/**
 * amount × numerator / denominator, rounded half-up to the fen (a half fen goes away from zero).
 * The product is exact (bigint) however large the factors.
 */
export function mulRatio(amount: Fen, numerator: number | bigint, denominator: number | bigint): Fen {
  assertFen(amount);
  const n = toBigInt(numerator, "numerator");
  const d = toBigInt(denominator, "denominator");
  if (d <= 0n)
    throw new DomainError("a ratio needs a positive denominator", { ruleId: "KRN-R01", field: "denominator" });
  const result = Number(divRoundHalfUp(BigInt(amount) * n, d));
  return assertFen(result, "result");
}

function toBigInt(x: number | bigint, field: string): bigint {
  if (typeof x === "bigint") return x;
  if (!Number.isSafeInteger(x)) throw new DomainError(`${field} must be a whole number`, { ruleId: "KRN-R01", field });
  return BigInt(x);
}

function splitError(message: string): DomainError {
  return new DomainError(message, { ruleId: "KRN-R01", field: "weights" });
}

/**
 * Splits `total` fen by integer `weights` (e.g. basis points) with the largest-remainder method.
 * The parts always add back to `total` exactly; a part with weight 0 gets nothing; each part is
 * within one fen of its exact share. Ties in the remainder go to the lower index, so a caller
 * lists the party that should win ties first. A negative total splits like its absolute value,
 * with every part negated.
 */
export function splitByWeights(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, "total");
  const n = weights.length;
  if (n === 0) throw splitError("no parts to split into");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!Number.isSafeInteger(w) || w < 0) throw splitError("split weights must be non-negative integers");
    sum += w;
  }
  if (sum === 0) throw splitError("split weights add to zero");
  const neg = total < 0;
  const t = neg ? -total : total;
  // Fast path: every product t·w ≤ t·sum stays an exact double, so % and / are exact.
  const parts =
    Number.isSafeInteger(sum) && t * sum <= Number.MAX_SAFE_INTEGER
      ? splitSmall(t, weights, sum)
      : splitBig(t, weights);
  if (neg) for (let i = 0; i < n; i++) if (parts[i] !== 0) parts[i] = -(parts[i] as number);
  return parts;
}

function splitSmall(t: number, weights: readonly number[], sum: number): number[] {
  const n = weights.length;
  const parts = new Array<number>(n);
  const rems = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = t * (weights[i] as number);
    const r = p % sum;
    const q = (p - r) / sum;
    parts[i] = q;
    rems[i] = r;
    given += q;
  }
  giveLeftover(parts, rems, t - given);
  return parts;
}

function splitBig(t: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0n;
  for (let i = 0; i < n; i++) sum += BigInt(weights[i] as number);
  const bt = BigInt(t);
  const parts = new Array<number>(n);
  const rems = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const p = bt * BigInt(weights[i] as number);
    const q = p / sum;
    parts[i] = Number(q);
    rems[i] = p % sum;
    given += q;
  }
  giveLeftover(parts, rems, Number(bt - given));
  return parts;
}

/** Gives the `left` (< parts) leftover fen, one each, to the largest remainders, lower index first. */
function giveLeftover<R extends number | bigint>(parts: number[], rems: R[], left: number): void {
  if (left <= 0) return;
  const n = parts.length;
  if (n <= 32) {
    // Few parties: pick the largest remaining remainder each time (strict > keeps the lower index
    // on ties) and retire it; `left` is below n, so this is at most n² steps.
    const retired = (typeof rems[0] === "bigint" ? -1n : -1) as R;
    for (; left > 0; left--) {
      let best = 0;
      for (let i = 1; i < n; i++) if ((rems[i] as R) > (rems[best] as R)) best = i;
      rems[best] = retired;
      parts[best] = (parts[best] as number) + 1;
    }
    return;
  }
  const order = Array.from({ length: n }, (_v, i) => i).sort((a, b) => {
    const ra = rems[a] as R;
    const rb = rems[b] as R;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (let k = 0; k < left; k++) {
    const i = order[k] as number;
    parts[i] = (parts[i] as number) + 1;
  }
}

const YUAN_RE = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses a yuan string such as "1234.56" (at most two decimals) into fen. */
export function parseYuan(text: string, field = "amount"): Fen {
  const m = YUAN_RE.exec(text.trim());
  if (!m) {
    throw new DomainError(`${field} must be a yuan amount with at most two decimals, e.g. "1234.56"`, {
      ruleId: "KRN-R01",
      field,
    });
  }
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] && fen !== 0 ? -fen : fen;
}

/** Formats fen as a yuan string with two decimals: 123456 → "1234.56". */
export function formatYuan(fen: Fen): string {
  assertFen(fen);
  const neg = fen < 0;
  const abs = neg ? -fen : fen;
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${neg ? "-" : ""}${yuan}.${cents < 10 ? "0" : ""}${cents}`;
}

/** Adds fen amounts, refusing to leave the safe-integer range at any step. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let s = 0;
  for (let i = 0; i < amounts.length; i++) {
    s += assertFen(amounts[i], `amounts[${i}]`);
    if (!Number.isSafeInteger(s)) {
      throw new DomainError("the sum exceeds the largest amount", { ruleId: "KRN-R01", field: "sum" });
    }
  }
  return s;
}
