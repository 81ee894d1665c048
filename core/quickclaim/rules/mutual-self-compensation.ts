import { type Fen, formatYuan } from "../../kernel/mod.ts";
import type { PayoutLine, PayoutPlan, VictimPayout } from "../domain/payout-plan.ts";
import type { MutualSelfCompensationParams } from "../policy.ts";

export interface MutualParty {
  readonly partyId: string;
  readonly liabilityBp: number;
  readonly compulsoryInsurerId: string | null;
  readonly vehicleLossFen: Fen;
  readonly otherPropertyLossFen: Fen;
  readonly medicalLossFen: Fen;
  /** The party agreed to 互碰自赔 when signing the letter. */
  readonly consented: boolean;
}

export interface MutualUnmet {
  readonly code:
    | "not_offered"
    | "too_few_parties"
    | "no_compulsory_cover"
    | "not_only_vehicles"
    | "vehicle_loss_over_limit"
    | "party_not_liable"
    | "no_consent";
  readonly partyId: string | null;
  readonly message: string;
}

export interface MutualVerdict {
  readonly applies: boolean;
  readonly unmet: readonly MutualUnmet[];
}

/**
 * QC-R06 互碰自赔 conditions: every vehicle has 交强险; only vehicles are damaged (nobody hurt, no
 * other property); each vehicle's loss is within the limit (2,000 yuan by default); every party
 * bears some liability; and every party agreed. All unmet conditions are listed.
 */
export function checkMutualSelfCompensation(
  parties: readonly MutualParty[],
  params: MutualSelfCompensationParams,
  anyoneInjured: boolean,
): MutualVerdict {
  const unmet: MutualUnmet[] = [];
  const add = (code: MutualUnmet["code"], partyId: string | null, message: string) => unmet.push({ code, partyId, message });
  if (!params.enabled) add("not_offered", null, "互碰自赔 is not offered in this region");
  if (parties.length < 2) add("too_few_parties", null, "互碰自赔 needs at least two vehicles");
  if (anyoneInjured) add("not_only_vehicles", null, "someone is hurt: not a vehicles-only accident");
  for (const p of parties) {
    if (p.compulsoryInsurerId === null) add("no_compulsory_cover", p.partyId, `vehicle ${p.partyId} has no 交强险`);
    if (p.otherPropertyLossFen > 0 || p.medicalLossFen > 0) {
      add("not_only_vehicles", p.partyId, `party ${p.partyId} has a loss other than its vehicle`);
    }
    if (p.vehicleLossFen > params.vehicleLossLimitFen) {
      add(
        "vehicle_loss_over_limit",
        p.partyId,
        `vehicle ${p.partyId} loss ${formatYuan(p.vehicleLossFen)} is above ${formatYuan(params.vehicleLossLimitFen)} yuan`,
      );
    }
    if (p.liabilityBp <= 0) add("party_not_liable", p.partyId, `party ${p.partyId} bears no liability`);
    if (!p.consented) add("no_consent", p.partyId, `party ${p.partyId} did not agree to 互碰自赔`);
  }
  return { applies: unmet.length === 0, unmet };
}

/** QC-R06 payout: each insurer pays its own insured's vehicle loss directly, in full. */
export function mutualSelfCompensationPlan(parties: readonly MutualParty[]): PayoutPlan {
  const victims: VictimPayout[] = parties.map((p) => {
    const lines: PayoutLine[] =
      p.vehicleLossFen > 0 && p.compulsoryInsurerId !== null
        ? [{ payerPartyId: p.partyId, insurerId: p.compulsoryInsurerId, cover: "mutual", head: "property", amountFen: p.vehicleLossFen }]
        : [];
    return {
      partyId: p.partyId,
      propertyLossFen: p.vehicleLossFen + p.otherPropertyLossFen,
      medicalLossFen: p.medicalLossFen,
      lines,
      owed: [],
      selfBorneFen: 0,
      insurerPaidFen: lines.length === 0 ? 0 : p.vehicleLossFen,
    };
  });
  return { mode: "mutual-self-compensation", victims };
}
