import type { PayoutPlan } from "../domain/payout-plan.ts";
import type { CompulsoryLimits, MutualSelfCompensationParams } from "../policy.ts";
import { computeCompulsoryFirstPayout, type PayoutParty } from "./compulsory-first-payout.ts";
import {
  checkMutualSelfCompensation,
  type MutualParty,
  type MutualVerdict,
  mutualSelfCompensationPlan,
} from "./mutual-self-compensation.ts";

export interface PlanParty extends MutualParty {
  readonly commercial: { readonly insurerId: string; readonly limitFen: number } | null;
}

/**
 * Who pays what for a case: 互碰自赔 (QC-R06) when all its conditions hold, otherwise 交强险
 * first and commercial cover by liability (QC-R05). The verdict says why 互碰自赔 did or did not apply.
 */
export function planPayout(
  parties: readonly PlanParty[],
  params: {
    readonly compulsoryLimits: CompulsoryLimits;
    readonly mutualSelfCompensation: MutualSelfCompensationParams;
  },
  anyoneInjured: boolean,
): { plan: PayoutPlan; mutual: MutualVerdict } {
  const mutual = checkMutualSelfCompensation(parties, params.mutualSelfCompensation, anyoneInjured);
  if (mutual.applies) return { plan: mutualSelfCompensationPlan(parties), mutual };
  const payoutParties: PayoutParty[] = [];
  for (const p of parties) {
    payoutParties.push({
      partyId: p.partyId,
      liabilityBp: p.liabilityBp,
      compulsoryInsurerId: p.compulsoryInsurerId,
      commercial: p.commercial,
      propertyLossFen: p.vehicleLossFen + p.otherPropertyLossFen,
      medicalLossFen: p.medicalLossFen,
    });
  }
  const plan = computeCompulsoryFirstPayout(payoutParties, params.compulsoryLimits);
  return { plan, mutual };
}
