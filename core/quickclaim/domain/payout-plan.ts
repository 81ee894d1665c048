import type { Fen } from "../../kernel/mod.ts";

/** Which cover pays a line. */
export type Cover = "compulsory" | "commercial" | "mutual";
/** 分项: the head of loss a line pays. */
export type LossHead = "property" | "medical";

/** An insurer paying (part of) a victim's loss on behalf of `payerPartyId`'s policy. */
export interface PayoutLine {
  readonly payerPartyId: string;
  readonly insurerId: string;
  readonly cover: Cover;
  readonly head: LossHead;
  readonly amountFen: Fen;
}

/** A part of a victim's loss no insurer covers, owed by another party (QC-R05). */
export interface OwedLine {
  readonly byPartyId: string;
  readonly head: LossHead;
  readonly amountFen: Fen;
  readonly why: "no-compulsory-cover" | "no-commercial-cover" | "above-commercial-limit";
}

/** What happens to one party's (the victim's) loss. */
export interface VictimPayout {
  readonly partyId: string;
  readonly propertyLossFen: Fen;
  readonly medicalLossFen: Fen;
  readonly lines: readonly PayoutLine[];
  readonly owed: readonly OwedLine[];
  /** The victim's own liability share of the loss left after compulsory cover. */
  readonly selfBorneFen: Fen;
  /** Σ lines: what the victim's claim pays out. */
  readonly insurerPaidFen: Fen;
}

/** Who pays what for a case; for every victim lines + owed + self-borne = loss, to the fen. */
export interface PayoutPlan {
  readonly mode: "compulsory-first" | "mutual-self-compensation";
  readonly victims: readonly VictimPayout[];
}
