import type { LossHead, OwedLine, PayoutLine, PayoutPlan, VictimPayout } from "../domain/payout-plan.ts";
import type { CompulsoryLimits } from "../policy.ts";
import type { PayoutParty } from "./compulsory-first-payout.ts";
import { splitInto } from "./fast-split.ts";

/*
 * Working memory shared by every call: the rule is synchronous and never re-entered, so one set
 * of arrays (grown to the largest case seen) replaces the per-call `new Array(n * n).fill(0)`s
 * of payoutAnyParties. No closures are made per call either (under tsx every closure is also
 * renamed with Object.defineProperty, which cost more than the rule itself).
 */
interface Scratch {
  n: number;
  /** ctpl[(h * n + i) * n + j]: what i's compulsory cover pays victim j for head h. */
  ctpl: Float64Array;
  /** comm[(i * 2 + h) * n + j]: what i owes victim j for head h by liability, before its commercial limit. */
  comm: Float64Array;
  /** commTotal[i]: Σ comm over i's victims and heads. */
  commTotal: Float64Array;
  /** covered[(i * 2 + h) * n + j]: the part of comm that i's commercial cover pays, when capped[i]. */
  covered: Float64Array;
  /** capped[i]: 1 when i's commercial cover pays less than comm (its limit is passed). */
  capped: Uint8Array;
  /** self[j]: what victim j bears itself. */
  self: Float64Array;
  /** limit[h * n + i]: i's compulsory limit for head h (liable or not). */
  limit: Float64Array;
  weights: Float64Array;
  /** The remainders of one split. */
  rems: Float64Array;
}

function scratchFor(n: number): Scratch {
  return {
    n,
    ctpl: new Float64Array(2 * n * n),
    comm: new Float64Array(2 * n * n),
    commTotal: new Float64Array(n),
    covered: new Float64Array(2 * n * n),
    capped: new Uint8Array(n),
    self: new Float64Array(n),
    limit: new Float64Array(2 * n),
    weights: new Float64Array(n),
    rems: new Float64Array(2 * n),
  };
}

let scratch = scratchFor(4);

const HEADS: readonly LossHead[] = ["property", "medical"];

/** Beyond this, total × Σweights may lose precision in a double: splitInto falls back to bigint. */
const FAST_LIMIT = 2 ** 52;

/**
 * splitInto (= the kernel's splitByWeights: largest remainder, ties to the lower index) when the
 * caller already knows `sum` = Σ weights > 0, reading weights `w[wOff + i]` and writing part i
 * to `out[oOff + i * oStride]` (which may be the weights' own places). Large numbers go to
 * splitInto.
 */
function splitKnownSum(
  total: number,
  sum: number,
  w: Float64Array,
  wOff: number,
  n: number,
  out: Float64Array,
  oOff: number,
  oStride: number,
  rems: Float64Array,
): void {
  if (total * sum > FAST_LIMIT) {
    const weights: number[] = [];
    for (let i = 0; i < n; i++) weights.push(w[wOff + i] as number);
    const parts: number[] = [];
    splitInto(total, weights, n, parts);
    for (let i = 0; i < n; i++) out[oOff + i * oStride] = parts[i] as number;
    return;
  }
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = total * (w[wOff + i] as number);
    let q = Math.floor(p / sum);
    if (q * sum > p) q -= 1;
    out[oOff + i * oStride] = q;
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
    out[oOff + best * oStride] = (out[oOff + best * oStride] as number) + 1;
    rems[best] = -1;
  }
}

/**
 * QC-R05 for any number of parties: the same plan as payoutAnyParties (the readable reference,
 * held equal by a property test), computed without per-call working allocations. Inputs are
 * already validated.
 */
