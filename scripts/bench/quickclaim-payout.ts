import { ningdeQuickClaimPolicy, type PlanParty, paramsAsOf, planPayout } from "../../core/quickclaim/mod.ts";
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

/**
 * QC-R05/R06 payout computation on one core (full plan: lines, owed parts, the 互碰自赔 check)
 * against the naive float computation of the same cases: two-vehicle cases (the usual quick
 * claim) and the three-vehicle case (the most QC-R01 allows remotely) separately.
 */
export function payoutThroughput(): Row[] {
  const two = PAYOUT_CASES.filter((c) => c.parties.length === 2);
  const three = PAYOUT_CASES.filter((c) => c.parties.length === 3);
  return [
    measure("QC-R05/R06 payout plan, 2 vehicles (rear-end, 70/30 + medical, 50/50, 互碰自赔)", two),
    measure("QC-R05/R06 payout plan, 3 vehicles (60/20/20)", three),
  ];
}
