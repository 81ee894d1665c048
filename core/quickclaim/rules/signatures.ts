import { DomainError } from "../../kernel/mod.ts";
import type { Signature } from "../domain/quick-claim-case.ts";

export interface SignatureInput {
  /** The content hash the party saw and signs. */
  readonly letterHash: string;
  readonly decision: "agree" | "dispute";
  readonly mutualConsent: boolean;
  readonly disputeReason: string | null;
}

export type SigningOutcome = "waiting" | "agreed" | "disputed";

/** Signatures still in force for the letter with `contentHash`. */
export function currentSignatures(signatures: readonly Signature[], contentHash: string): Signature[] {
  return signatures.filter((s) => !s.voided && s.letterHash === contentHash);
}

/**
 * QC-R04: the determination binds only when every party has agreed to the letter's exact
 * content hash (no voided signature, none on another version).
 */
export function isBinding(
  letter: { readonly contentHash: string } | null,
  signatures: readonly Signature[],
  partyIds: readonly string[],
): boolean {
  if (letter === null) return false;
  const current = currentSignatures(signatures, letter.contentHash);
  return partyIds.every((id) => current.some((s) => s.partyId === id && s.decision === "agree"));
}

/** QC-R04: a new letter version voids every signature given on another content hash. */
export function voidStaleSignatures(signatures: readonly Signature[], contentHash: string): Signature[] {
  return signatures.map((s) => (s.voided || s.letterHash === contentHash ? s : { ...s, voided: true }));
}

/**
 * QC-R04 签名: adds a party's answer to the letter in force. Signing a stale hash (the letter
 * changed since the party read it) or answering twice is refused (conflict). Returns the new
 * signature list and whether the case is now agreed, disputed or still waiting for others.
 */
export function addSignature(
  letter: { readonly contentHash: string } | null,
  signatures: readonly Signature[],
  partyIds: readonly string[],
  partyId: string,
  input: SignatureInput,
  at: string,
): { signatures: Signature[]; outcome: SigningOutcome } {
  if (letter === null) {
    throw new DomainError("there is no determination letter to sign yet", {
      ruleId: "QC-R04",
      kind: "conflict",
      field: "letterHash",
    });
  }
  if (input.letterHash !== letter.contentHash) {
    throw new DomainError("the letter has changed since it was read: read the current letter and sign again", {
      ruleId: "QC-R04",
      kind: "conflict",
      field: "letterHash",
    });
  }
  const current = currentSignatures(signatures, letter.contentHash);
  if (current.some((s) => s.partyId === partyId)) {
    throw new DomainError("this party has already answered this letter", {
      ruleId: "QC-R04",
      kind: "conflict",
      field: "partyId",
    });
  }
  const reason = input.disputeReason?.trim() ?? "";
  const signature: Signature = {
    partyId,
    letterHash: letter.contentHash,
    decision: input.decision,
    mutualConsent: input.decision === "agree" && input.mutualConsent,
    disputeReason: input.decision === "dispute" && reason !== "" ? reason : null,
    at,
    voided: false,
  };
  const next = [...signatures, signature];
  if (input.decision === "dispute") return { signatures: next, outcome: "disputed" };
  return { signatures: next, outcome: isBinding(letter, next, partyIds) ? "agreed" : "waiting" };
}

/** QC-R06 "the parties agree": every party consented to 互碰自赔 on the binding letter. */
export function allConsentToMutual(
  letter: { readonly contentHash: string } | null,
  signatures: readonly Signature[],
  partyIds: readonly string[],
): boolean {
  if (letter === null) return false;
  const current = currentSignatures(signatures, letter.contentHash);
  return partyIds.every((id) => current.some((s) => s.partyId === id && s.decision === "agree" && s.mutualConsent));
}
