import * as v from "valibot";
import { DomainError } from "./errors.ts";

/**
 * KRN-R02 rates. An annual rate is an exact non-negative rational number `numerator /
 * denominator` (a fraction of 1, reduced to lowest terms), built from basis points or an exact
 * decimal string. No float ever stands for a rate in money arithmetic.
 */
export interface Rate {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function rateError(message: string, field: string): DomainError {
  return new DomainError(message, { ruleId: "KRN-R02", field });
}

/** A reduced rate numerator/denominator; both must be integers, numerator ≥ 0, denominator > 0. */
export function rateOf(numerator: bigint, denominator: bigint, field = "rate"): Rate {
  if (numerator < 0n) throw rateError(`${field} must not be negative`, field);
  if (denominator <= 0n) throw rateError(`${field} needs a positive denominator`, field);
  const g = gcd(numerator, denominator);
  const d = g === 0n ? 1n : g;
  return Object.freeze({ numerator: numerator / d, denominator: denominator / d });
}

/** A rate given in basis points (1 bp = 0.01 % = 1/10000): 425 → 4.25 %. */
export function rateFromBasisPoints(basisPoints: number, field = "rate"): Rate {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw rateError(`${field} must be a whole, non-negative number of basis points`, field);
  }
  return rateOf(BigInt(basisPoints), 10_000n, field);
}

const RATE_RE = /^(\d{1,9})(?:\.(\d{1,12}))?\s*(%|‰|‱|bps?)?$/i;
const UNIT: Readonly<Record<string, bigint>> = { "": 1n, "%": 100n, "‰": 1000n, "‱": 10_000n, bp: 10_000n };

/**
 * Parses an exact rate: a percentage ("4.25%"), a decimal fraction ("0.0425"), per mille ("0.5‰"),
 * or basis points ("425bp", "425 bps", "425‱"). At most 12 decimals; no exponent, no sign.
 */
export function parseRate(text: string, field = "rate"): Rate {
  const m = typeof text === "string" ? RATE_RE.exec(text.trim()) : null;
  if (!m) {
    throw rateError(`${field} must be an exact rate such as "4.25%", "0.0425" or "425bp"`, field);
  }
  const frac = m[2] ?? "";
  const unitKey = (m[3] ?? "").toLowerCase().replace("bps", "bp");
  const unit = UNIT[unitKey] as bigint;
  return rateOf(BigInt(`${m[1]}${frac}`), 10n ** BigInt(frac.length) * unit, field);
}

/** The rate in whole basis points; throws when it is not a whole number of them (e.g. 1/3). */
export function rateToBasisPoints(rate: Rate, field = "rate"): number {
  const scaled = rate.numerator * 10_000n;
  if (scaled % rate.denominator !== 0n) throw rateError(`${field} is not a whole number of basis points`, field);
  return Number(scaled / rate.denominator);
}

/**
 * The rate as an exact percentage string: 17/400 → "4.25%". A rate whose decimal expansion does
 * not terminate is written as a fraction of percent, e.g. "100/3%".
 */
export function formatRatePercent(rate: Rate): string {
  const num = rate.numerator * 100n;
  let den = rate.denominator;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) {
    const g = gcd(num, rate.denominator);
    return `${num / g}/${rate.denominator / g}%`;
  }
  const digits = Math.max(twos, fives);
  const scaled = (num * 10n ** BigInt(digits)) / rate.denominator;
  const s = scaled.toString().padStart(digits + 1, "0");
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits).replace(/0+$/, "");
  return `${int}${frac ? `.${frac}` : ""}%`;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareRates(a: Rate, b: Rate): -1 | 0 | 1 {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The valibot schema of a rate written as text in a policy pack ("4.25%", "0.0425", "425bp"). */
export const rateTextSchema = v.pipe(
  v.string(),
  v.check((s) => RATE_RE.test(s.trim()), 'a rate must be exact text such as "4.25%", "0.0425" or "425bp"'),
);
