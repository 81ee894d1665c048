import type { FactorTypeCode } from "./catalogue.ts";

/**
 * What is valued, mortgaged, transferred or disposed of as one: a single factor, or a 三权合一
 * bundle (FAC-R03) whose members always move together.
 */
export interface CollateralUnit {
  readonly kind: "factor" | "bundle";
  /** The factor id, or the bundle id. */
  readonly id: string;
  readonly factorIds: readonly string[];
  readonly typeCodes: readonly FactorTypeCode[];
  readonly regionCode: string;
  readonly countyCode: string;
  readonly holderRef: string;
}

/** A 三权合一 bundle: sea-area use right + fish raft + aquaculture right on one site. */
export interface MarineBundle {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly siteRef: string;
  readonly holderRef: string;
  /** Member factor ids, one per member type, in the pack's member-type order. */
  readonly memberIds: readonly string[];
  readonly createdAt: string;
}

/** FAC-R04 a value given to a collateral unit on a business date. */
export interface Valuation {
  readonly id: string;
  readonly regionCode: string;
  readonly unitId: string;
  readonly factorIds: readonly string[];
  readonly method: "self_assessment" | "appraisal" | "revenue";
  readonly value: number;
  readonly valuedOn: string;
  /** First day on which it no longer backs a new mortgage. */
  readonly expiresOn: string;
  readonly appraiserId: string | null;
  readonly reportRef: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly actor: string;
}

/** FAC-R02 an objection lodged during public notice. */
export interface Objection {
  readonly id: string;
  readonly regionCode: string;
  readonly factorId: string;
  readonly lodgedBy: string;
  readonly grounds: string;
  readonly lodgedAt: string;
  readonly status: "open" | "upheld" | "dismissed";
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
}
