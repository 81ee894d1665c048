import type { FactorStatus } from "./factor.ts";

/** What happened to a factor. Status-changing kinds follow the lifecycle table (factor-lifecycle.ts). */
export type FactorEventKind =
  | "registered"
  | "submitted"
  | "confirmed"
  | "rejected"
  | "publicised"
  | "objection_lodged"
  | "objection_upheld"
  | "objections_dismissed"
  | "activated"
  | "bundled"
  | "valued"
  | "mortgage_applied"
  | "lien_registered"
  | "lien_released"
  | "listed_for_transfer"
  | "transfer_consented"
  | "transfer_awarded"
  | "transfer_registered"
  | "leased"
  | "disposal_started"
  | "disposal_withdrawn"
  | "disposed";

/** One entry of a factor's history: never rewritten (spec Lifecycle). */
export interface FactorEvent {
  readonly factorId: string;
  readonly regionCode: string;
  /** 1, 2, 3 … per factor. */
  readonly seq: number;
  readonly kind: FactorEventKind;
  readonly fromStatus: FactorStatus;
  readonly toStatus: FactorStatus;
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
  readonly ruleId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}
