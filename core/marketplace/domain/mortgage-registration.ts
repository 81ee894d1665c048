import type { Fen } from "../../kernel/mod.ts";
import { nextState, type TransitionTable } from "./state-machine.ts";

/**
 * 抵押登记云办理 online mortgage registration: once a mortgage product is approved the lender
 * asks the platform to register the mortgage; the borrower signs at a bank branch (no trip to
 * the registry), the branch's request goes to the real-estate registry, and the registry's
 * answer closes it.
 *
 *     REQUESTED → SIGNED_AT_BRANCH → SUBMITTED → REGISTERED | REFUSED
 *     REQUESTED | SIGNED_AT_BRANCH → CANCELLED
 */
export type MortgageRegistrationState =
  | "REQUESTED"
  | "SIGNED_AT_BRANCH"
  | "SUBMITTED"
  | "REGISTERED"
  | "REFUSED"
  | "CANCELLED";

export type MortgageRegistrationEvent = "sign_at_branch" | "submit" | "register" | "refuse" | "cancel";

export const MORTGAGE_REGISTRATION = "MKT-MORTGAGE";

export const mortgageRegistrationTransitions: TransitionTable<MortgageRegistrationState, MortgageRegistrationEvent> = {
  REQUESTED: { sign_at_branch: "SIGNED_AT_BRANCH", cancel: "CANCELLED" },
  SIGNED_AT_BRANCH: { submit: "SUBMITTED", cancel: "CANCELLED", refuse: "REFUSED" },
  SUBMITTED: { register: "REGISTERED", refuse: "REFUSED" },
  REGISTERED: {},
  REFUSED: {},
  CANCELLED: {},
};

export interface MortgagedProperty {
  /** 不动产权证书号 of the property. */
  readonly titleCertificateNo: string;
  readonly address: string;
}

export interface MortgageRegistration {
  readonly id: string;
  readonly regionCode: string;
  readonly applicationId: string;
  readonly institutionId: string;
  readonly subjectRef: string;
  readonly property: MortgagedProperty;
  readonly securedAmount: Fen;
  readonly state: MortgageRegistrationState;
  readonly requestedAt: Date;
  readonly branchId: string | null;
  readonly signedAt: Date | null;
  readonly submittedAt: Date | null;
  readonly registryRef: string | null;
  readonly registeredAt: Date | null;
  /** 不动产登记证明号 issued by the registry. */
  readonly registrationCertificateNo: string | null;
  readonly refusedReason: string | null;
  /** Registry calls tried and the last failure (KRN-R10: the case waits visibly). */
  readonly attempts: number;
  readonly lastError: string | null;
}

export function moveMortgageRegistration(
  reg: MortgageRegistration,
  event: MortgageRegistrationEvent,
): MortgageRegistrationState {
  return nextState(mortgageRegistrationTransitions, reg.state, event, {
    ruleId: MORTGAGE_REGISTRATION,
    what: "the mortgage registration",
  });
}

export function mortgageRegistrationVisibility(r: MortgageRegistration): {
  regionCode: string;
  institutionId: string;
  subjectRef: string;
} {
  return { regionCode: r.regionCode, institutionId: r.institutionId, subjectRef: r.subjectRef };
}
