import {
  ningdeQuickClaimPolicy,
  type PayoutParty,
  type PlanParty,
  paramsAsOf,
  planPayout,
} from "../../core/quickclaim/mod.ts";
import { payoutAnyParties } from "../../core/quickclaim/rules/payout-any-parties.ts";
import { payoutAnyPartiesFast } from "../../core/quickclaim/rules/payout-any-parties-fast.ts";
import { fmtOps, fmtRatio, type Row, throughput } from "./measure.ts";

const P = (
  partyId: string,
  liabilityBp: number,
  vehicleLossFen: number,
  medicalLossFen = 0,
  consented = false,
  commercialLimitFen: number | null = 100_000_000,
): PlanParty => ({
  partyId,
  liabilityBp,
  compulsoryInsurerId: partyId === "A" ? "picc-ningde" : "pingan-ningde",
  commercial: commercialLimitFen === null ? null : { insurerId: "pingan-ningde", limitFen: commercialLimitFen },
  vehicleLossFen,
  otherPropertyLossFen: 0,
  medicalLossFen,
  consented,
});

/** A mix of the cases an adjuster meets: rear-end, 70/30 with a medical bill, 50/50, 互碰自赔, three cars. */
export const PAYOUT_CASES: readonly { parties: PlanParty[]; injured: boolean }[] = [
  { parties: [P("A", 0, 320_000), P("B", 10_000, 80_000)], injured: false },
  { parties: [P("A", 7_000, 250_000, 120_000), P("B", 3_000, 180_000, 0, false, null)], injured: true },
  { parties: [P("A", 5_000, 150_000), P("B", 5_000, 90_000)], injured: false },
  { parties: [P("A", 5_000, 150_000, 0, true), P("B", 5_000, 90_000, 0, true)], injured: false },
  { parties: [P("A", 6_000, 210_000), P("B", 2_000, 95_000), P("C", 2_000, 40_000)], injured: false },
];

/**
 * Pile-ups handled by the general (any-party) path: more vehicles than QC-R01 lets a case be
 * handled remotely, so these are judged at a service centre, but they use the same rule.
 */
export const PILE_UP_CASES: readonly { parties: PlanParty[]; injured: boolean }[] = [
  {
    parties: [
      P("A", 4_000, 260_000, 90_000),
      P("B", 3_000, 120_000),
      P("C", 2_000, 75_000, 0, false, null),
      P("D", 1_000, 180_000),
      P("E", 0, 40_000, 30_000),
    ],
    injured: true,
  },
  {
    parties: [
      P("A", 0, 50_000),
      P("B", 2_500, 130_000, 0, false, 20_000),
      P("C", 2_500, 90_000),
      P("D", 2_500, 310_000),
      P("E", 2_500, 60_000),
    ],
    injured: false,
  },
];

/**
 * The same payouts with floats and no lines, limits or owed parts: what a naive implementation
 * would do (fast, and wrong to the fen as soon as a share is not a whole number of fen).
 */
function naivePayout(parties: readonly PlanParty[], liable: number, notLiable: number): number[] {
  return parties.map((victim) => {
    let paid = 0;
    for (const payer of parties) {
      if (payer === victim) continue;
      const cap = payer.liabilityBp > 0 ? liable : notLiable;
      const first = Math.min(victim.vehicleLossFen, cap);
      paid += first + ((victim.vehicleLossFen - first) * payer.liabilityBp) / 10_000;
    }
    return Math.round(paid);
  });
}

function measure(name: string, cases: readonly (typeof PAYOUT_CASES)[number][]): Row {
  const params = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01");
  const n = cases.length;
  const exact = throughput(name, (i) => {
    const c = cases[i % n] as (typeof PAYOUT_CASES)[number];
    return planPayout(c.parties, params, c.injured);
  });
  const { liable, notLiable } = params.compulsoryLimits;
  const naive = throughput(`${name} naive`, (i) => {
    const c = cases[i % n] as (typeof PAYOUT_CASES)[number];
    return naivePayout(c.parties, liable.propertyFen, notLiable.propertyFen);
  });
  return {
    section: "quickclaim",
    measure: name,
    value: fmtOps(exact.opsPerSec),
    baseline: `${fmtOps(naive.opsPerSec)} naive float payout`,
    ratio: fmtRatio(exact.opsPerSec, naive.opsPerSec),
    goal: "≥ 1 M/s/core",
  };
}

/** The parties as the QC-R05 payout sees them (what planPayout hands it). */
const asPayoutParties = (parties: readonly PlanParty[]): PayoutParty[] =>
  parties.map((p) => ({
    partyId: p.partyId,
    liabilityBp: p.liabilityBp,
    compulsoryInsurerId: p.compulsoryInsurerId,
    commercial: p.commercial,
    propertyLossFen: p.vehicleLossFen + p.otherPropertyLossFen,
    medicalLossFen: p.medicalLossFen,
  }));

/**
 * The any-party fast path against the readable reference implementation it is held equal to
 * (a property test), on the same cases in the same run.
 */
function fastAgainstReference(name: string, cases: readonly (typeof PAYOUT_CASES)[number][]): Row {
  const limits = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").compulsoryLimits;
  const inputs = cases.map((c) => asPayoutParties(c.parties));
  const n = inputs.length;
  const fast = throughput(`${name} fast`, (i) => payoutAnyPartiesFast(inputs[i % n] as PayoutParty[], limits));
  const reference = throughput(`${name} reference`, (i) => payoutAnyParties(inputs[i % n] as PayoutParty[], limits));
  return {
    section: "quickclaim",
    measure: name,
    value: fmtOps(fast.opsPerSec),
    baseline: `${fmtOps(reference.opsPerSec)} reference payoutAnyParties`,
    ratio: fmtRatio(fast.opsPerSec, reference.opsPerSec),
    goal: "same plan, faster",
  };
}

/**
 * QC-R05/R06 payout computation on one core (full plan: lines, owed parts, the 互碰自赔 check)
 * against the naive float computation of the same cases: two-vehicle cases (the usual quick
 * claim), the three-vehicle case (the most QC-R01 allows remotely) and five-vehicle pile-ups
 * separately; then the any-party fast path against its reference implementation.
 */
export function payoutThroughput(): Row[] {
  const two = PAYOUT_CASES.filter((c) => c.parties.length === 2);
  const three = PAYOUT_CASES.filter((c) => c.parties.length === 3);
  return [
    measure("QC-R05/R06 payout plan, 2 vehicles (rear-end, 70/30 + medical, 50/50, 互碰自赔)", two),
    measure("QC-R05/R06 payout plan, 3 vehicles (60/20/20)", three),
    measure("QC-R05/R06 payout plan, 5 vehicles (pile-ups, any-party path)", PILE_UP_CASES),
    fastAgainstReference("QC-R05 any-party fast path vs reference, 3 vehicles", three),
    fastAgainstReference("QC-R05 any-party fast path vs reference, 5 vehicles", PILE_UP_CASES),
  ];
}
