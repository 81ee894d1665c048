import type { LossHead, OwedLine, PayoutLine, PayoutPlan, VictimPayout } from "../domain/payout-plan.ts";
import type { CompulsoryLimits } from "../policy.ts";
import type { PayoutParty } from "./compulsory-first-payout.ts";
import { splitInto } from "./fast-split.ts";

const HEADS: readonly LossHead[] = ["property", "medical"];
const lossOf = (p: PayoutParty, h: number) => (h === 0 ? p.propertyLossFen : p.medicalLossFen);

/**
 * QC-R05 for any number of parties (see computeCompulsoryFirstPayout for the rule). Inputs are
 * already validated.
 */
export function payoutAnyParties(parties: readonly PayoutParty[], limits: CompulsoryLimits): PayoutPlan {
  const n = parties.length;
  // ctpl[h][i * n + j]: what i's compulsory cover pays victim j for head h.
  const ctpl: number[][] = [new Array<number>(n * n).fill(0), new Array<number>(n * n).fill(0)];
  // comm[(h * n + i) * n + j]: what i owes victim j for head h by liability, before its commercial limit.
  const comm = new Array<number>(2 * n * n).fill(0);
  const self = new Array<number>(n).fill(0);
  const weights = new Array<number>(n).fill(0);
  const parts = new Array<number>(n).fill(0);

  for (let h = 0; h < 2; h++) {
    const share = ctpl[h] as number[];
    const headLimits =
      h === 0
        ? [limits.liable.propertyFen, limits.notLiable.propertyFen]
        : [limits.liable.medicalFen, limits.notLiable.medicalFen];
    const limitOf = (i: number) =>
      ((parties[i] as PayoutParty).liabilityBp > 0 ? headLimits[0] : headLimits[1]) as number;
    // Stage 1: each victim's loss against the other vehicles' compulsory limits.
    for (let j = 0; j < n; j++) {
      const loss = lossOf(parties[j] as PayoutParty, h);
      if (loss === 0) continue;
      let sumLimits = 0;
      for (let i = 0; i < n; i++) {
        weights[i] = i === j ? 0 : limitOf(i);
        sumLimits += weights[i] as number;
      }
      const covered = Math.min(loss, sumLimits);
      if (covered === 0) continue;
      splitInto(covered, weights, n, parts);
      for (let i = 0; i < n; i++) share[i * n + j] = parts[i] as number;
    }
    // An insurer's shares to several victims never pass its limit.
    if (n > 2) {
      for (let i = 0; i < n; i++) {
        let total = 0;
        for (let j = 0; j < n; j++) {
          weights[j] = share[i * n + j] as number;
          total += weights[j] as number;
        }
        const limit = limitOf(i);
        if (total <= limit) continue;
        splitInto(limit, weights, n, parts);
        for (let j = 0; j < n; j++) share[i * n + j] = parts[j] as number;
      }
    }
    // Stage 2: the rest of each victim's loss by liability.
    for (let i = 0; i < n; i++) weights[i] = (parties[i] as PayoutParty).liabilityBp;
    for (let j = 0; j < n; j++) {
      let rest = lossOf(parties[j] as PayoutParty, h);
      for (let i = 0; i < n; i++) rest -= share[i * n + j] as number;
      if (rest === 0) continue;
      splitInto(rest, weights, n, parts);
      for (let i = 0; i < n; i++) {
        if (i === j) self[j] = (self[j] as number) + (parts[i] as number);
        else comm[(h * n + i) * n + j] = parts[i] as number;
      }
    }
  }

  // Commercial limits: one per insured vehicle, across victims and heads.
  const covered = comm.slice();
  const commWeights = new Array<number>(2 * n).fill(0);
  const commParts = new Array<number>(2 * n).fill(0);
  for (let i = 0; i < n; i++) {
    const cover = (parties[i] as PayoutParty).commercial;
    let total = 0;
    for (let h = 0; h < 2; h++) for (let j = 0; j < n; j++) total += comm[(h * n + i) * n + j] as number;
    if (total === 0) continue;
    const limit = cover === null ? 0 : cover.limitFen;
    if (total <= limit) continue;
    for (let h = 0; h < 2; h++)
      for (let j = 0; j < n; j++) commWeights[h * n + j] = comm[(h * n + i) * n + j] as number;
    if (limit === 0) commParts.fill(0);
    else splitInto(limit, commWeights, 2 * n, commParts);
    for (let h = 0; h < 2; h++)
      for (let j = 0; j < n; j++) covered[(h * n + i) * n + j] = commParts[h * n + j] as number;
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
        const c = (ctpl[h] as number[])[i * n + j] as number;
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
        const due = comm[(h * n + i) * n + j] as number;
        const cov = covered[(h * n + i) * n + j] as number;
        if (cov > 0 && payer.commercial !== null) {
          lines.push({
            payerPartyId: payer.partyId,
            insurerId: payer.commercial.insurerId,
            cover: "commercial",
            head,
            amountFen: cov,
          });
          paid += cov;
        }
        if (due > cov) {
          const why = payer.commercial === null ? "no-commercial-cover" : "above-commercial-limit";
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
