import type { Fen } from "../../kernel/mod.ts";
import type { LossHead, OwedLine, PayoutLine, PayoutPlan, VictimPayout } from "../domain/payout-plan.ts";
import type { CompulsoryLimits } from "../policy.ts";
import type { PayoutParty } from "./compulsory-first-payout.ts";
import { splitInto } from "./fast-split.ts";

const FAST_LIMIT = 2 ** 52;
const scratch: number[] = [0, 0];

/** First part of `total` split by [w0, w1], largest remainder, tie to index 0 (= splitByWeights). */
function firstOfTwo(total: Fen, w0: number, w1: number): Fen {
  const sum = w0 + w1;
  if (total === 0 || w1 === 0) return total;
  if (w0 === 0) return 0;
  if (total * sum > FAST_LIMIT) {
    scratch[0] = w0;
    scratch[1] = w1;
    const out: number[] = [0, 0];
    splitInto(total, scratch, 2, out);
    return out[0] as number;
  }
  const p0 = total * w0;
  const p1 = total * w1;
  const q0 = Math.floor(p0 / sum);
  const q1 = Math.floor(p1 / sum);
  if (q0 + q1 === total) return q0;
  // One fen left over: to the larger remainder, ties to the lower index.
  return p0 - q0 * sum >= p1 - q1 * sum ? q0 + 1 : q0;
}

/** What payer `from` pays and owes victim `to` (one victim per payer with two parties). */
function victimPayout(from: PayoutParty, to: PayoutParty, toIsFirst: boolean, limits: CompulsoryLimits): VictimPayout {
  const limit = from.liabilityBp > 0 ? limits.liable : limits.notLiable;
  const lines: PayoutLine[] = [];
  const owed: OwedLine[] = [];
  // Stage 1: the other vehicle's 交强险.
  const ctplP = Math.min(to.propertyLossFen, limit.propertyFen);
  const ctplM = Math.min(to.medicalLossFen, limit.medicalFen);
  // Stage 2: the rest by liability (the victim listed first when it is party A).
  const restP = to.propertyLossFen - ctplP;
  const restM = to.medicalLossFen - ctplM;
  const selfP = toIsFirst
    ? firstOfTwo(restP, to.liabilityBp, from.liabilityBp)
    : restP - firstOfTwo(restP, from.liabilityBp, to.liabilityBp);
  const selfM = toIsFirst
    ? firstOfTwo(restM, to.liabilityBp, from.liabilityBp)
    : restM - firstOfTwo(restM, from.liabilityBp, to.liabilityBp);
  const dueP = restP - selfP;
  const dueM = restM - selfM;
  // Commercial limit across both heads.
  let covP = dueP;
  let covM = dueM;
  const cover = from.commercial;
  const climit = cover === null ? 0 : cover.limitFen;
  if (dueP + dueM > climit) {
    covP = climit === 0 ? 0 : firstOfTwo(climit, dueP, dueM);
    covM = climit - covP;
  }
  const paid =
    emit(from, "property", ctplP, dueP, covP, lines, owed) + emit(from, "medical", ctplM, dueM, covM, lines, owed);
  return {
    partyId: to.partyId,
    propertyLossFen: to.propertyLossFen,
    medicalLossFen: to.medicalLossFen,
    lines,
    owed,
    selfBorneFen: selfP + selfM,
    insurerPaidFen: paid,
  };
}

/** Appends one head's lines and owed parts; returns what insurers pay for it. */
function emit(
  from: PayoutParty,
  head: LossHead,
  compulsory: Fen,
  due: Fen,
  covered: Fen,
  lines: PayoutLine[],
  owed: OwedLine[],
): Fen {
  let paid = 0;
  if (compulsory > 0) {
    if (from.compulsoryInsurerId === null) {
      owed.push({ byPartyId: from.partyId, head, amountFen: compulsory, why: "no-compulsory-cover" });
    } else {
      lines.push({
        payerPartyId: from.partyId,
        insurerId: from.compulsoryInsurerId,
        cover: "compulsory",
        head,
        amountFen: compulsory,
      });
      paid += compulsory;
    }
  }
  const cover = from.commercial;
  if (covered > 0 && cover !== null) {
    lines.push({
      payerPartyId: from.partyId,
      insurerId: cover.insurerId,
      cover: "commercial",
      head,
      amountFen: covered,
    });
    paid += covered;
  }
  if (due > covered) {
    const why = cover === null ? "no-commercial-cover" : "above-commercial-limit";
    owed.push({ byPartyId: from.partyId, head, amountFen: due - covered, why });
  }
  return paid;
}

/** QC-R05 for the usual two-vehicle case: the same result as payoutAnyParties, faster. */
export function payoutTwoParties(a: PayoutParty, b: PayoutParty, limits: CompulsoryLimits): PayoutPlan {
  return { mode: "compulsory-first", victims: [victimPayout(b, a, true, limits), victimPayout(a, b, false, limits)] };
}
