import type { Fen } from "../../kernel/mod.ts";
import type { ClaimStatus } from "./claim-status.ts";
import type { PayoutLine } from "./payout-plan.ts";

/** 一键理赔: one claimant's claim in a case (one per party, unique on case + party). */
export interface Claim {
  readonly id: string;
  readonly caseId: string;
  readonly regionCode: string;
  readonly centreId: string;
  readonly partyId: string;
  readonly status: ClaimStatus;
  readonly version: number;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly claimant: ClaimantIdentity;
  readonly bankCard: BankCard;
  /** Payout from the case's assessment (QC-R05/R06); null until assessed. */
  readonly payoutFen: Fen | null;
  readonly lines: readonly PayoutLine[];
  readonly acceptances: readonly InsurerAcceptance[];
  readonly assessedAt: string | null;
  readonly acceptedAt: string | null;
  readonly paidAt: string | null;
  /** Sum actually paid; equals `payoutFen` once PAID (QC-R07 invariant). */
  readonly paidFen: Fen;
}

/** From the uploaded ID card. */
export interface ClaimantIdentity {
  readonly name: string;
  /** C2 resident ID number. */
  readonly residentId: string;
  readonly idCardPhotoKey: string;
}

/** From the uploaded bank card. */
export interface BankCard {
  /** C2 card number (Luhn-checked). */
  readonly number: string;
  readonly holderName: string;
  readonly bankName: string | null;
  readonly photoKey: string;
}

export interface InsurerAcceptance {
  readonly insurerId: string;
  readonly state: "accepted" | "declined";
  readonly reference: string | null;
  readonly reason: string | null;
  readonly at: string;
}
