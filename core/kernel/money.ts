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

/** amount × numerator / denominator, rounded half-up to the fen. */
export function mulRatio(amount: Fen, numerator: number | bigint, denominator: number | bigint): Fen {
  return Number(divRoundHalfUp(BigInt(amount) * BigInt(numerator), BigInt(denominator)));
}

/**
 * Splits `total` fen by integer `weights` (e.g. basis points) with the largest-remainder method.
 * The parts always add back to `total` exactly. Ties in the remainder go to the lower index, so a
 * caller lists the party that should win ties first.
 */
export function splitByWeights(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, "total");
  if (weights.length === 0) throw new DomainError("no parts to split into", { ruleId: "KRN-R01", field: "weights" });
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new DomainError("split weights must be non-negative integers", { ruleId: "KRN-R01", field: "weights" });
    }
    sum += BigInt(w);
  }
  if (sum === 0n) throw new DomainError("split weights add to zero", { ruleId: "KRN-R01", field: "weights" });
  const sign = total < 0 ? -1n : 1n;
  const t = BigInt(total) * sign;
  const parts: bigint[] = [];
  const rems: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const p = t * BigInt(w);
    const q = p / sum;
    parts.push(q);
    rems.push(p % sum);
    given += q;
  }
  let left = t - given;
  if (left > 0n) {
    const order = rems
      .map((_r, i) => i)
      .sort((a, b) => {
        const ra = rems[a] as bigint;
        const rb = rems[b] as bigint;
        return ra === rb ? a - b : ra > rb ? -1 : 1;
      });
    for (const i of order) {
      if (left === 0n) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left -= 1n;
    }
  }
  return parts.map((p) => Number(p * sign));
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
  return m[1] ? -fen : fen;
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

/** Adds fen amounts, refusing to leave the safe-integer range. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let s = 0;
  for (const a of amounts) s += a;
  return assertFen(s, "sum");
}
