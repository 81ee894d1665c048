import { divRoundHalfUp } from "../../kernel/mod.ts";

/** Per-case facts the figures count (one row per case reported in the period). */
export interface CaseFact {
  readonly centreId: string;
  readonly countyCode: string;
  readonly reportedAt: string;
  /** First letter issued: the case was handled remotely. */
  readonly determinedAt: string | null;
  /** A party disputed the determination on site. */
  readonly disputed: boolean;
}

/** Per-claim facts (一键理赔 → 到账). */
export interface ClaimFact {
  readonly centreId: string;
  readonly countyCode: string;
  readonly openedAt: string;
  readonly paidAt: string | null;
}

/** Per-survey facts (回访). */
export interface SurveyFact {
  readonly centreId: string;
  readonly countyCode: string;
  readonly satisfied: boolean;
  readonly suggestion: string | null;
}

/**
 * Durations in whole seconds; the median of an even count is the mean of the middle two, half-up.
 * `medianPrecisionSeconds` says how exact the median is: 1 when computed from the durations
 * themselves, the bucket width (60: to the minute) when computed from a histogram.
 */
export interface DurationStats {
  readonly count: number;
  readonly medianSeconds: number | null;
  readonly medianPrecisionSeconds: number;
  readonly averageSeconds: number | null;
  readonly fastestSeconds: number | null;
}

/** What a figures reader returns for one group (centre, county or whole region) and period. */
export interface FigureInputs {
  readonly accidents: number;
  readonly handledRemotely: number;
  readonly noDispute: number;
  readonly handling: DurationStats;
  readonly payout: DurationStats;
  readonly surveys: number;
  readonly satisfied: number;
  readonly suggestions: number;
}

/** QC-R08 figures: the inputs plus the shares, in basis points (null when nothing to divide by). */
export interface QuickClaimFigures extends FigureInputs {
  readonly remoteShareBp: number | null;
  readonly noDisputeShareBp: number | null;
  readonly satisfactionBp: number | null;
}

function halfUp(num: number, den: number): number {
  return Number(divRoundHalfUp(BigInt(num), BigInt(den)));
}

/** Median, average (half-up) and fastest of whole-second durations. */
export function durationStats(seconds: readonly number[]): DurationStats {
  const n = seconds.length;
  if (n === 0)
    return { count: 0, medianSeconds: null, medianPrecisionSeconds: 1, averageSeconds: null, fastestSeconds: null };
  const sorted = [...seconds].sort((a, b) => a - b);
  const mid = n >> 1;
  const median =
    n % 2 === 1 ? (sorted[mid] as number) : halfUp((sorted[mid - 1] as number) + (sorted[mid] as number), 2);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    count: n,
    medianSeconds: median,
    medianPrecisionSeconds: 1,
    averageSeconds: halfUp(total, n),
    fastestSeconds: sorted[0] as number,
  };
}

/**
 * A duration histogram kept by a figures rollup: the count, exact sum and fastest of the
 * durations, and how many fall in each fixed-width bucket (bucket b holds b·width … b·width + width − 1
 * seconds, b = ⌊seconds ÷ width⌋).
 */
export interface DurationHistogram {
  readonly count: number;
  readonly sumSeconds: number;
  readonly fastestSeconds: number | null;
  readonly buckets: ReadonlyMap<number, number>;
}

/**
 * QC-R08 duration statistics from a histogram: count, average (half-up) and fastest exactly as
 * `durationStats`; the median by the same definition (middle value, or the half-up mean of the
 * middle two) taken over the buckets' lower bounds — so it is at most one bucket width below the
 * exact median, never above it ("to the minute" for 60-second buckets).
 */
export function bucketedDurationStats(h: DurationHistogram, bucketSeconds: number): DurationStats {
  const n = h.count;
  if (n === 0) {
    return {
      count: 0,
      medianSeconds: null,
      medianPrecisionSeconds: bucketSeconds,
      averageSeconds: null,
      fastestSeconds: null,
    };
  }
  const loRank = (n + 1) >> 1; // 1-based ranks of the middle value(s)
  const hiRank = (n >> 1) + 1;
  let lo: number | null = null;
  let hi: number | null = null;
  let cum = 0;
  for (const b of [...h.buckets.keys()].sort((x, y) => x - y)) {
    cum += h.buckets.get(b) as number;
    if (lo === null && cum >= loRank) lo = b;
    if (cum >= hiRank) {
      hi = b;
      break;
    }
  }
  if (lo === null || hi === null) throw new RangeError(`histogram holds fewer than ${n} durations`);
  return {
    count: n,
    medianSeconds: halfUp((lo + hi) * bucketSeconds, 2),
    medianPrecisionSeconds: bucketSeconds,
    averageSeconds: halfUp(h.sumSeconds, n),
    fastestSeconds: h.fastestSeconds,
  };
}

const secondsBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 1000);

/**
 * QC-R08 the reference definition of the figures' inputs, from facts of one group and period:
 * accidents = cases reported; handled remotely = a letter was issued; handling time = report →
 * first letter; no dispute = remote cases nobody disputed; payout time = claim → paid;
 * satisfaction = satisfied ÷ surveys; suggestions = surveys with a suggestion. A database reader
 * must compute the same numbers (its test compares against this function).
 */
export function aggregateFigureInputs(
  cases: readonly CaseFact[],
  claims: readonly ClaimFact[],
  surveys: readonly SurveyFact[],
): FigureInputs {
  const handling: number[] = [];
  let noDispute = 0;
  for (const c of cases) {
    if (c.determinedAt === null) continue;
    handling.push(secondsBetween(c.reportedAt, c.determinedAt));
    if (!c.disputed) noDispute += 1;
  }
  const payout: number[] = [];
  for (const c of claims) if (c.paidAt !== null) payout.push(secondsBetween(c.openedAt, c.paidAt));
  return {
    accidents: cases.length,
    handledRemotely: handling.length,
    noDispute,
    handling: durationStats(handling),
    payout: durationStats(payout),
    surveys: surveys.length,
    satisfied: surveys.filter((s) => s.satisfied).length,
    suggestions: surveys.filter((s) => s.suggestion !== null && s.suggestion.trim() !== "").length,
  };
}

/** QC-R08 shares (half-up to the basis point) from the inputs. */
export function figuresFrom(inputs: FigureInputs): QuickClaimFigures {
  const share = (num: number, den: number) => (den === 0 ? null : halfUp(num * 10_000, den));
  return {
    ...inputs,
    remoteShareBp: share(inputs.handledRemotely, inputs.accidents),
    noDisputeShareBp: share(inputs.noDispute, inputs.handledRemotely),
    satisfactionBp: share(inputs.satisfied, inputs.surveys),
  };
}
