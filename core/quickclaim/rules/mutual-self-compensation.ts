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
  if (!params.enabled) unmet.push({ code: "not_offered", partyId: null });
  if (parties.length < 2) unmet.push({ code: "too_few_parties", partyId: null });
  if (anyoneInjured) unmet.push({ code: "not_only_vehicles", partyId: null });
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i] as MutualParty;
    const id = p.partyId;
    if (p.compulsoryInsurerId === null) unmet.push({ code: "no_compulsory_cover", partyId: id });
    if (p.otherPropertyLossFen > 0 || p.medicalLossFen > 0) unmet.push({ code: "not_only_vehicles", partyId: id });
    if (p.vehicleLossFen > params.vehicleLossLimitFen) unmet.push({ code: "vehicle_loss_over_limit", partyId: id });
    if (p.liabilityBp <= 0) unmet.push({ code: "party_not_liable", partyId: id });
    if (!p.consented) unmet.push({ code: "no_consent", partyId: id });
  }
  return unmet.length === 0 ? MET : { applies: false, unmet };
}

const MET: MutualVerdict = { applies: true, unmet: [] };

/** The policy-language reason for an unmet 互碰自赔 condition, for pages and letters. */
export function mutualUnmetMessage(u: MutualUnmet, params: MutualSelfCompensationParams): string {
  const who = u.partyId === null ? "" : `party ${u.partyId}: `;
  switch (u.code) {
    case "not_offered":
      return "互碰自赔 is not offered in this region";
    case "too_few_parties":
      return "互碰自赔 needs at least two vehicles";
    case "no_compulsory_cover":
      return `${who}the vehicle has no 交强险`;
    case "not_only_vehicles":
      return `${who}someone is hurt or something other than the vehicles is damaged`;
    case "vehicle_loss_over_limit":
      return `${who}the vehicle's loss is above ${formatYuan(params.vehicleLossLimitFen)} yuan`;
    case "party_not_liable":
      return `${who}bears no liability`;
    case "no_consent":
      return `${who}did not agree to 互碰自赔`;
  }
}

/** QC-R06 payout: each insurer pays its own insured's vehicle loss directly, in full. */
export function mutualSelfCompensationPlan(parties: readonly MutualParty[]): PayoutPlan {
  const victims: VictimPayout[] = parties.map((p) => {
    const lines: PayoutLine[] =
      p.vehicleLossFen > 0 && p.compulsoryInsurerId !== null
        ? [
            {
              payerPartyId: p.partyId,
              insurerId: p.compulsoryInsurerId,
              cover: "mutual",
              head: "property",
              amountFen: p.vehicleLossFen,
            },
          ]
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
