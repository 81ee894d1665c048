import type { AccidentForm } from "./accident-form.ts";
import type { Liability } from "./quick-claim-case.ts";

/** The officer named on a letter (from the PoliceDesk port). */
export interface Officer {
  readonly id: string;
  readonly name: string;
  readonly badgeNo: string;
  readonly unit: string;
}

/**
 * 电子认定书 electronic determination letter (QC-R03/R04). Parties sign its `contentHash`; any
 * change to any other field is a new version with a new hash, which voids earlier signatures.
 */
export interface DeterminationLetter {
  readonly number: string;
  readonly version: number;
  readonly caseId: string;
  readonly regionCode: string;
  readonly issuedAt: string;
  readonly accidentAt: string;
  readonly address: string;
  readonly facts: string;
  readonly form: AccidentForm;
  readonly parties: readonly { readonly partyId: string; readonly plate: string; readonly driverName: string }[];
  /** What the rule engine suggested (null when the form gives no suggestion). */
  readonly suggestion: readonly Liability[] | null;
  /** What the officer decided; differs from the suggestion only with `overrideReason`. */
  readonly decision: readonly Liability[];
  readonly overrideReason: string | null;
  readonly officer: Officer;
  /** Lower-case hex SHA-256 of `letterContent(letter)`. */
  readonly contentHash: string;
}

export type LetterContent = Omit<DeterminationLetter, "contentHash">;

/**
 * The canonical text that is hashed and signed: every field in a fixed order, as JSON. Two
 * letters with the same content give the same text on any runtime.
 */
export function letterContent(letter: LetterContent): string {
  return JSON.stringify([
    "quickclaim.determination-letter/v1",
    letter.number,
    letter.version,
    letter.caseId,
    letter.regionCode,
    letter.issuedAt,
    letter.accidentAt,
    letter.address,
    letter.facts,
    letter.form,
    letter.parties.map((p) => [p.partyId, p.plate, p.driverName]),
    letter.suggestion === null ? null : letter.suggestion.map((l) => [l.partyId, l.shareBp]),
    letter.decision.map((l) => [l.partyId, l.shareBp]),
    letter.overrideReason,
    [letter.officer.id, letter.officer.name, letter.officer.badgeNo, letter.officer.unit],
  ]);
}
