import { epochDay } from "./business-date.ts";
import { DomainError } from "./errors.ts";
import { divRoundHalfUp, type Fen, isFen } from "./money.ts";
import type { Rate } from "./rate.ts";

/**
 * KRN-R02 daily-balance interest (积数计息): the balance product (积数) is the sum of each day's
 * closing principal in fen; interest = balance product × annual rate / 360, computed exactly and
 * rounded half-up to the fen once per settlement period.
 */
export const INTEREST_DAY_BASIS = 360;

/**
 * A stretch of days with the same closing principal, counted "算头不算尾": from `from` inclusive
 * to `to` exclusive, so 2026-03-01 → 2026-03-21 is 20 days. `annualRate` overrides the period's
 * rate for this stretch (a rate change inside a settlement period).
 */
export interface BalanceSegment {
  readonly from: string;
  readonly to: string;
  readonly principal: Fen;
  readonly annualRate?: Rate;
}

function interestError(message: string, field: string): DomainError {
  return new DomainError(message, { ruleId: "KRN-R02", field });
}

function principalOf(p: Fen, field: string): bigint {
  if (!isFen(p) || p < 0) throw interestError(`${field} must be a whole, non-negative number of fen`, field);
  return BigInt(p);
}

function dayBasisOf(dayBasis: number): bigint {
  if (!Number.isSafeInteger(dayBasis) || dayBasis <= 0) {
    throw interestError("the day-count basis must be a positive whole number of days", "dayBasis");
  }
  return BigInt(dayBasis);
}

function checkRate(rate: Rate, field: string): void {
  if (typeof rate?.numerator !== "bigint" || typeof rate.denominator !== "bigint" || rate.numerator < 0n) {
    throw interestError(`${field} must be an exact, non-negative rate`, field);
  }
  if (rate.denominator <= 0n) throw interestError(`${field} needs a positive denominator`, field);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toFen(amount: bigint): Fen {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER))
    throw interestError("the interest exceeds the largest amount", "interest");
  return Number(amount);
}

/** The balance product (积数): the sum of the daily closing principals, in fen-days. */
export function balanceProduct(dailyClosingPrincipals: readonly Fen[]): bigint {
  let sum = 0n;
  for (let i = 0; i < dailyClosingPrincipals.length; i++) {
    sum += principalOf(dailyClosingPrincipals[i] as Fen, `dailyClosingPrincipals[${i}]`);
  }
  return sum;
}

/** Interest on a balance product at an annual rate: product × rate / dayBasis, half-up to the fen. */
export function interestOnBalanceProduct(product: bigint, annualRate: Rate, dayBasis = INTEREST_DAY_BASIS): Fen {
  if (product < 0n) throw interestError("a balance product cannot be negative", "balanceProduct");
  checkRate(annualRate, "annualRate");
  const den = annualRate.denominator * dayBasisOf(dayBasis);
  return toFen(divRoundHalfUp(product * annualRate.numerator, den));
}

/**
 * Interest of one settlement period given as the closing principal of each day in it (one entry
 * per day): Σ principal × annual rate / 360, rounded half-up to the fen once.
 */
export function dailyBalanceInterest(
  dailyClosingPrincipals: readonly Fen[],
  annualRate: Rate,
  dayBasis = INTEREST_DAY_BASIS,
): Fen {
  return interestOnBalanceProduct(balanceProduct(dailyClosingPrincipals), annualRate, dayBasis);
}

/** Days and principal of each segment, checked: from ≤ to, segments in order and not overlapping. */
function segmentDays(segments: readonly BalanceSegment[]): { days: bigint; principal: bigint }[] {
  const out: { days: bigint; principal: bigint }[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as BalanceSegment;
    const from = epochDay(s.from, `segments[${i}].from`);
    const to = epochDay(s.to, `segments[${i}].to`);
    if (to < from) throw interestError("a balance segment cannot end before it starts", `segments[${i}].to`);
    if (from < previousEnd) {
      throw interestError("balance segments must be in date order and must not overlap", `segments[${i}].from`);
    }
    previousEnd = to;
    out.push({ days: BigInt(to - from), principal: principalOf(s.principal, `segments[${i}].principal`) });
  }
  return out;
}

/** The balance product (积数) of segments: Σ principal × days. */
export function segmentsBalanceProduct(segments: readonly Omit<BalanceSegment, "annualRate">[]): bigint {
  let sum = 0n;
  for (const s of segmentDays(segments)) sum += s.principal * s.days;
  return sum;
}

/**
 * Interest of one settlement period given as balance segments: Σ principal × days × rate / 360,
 * summed exactly across segments (each at its own rate when it names one) and rounded half-up to
 * the fen once.
 */
export function segmentBalanceInterest(
  segments: readonly BalanceSegment[],
  annualRate: Rate,
  dayBasis = INTEREST_DAY_BASIS,
): Fen {
  checkRate(annualRate, "annualRate");
  const basis = dayBasisOf(dayBasis);
  const parts = segmentDays(segments);
  // Exact sum of fractions principal·days·n_i/d_i over a common denominator.
  let num = 0n;
  let den = 1n;
  for (let i = 0; i < parts.length; i++) {
    const rate = segments[i]?.annualRate ?? annualRate;
    checkRate(rate, `segments[${i}].annualRate`);
    const { principal, days } = parts[i] as { days: bigint; principal: bigint };
    const n = principal * days * rate.numerator;
    const lcm = (den / gcd(den, rate.denominator)) * rate.denominator;
    num = num * (lcm / den) + n * (lcm / rate.denominator);
    den = lcm;
  }
  return toFen(divRoundHalfUp(num, den * basis));
}
