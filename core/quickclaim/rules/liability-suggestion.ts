import { DomainError, splitByWeights } from "../../kernel/mod.ts";
import { ACCIDENT_FORM_LABELS, type AccidentForm, SOLE_FAULT_FORMS } from "../domain/accident-form.ts";
import type { Liability } from "../domain/quick-claim-case.ts";
import type { LiabilityShares } from "../policy.ts";

const FULL_BP = 10_000;

export interface LiabilitySuggestionInput {
  readonly form: AccidentForm;
  /** The case's parties in report order. */
  readonly partyIds: readonly string[];
  /**
   * The vehicle the form names: the rear vehicle (追尾), the lane changer, the reversing or
   * turning vehicle, the door side, the wrong-way or red-light vehicle, the one that should have
   * yielded; for main/secondary the party with the main share.
   */
  readonly faultPartyId?: string | null;
}

function refuse(field: string, message: string): never {
  throw new DomainError(message, { ruleId: "QC-R03", field });
}

function faultParty(input: LiabilitySuggestionInput): string {
  const id = input.faultPartyId;
  if (id === undefined || id === null || id === "") {
    refuse("faultPartyId", `the form ${ACCIDENT_FORM_LABELS[input.form].zh} needs the vehicle it names`);
  }
  if (!input.partyIds.includes(id)) refuse("faultPartyId", `faultPartyId ${id} is not a party of the case`);
  return id;
}

/**
 * QC-R03 按事故形态建议责任 liability suggestion by accident form. Sole-fault forms put the
 * pack's full share on the named vehicle (the rest, normally nothing, split equally among the
 * others); both-at-fault forms split equally (同等) or main/secondary (主次, two vehicles only);
 * "other" gives no suggestion (null): the officer decides.
 */
export function suggestLiability(input: LiabilitySuggestionInput, shares: LiabilityShares): Liability[] | null {
  const ids = input.partyIds;
  if (ids.length < 2) refuse("partyIds", "a liability split needs at least two parties");
  if (input.form === "other") return null;
  if (input.form === "both_equal") {
    const parts = splitByWeights(
      FULL_BP,
      ids.map(() => 1),
    );
    return ids.map((partyId, i) => ({ partyId, shareBp: parts[i] as number }));
  }
  if (input.form === "both_main_secondary") {
    if (ids.length !== 2)
      refuse("form", "主次责任 main/secondary applies to two vehicles; the officer decides for more");
    const main = faultParty(input);
    return ids.map((partyId) => ({
      partyId,
      shareBp: partyId === main ? shares.mainSecondary.main : shares.mainSecondary.secondary,
    }));
  }
  if (!SOLE_FAULT_FORMS.includes(input.form)) refuse("form", `unknown accident form ${input.form}`);
  const atFault = faultParty(input);
  const others = ids.filter((id) => id !== atFault);
  const rest = splitByWeights(
    FULL_BP - shares.soleFault.atFault,
    others.map(() => 1),
  );
  return ids.map((partyId) => ({
    partyId,
    shareBp: partyId === atFault ? shares.soleFault.atFault : (rest[others.indexOf(partyId)] as number),
  }));
}

/** An officer's decision instead of (or without) a suggestion. */
export interface LiabilityOverride {
  readonly decision: readonly Liability[];
  readonly reason: string;
}

function sameSplit(a: readonly Liability[], b: readonly Liability[]): boolean {
  return a.length === b.length && a.every((l) => b.some((m) => m.partyId === l.partyId && m.shareBp === l.shareBp));
}

/**
 * QC-R03 the officer's decision: the suggestion, or an override that covers every party once,
 * adds to 100 % and — when it departs from a suggestion — gives a reason. The letter records
 * both suggestion and decision.
 */
export function decideLiability(
  partyIds: readonly string[],
  suggestion: readonly Liability[] | null,
  override: LiabilityOverride | null,
): { decision: readonly Liability[]; overrideReason: string | null } {
  if (override === null) {
    if (suggestion === null)
      refuse("decision", "this accident form has no suggestion: the officer must decide the split");
    return { decision: suggestion, overrideReason: null };
  }
  const d = override.decision;
  const seen = new Set<string>();
  let sum = 0;
  for (const [i, l] of d.entries()) {
    if (!partyIds.includes(l.partyId) || seen.has(l.partyId)) {
      refuse(`decision.${i}.partyId`, "each party of the case appears exactly once in the decision");
    }
    if (!Number.isInteger(l.shareBp) || l.shareBp < 0 || l.shareBp > FULL_BP) {
      refuse(`decision.${i}.shareBp`, "a liability share is whole basis points between 0 and 10000");
    }
    seen.add(l.partyId);
    sum += l.shareBp;
  }
  if (seen.size !== partyIds.length) refuse("decision", "each party of the case appears exactly once in the decision");
  if (sum !== FULL_BP) refuse("decision", `liability shares add to ${sum / 100} %, not 100 %`);
  const reason = override.reason.trim();
  const departs = suggestion !== null && !sameSplit(d, suggestion);
  if (departs && reason === "") refuse("overrideReason", "overriding the suggested liability needs a reason");
  const ordered = partyIds.map((id) => d.find((l) => l.partyId === id) as Liability);
  return { decision: ordered, overrideReason: reason === "" ? null : reason };
}
