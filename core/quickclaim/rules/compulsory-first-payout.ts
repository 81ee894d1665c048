import { DomainError, type Fen } from "../../kernel/mod.ts";
import type { PayoutPlan } from "../domain/payout-plan.ts";
import type { CompulsoryLimits } from "../policy.ts";
import { payoutAnyPartiesFast } from "./payout-any-parties-fast.ts";
import { payoutTwoParties } from "./payout-two-parties.ts";

/** One party of the case as the payout rules see it. */
export interface PayoutParty {
  readonly partyId: string;
  /** Liability share in basis points; all parties add to 10000. */
  readonly liabilityBp: number;
  /** Insurer of the party's 交强险, or null when the vehicle has none. */
  readonly compulsoryInsurerId: string | null;
  /** 商业三者险 third-party cover and its limit per accident, or null. */
  readonly commercial: { readonly insurerId: string; readonly limitFen: Fen } | null;
  /** The party's own property loss (vehicle + other property), fen. */
  readonly propertyLossFen: Fen;
  /** The party's own injury (medical) loss, fen. */
  readonly medicalLossFen: Fen;
}

const FULL_BP = 10_000;

function refuse(field: string, message: string): never {
  throw new DomainError(message, { ruleId: "QC-R05", field });
}

function validate(parties: readonly PayoutParty[]): void {
  if (parties.length < 2) refuse("parties", "a payout needs at least two parties");
  let sum = 0;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i] as PayoutParty;
    if (!Number.isInteger(p.liabilityBp) || p.liabilityBp < 0)
      refuse(`parties.${i}.liabilityBp`, "liability must be whole bp ≥ 0");
    if (!Number.isSafeInteger(p.propertyLossFen) || p.propertyLossFen < 0)
      refuse(`parties.${i}.propertyLossFen`, "a loss is whole fen ≥ 0");
    if (!Number.isSafeInteger(p.medicalLossFen) || p.medicalLossFen < 0)
      refuse(`parties.${i}.medicalLossFen`, "a loss is whole fen ≥ 0");
    if (p.commercial && (!Number.isSafeInteger(p.commercial.limitFen) || p.commercial.limitFen < 0)) {
      refuse(`parties.${i}.commercial.limitFen`, "a cover limit is whole fen ≥ 0");
    }
    sum += p.liabilityBp;
  }
  if (sum !== FULL_BP) refuse("parties", `liability shares add to ${sum} bp, not 10000`);
}

/**
 * QC-R05 交强险先行 compulsory insurance first, then commercial cover by liability.
 *
 * 1. For each head (property, medical) and each victim, the other parties' 交强险 pay the
 *    victim's loss up to their limits — the liable limit if the insurer's insured bears any
 *    liability, else the no-liability limit — shared in proportion to those limits when several
 *    vehicles pay one victim; an insurer whose shares to several victims pass its limit pays
 *    its limit, shared in proportion to those shares. A vehicle without 交强险 owes its share itself.
 * 2. What is left of each victim's loss is split by liability: the victim's own share is borne
 *    by the victim; each other party's share is paid by its 商业三者险 up to its limit (one limit
 *    for all victims and heads, shared in proportion when exceeded), and any rest is owed by it.
 *
 * Every split is exact to the fen: for each victim, lines + owed + self-borne = loss.
 */
export function computeCompulsoryFirstPayout(parties: readonly PayoutParty[], limits: CompulsoryLimits): PayoutPlan {
  validate(parties);
  return parties.length === 2
    ? payoutTwoParties(parties[0] as PayoutParty, parties[1] as PayoutParty, limits)
    : payoutAnyPartiesFast(parties, limits);
}
