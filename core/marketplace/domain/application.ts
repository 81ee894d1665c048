import type { Fen } from "../../kernel/mod.ts";
import type { StoredDataSubject } from "./data-subject.ts";
import type { Channel, ProductType } from "./product.ts";
import { nextState, type TransitionTable } from "./state-machine.ts";

/**
 * A loan application through the marketplace.
 *
 *     SUBMITTED → CONTACTED (对接) → APPROVED | REJECTED → DISBURSED | DECLINED_BY_APPLICANT
 *     any open state → WITHDRAWN
 *
 * An institution may approve or reject straight from SUBMITTED (an instant decision, or a call
 * that contacts and decides at once); the decision then also counts as the contact.
 */
export type ApplicationState =
  | "SUBMITTED"
  | "CONTACTED"
  | "APPROVED"
  | "REJECTED"
  | "DISBURSED"
  | "DECLINED_BY_APPLICANT"
  | "WITHDRAWN";

export type ApplicationEvent = "contact" | "approve" | "reject" | "disburse" | "decline" | "withdraw";

export const APPLICATION_LIFECYCLE = "MKT-LIFECYCLE";

export const applicationTransitions: TransitionTable<ApplicationState, ApplicationEvent> = {
  SUBMITTED: { contact: "CONTACTED", approve: "APPROVED", reject: "REJECTED", withdraw: "WITHDRAWN" },
  CONTACTED: { approve: "APPROVED", reject: "REJECTED", withdraw: "WITHDRAWN" },
  APPROVED: { disburse: "DISBURSED", decline: "DECLINED_BY_APPLICANT" },
  REJECTED: {},
  DISBURSED: {},
  DECLINED_BY_APPLICANT: {},
  WITHDRAWN: {},
};

/** MKT-R05: approved, rejected or withdrawn (and what follows approval) is concluded. */
export function isConcluded(state: ApplicationState): boolean {
  return state !== "SUBMITTED" && state !== "CONTACTED";
}

/** Outcome of the synchronous request to a direct-connect institution (MKT-R06). */
export type InstantOutcome = "approved" | "rejected" | "referred" | "timeout" | "failed";

export interface InstantDecisionRecord {
  readonly outcome: InstantOutcome;
  readonly at: Date;
  readonly latencyMs: number;
  /** For timeout/failed: what went wrong (never shown to the applicant). */
  readonly error: string | null;
}

export interface Application {
  readonly id: string;
  readonly regionCode: string;
  readonly productId: string;
  readonly institutionId: string;
  readonly productType: ProductType;
  readonly channel: Channel;
  /** Special-action codes of the product at submission (figures per special action). */
  readonly specialActions: readonly string[];
  /** The account that applied (principal.subjectRef). */
  readonly subjectRef: string;
  readonly applicant: StoredDataSubject;
  readonly applicantName: string;
  /** Contact mobile, FieldCipher ciphertext (class C2). */
  readonly contactMobileCipher: string;
  readonly amountRequested: Fen;
  readonly termMonths: number;
  readonly consentId: string;
  readonly pushId: string;
  /** web, or qr when opened from a 码上贷 code. */
  readonly source: "web" | "qr";
  readonly applyCodeId: string | null;
  readonly branchId: string | null;
  readonly managerId: string | null;
  /** MKT-R07: no loan in the credit data at application time. */
  readonly firstLoan: boolean;
  readonly state: ApplicationState;
  readonly submittedAt: Date;
  /** Business date (Asia/Shanghai) of submission. */
  readonly submittedOn: string;
  /** MKT-R04: contact due before this instant. */
  readonly contactDueAt: Date;
  /** MKT-R05: concluded due before this instant. */
  readonly concludeDueAt: Date;
  readonly contactedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly concludedAt: Date | null;
  readonly amountGranted: Fen | null;
  readonly rateBp: number | null;
  readonly grantedTermMonths: number | null;
  readonly amountDisbursed: Fen | null;
  readonly disbursedAt: Date | null;
  readonly reason: string | null;
  readonly institutionReference: string | null;
  readonly instantDecision: InstantDecisionRecord | null;
  /** MKT-R06: a direct-connect answer that timed out or failed sent it to the manual queue. */
  readonly fellBackToManual: boolean;
}

export interface OutcomeDetails {
  readonly amountGranted?: Fen;
  readonly rateBp?: number;
  readonly grantedTermMonths?: number;
  readonly amountDisbursed?: Fen;
  readonly reason?: string;
  readonly institutionReference?: string;
}

/** The application after `event` at `at`; an illegal move is a conflict naming the lifecycle. */
export function applyApplicationEvent(
  app: Application,
  event: ApplicationEvent,
  at: Date,
  details: OutcomeDetails = {},
): Application {
  const state = nextState(applicationTransitions, app.state, event, {
    ruleId: APPLICATION_LIFECYCLE,
    what: "the application",
  });
  const decided = event === "approve" || event === "reject";
  return {
    ...app,
    state,
    contactedAt: app.contactedAt ?? (event === "contact" || decided ? at : null),
    decidedAt: decided ? at : app.decidedAt,
    concludedAt: app.concludedAt ?? (isConcluded(state) ? at : null),
    amountGranted: event === "approve" ? (details.amountGranted ?? null) : app.amountGranted,
    rateBp: event === "approve" ? (details.rateBp ?? null) : app.rateBp,
    grantedTermMonths: event === "approve" ? (details.grantedTermMonths ?? null) : app.grantedTermMonths,
    amountDisbursed: event === "disburse" ? (details.amountDisbursed ?? null) : app.amountDisbursed,
    disbursedAt: event === "disburse" ? at : app.disbursedAt,
    reason: details.reason ?? app.reason,
    institutionReference: details.institutionReference ?? app.institutionReference,
  };
}

export function applicationVisibility(a: Application): {
  regionCode: string;
  institutionId: string;
  subjectRef: string;
} {
  return { regionCode: a.regionCode, institutionId: a.institutionId, subjectRef: a.subjectRef };
}
