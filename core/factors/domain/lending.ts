import type { Fen } from "../../kernel/mod.ts";
import type { SharingAgreement } from "../policy-schemas.ts";

/** A borrower's request for a mortgage loan against one collateral unit. */
export interface MortgageApplication {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly productId: string;
  readonly bankId: string;
  /** The collateral units offered: each a factor or a whole 三权合一 bundle, with its valuation. */
  readonly collateral: readonly CollateralOffered[];
  readonly borrowerRef: string;
  readonly applicantRef: string | null;
  readonly requestedAmount: Fen;
  readonly termMonths: number;
  /** Labour-quality factors (category L) the borrower holds, applied by FAC-R11. */
  readonly labourFactorIds: readonly string[];
  readonly status: "APPLIED" | "ACCEPTED" | "DECLINED" | "REGISTERED";
  readonly approved: ApprovedTerms | null;
  readonly declineReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface CollateralOffered {
  readonly unitId: string;
  readonly factorIds: readonly string[];
  readonly valuationId: string;
}

export interface ApprovedTerms {
  readonly amount: Fen;
  /** What each unit's lien secures (each ≤ that unit's headroom, FAC-R05/R06; together ≤ amount). */
  readonly secured: readonly { readonly unitId: string; readonly securedAmount: Fen }[];
  readonly rateBp: number;
  readonly termMonths: number;
  readonly guarantorId: string | null;
  readonly insurerId: string | null;
  readonly sharing: SharingAgreement;
}

/** FAC-R06 a lien (抵押/质押) on a collateral unit, ranked by when its registration completed. */
export interface Lien {
  readonly id: string;
  readonly regionCode: string;
  readonly unitId: string;
  readonly factorIds: readonly string[];
  readonly loanId: string;
  readonly bankId: string;
  readonly securedAmount: Fen;
  readonly registeredAt: string;
  /** Order of registration on the unit (1, 2, …): breaks ties of equal instants. */
  readonly registrationSeq: number;
  readonly status: "active" | "released" | "discharged";
  readonly endedAt: string | null;
}

export type LoanStatus = "PERFORMING" | "OVERDUE" | "DEFAULTED" | "DISPOSING" | "SETTLED" | "CLOSED_WITH_LOSS";

/** A loan booked by a bank against a registered lien. */
export interface Loan {
  readonly id: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly applicationId: string;
  readonly productId: string;
  readonly bankId: string;
  readonly borrowerRef: string;
  readonly unitIds: readonly string[];
  readonly principal: Fen;
  readonly outstandingPrincipal: Fen;
  readonly interestArrears: Fen;
  readonly rateBp: number;
  readonly termMonths: number;
  readonly startedOn: string;
  /** First business date of the overdue run; null when current. */
  readonly overdueSince: string | null;
  readonly status: LoanStatus;
  readonly guarantorId: string | null;
  readonly insurerId: string | null;
  readonly sharing: SharingAgreement;
  /** One lien per collateral unit. */
  readonly lienIds: readonly string[];
  /** Disposal proceeds applied to this loan so far (FAC-R07): interest first, then principal. */
  readonly proceedsApplied: { readonly interest: Fen; readonly principal: Fen } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Why a loan's outstanding principal moved (booking is the loan itself: its principal on `startedOn`). */
export type PrincipalMovementKind = "serviced" | "proceeds" | "written_off";

/**
 * One dated change to a loan's outstanding principal, appended in the transaction that made it
 * and never changed: the bank's servicing report (repayment, or a correction upwards), disposal
 * proceeds applied to principal (FAC-R07), or the remainder written off when the loss is shared
 * (FAC-R09). A loan's balance on a date D is its principal (if booked by D) plus the changes
 * dated on or before D.
 */
export interface PrincipalMovement {
  readonly regionCode: string;
  readonly countyCode: string;
  readonly loanId: string;
  /** The loan version the change produced (one movement per version at most). */
  readonly loanVersion: number;
  readonly kind: PrincipalMovementKind;
  /** Signed change of the outstanding principal in fen: negative when principal is paid or written off. */
  readonly change: Fen;
  /** Asia/Shanghai business date the change took effect. */
  readonly on: string;
  readonly at: string;
  readonly actor: string;
}