export function payoutAnyPartiesFast(parties: readonly PayoutParty[], limits: CompulsoryLimits): PayoutPlan {
  const n = parties.length;
  if (n > scratch.n) scratch = scratchFor(n);
  const { ctpl, comm, commTotal, covered, capped, self, limit, weights, rems } = scratch;
  const nn = n * n;
  ctpl.fill(0, 0, 2 * nn);
  comm.fill(0, 0, 2 * nn);
  let sumBp = 0;
  for (let j = 0; j < n; j++) {
    self[j] = 0;
    commTotal[j] = 0;
    capped[j] = 0;
    const bp = (parties[j] as PayoutParty).liabilityBp;
    sumBp += bp;
    limit[j] = bp > 0 ? limits.liable.propertyFen : limits.notLiable.propertyFen;
    limit[n + j] = bp > 0 ? limits.liable.medicalFen : limits.notLiable.medicalFen;
  }

  for (let h = 0; h < 2; h++) {
    const base = h * nn;
    const lim = h * n;
    // Stage 1: each victim's loss against the other vehicles' compulsory limits.
    for (let j = 0; j < n; j++) {
      const victim = parties[j] as PayoutParty;
      const loss = h === 0 ? victim.propertyLossFen : victim.medicalLossFen;
      if (loss === 0) continue;
      let sumLimits = 0;
      for (let i = 0; i < n; i++) {
        const w = i === j ? 0 : (limit[lim + i] as number);
        weights[i] = w;
        sumLimits += w;
      }
      const share = Math.min(loss, sumLimits);
      if (share === 0) continue;
      splitKnownSum(share, sumLimits, weights, 0, n, ctpl, base + j, n, rems);
    }
    // An insurer's shares to several victims never pass its limit.
    if (n > 2) {
      for (let i = 0; i < n; i++) {
        const row = base + i * n;
        let total = 0;
        for (let j = 0; j < n; j++) total += ctpl[row + j] as number;
        const l = limit[lim + i] as number;
        if (total <= l) continue;
        splitKnownSum(l, total, ctpl, row, n, ctpl, row, 1, rems);
      }
    }
    // Stage 2: the rest of each victim's loss by liability.
    for (let i = 0; i < n; i++) weights[i] = (parties[i] as PayoutParty).liabilityBp;
    for (let j = 0; j < n; j++) {
      const victim = parties[j] as PayoutParty;
      let rest = h === 0 ? victim.propertyLossFen : victim.medicalLossFen;
      for (let i = 0; i < n; i++) rest -= ctpl[base + i * n + j] as number;
      if (rest === 0) continue;
      // Split into comm's column (h, j), then move the victim's own part to self.
      splitKnownSum(rest, sumBp, weights, 0, n, comm, h * n + j, 2 * n, rems);
      const own = (j * 2 + h) * n + j;
      self[j] = (self[j] as number) + (comm[own] as number);
      comm[own] = 0;
      for (let i = 0; i < n; i++) commTotal[i] = (commTotal[i] as number) + (comm[(i * 2 + h) * n + j] as number);
    }
  }

  // Commercial limits: one per insured vehicle, across victims and heads.
  for (let i = 0; i < n; i++) {
    const total = commTotal[i] as number;
    if (total === 0) continue;
    const cover = (parties[i] as PayoutParty).commercial;
    const l = cover === null ? 0 : cover.limitFen;
    if (total <= l) continue;
    capped[i] = 1;
    const row = i * 2 * n;
    if (l === 0) covered.fill(0, row, row + 2 * n);
    else splitKnownSum(l, total, comm, row, 2 * n, covered, row, 1, rems);
  }

  const victims: VictimPayout[] = [];
  for (let j = 0; j < n; j++) {
    const victim = parties[j] as PayoutParty;
    const lines: PayoutLine[] = [];
    const owed: OwedLine[] = [];
    let paid = 0;
    for (let h = 0; h < 2; h++) {
      const head = HEADS[h] as LossHead;
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const payer = parties[i] as PayoutParty;
        const c = ctpl[(h * n + i) * n + j] as number;
        if (c > 0) {
          if (payer.compulsoryInsurerId === null)
            owed.push({ byPartyId: payer.partyId, head, amountFen: c, why: "no-compulsory-cover" });
          else {
            lines.push({
              payerPartyId: payer.partyId,
              insurerId: payer.compulsoryInsurerId,
              cover: "compulsory",
              head,
              amountFen: c,
            });
            paid += c;
          }
        }
        const k = (i * 2 + h) * n + j;
        const due = comm[k] as number;
        const cov = capped[i] === 1 ? (covered[k] as number) : due;
        const commercial = payer.commercial;
        if (cov > 0 && commercial !== null) {
          lines.push({
            payerPartyId: payer.partyId,
            insurerId: commercial.insurerId,
            cover: "commercial",
            head,
            amountFen: cov,
          });
          paid += cov;
        }
        if (due > cov) {
          const why = commercial === null ? "no-commercial-cover" : "above-commercial-limit";
          owed.push({ byPartyId: payer.partyId, head, amountFen: due - cov, why });
        }
      }
    }
    victims.push({
      partyId: victim.partyId,
      propertyLossFen: victim.propertyLossFen,
      medicalLossFen: victim.medicalLossFen,
      lines,
      owed,
      selfBorneFen: self[j] as number,
      insurerPaidFen: paid,
    });
  }
  return { mode: "compulsory-first", victims };
}
