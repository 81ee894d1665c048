import type { Application, InstantDecisionRecord } from "../../core/marketplace/mod.ts";
import { toDate, toDateOrNull } from "./sql-values.ts";

/** A row of marketplace.applications (timestamps come back as Date, submitted_on as text). */
export interface ApplicationRow {
  id: string;
  region_code: string;
  product_id: string;
  institution_id: string;
  product_type: Application["productType"];
  channel: Application["channel"];
  special_actions: string[];
  subject_ref: string;
  applicant_kind: Application["applicant"]["idKind"];
  applicant_index: string;
  applicant_cipher: string;
  applicant_name: string;
  contact_mobile_cipher: string;
  amount_requested: number;
  term_months: number;
  consent_id: string;
  push_id: string;
  source: Application["source"];
  apply_code_id: string | null;
  branch_id: string | null;
  manager_id: string | null;
  first_loan: boolean;
  state: Application["state"];
  submitted_at: Date | string;
  submitted_on: string;
  contact_due_at: Date | string;
  conclude_due_at: Date | string;
  contacted_at: Date | string | null;
  decided_at: Date | string | null;
  concluded_at: Date | string | null;
  amount_granted: number | null;
  rate_bp: number | null;
  granted_term_months: number | null;
  amount_disbursed: number | null;
  disbursed_at: Date | string | null;
  reason: string | null;
  institution_reference: string | null;
  instant_decision: StoredInstantDecision | null;
  fell_back_to_manual: boolean;
}

interface StoredInstantDecision {
  outcome: InstantDecisionRecord["outcome"];
  at: string;
  latencyMs: number;
  error: string | null;
}

/** Every column but submitted_on, which is selected as text. */
export const APPLICATION_COLUMNS = [
  "id",
  "region_code",
  "product_id",
  "institution_id",
  "product_type",
  "channel",
  "special_actions",
  "subject_ref",
  "applicant_kind",
  "applicant_index",
  "applicant_cipher",
  "applicant_name",
  "contact_mobile_cipher",
  "amount_requested",
  "term_months",
  "consent_id",
  "push_id",
  "source",
  "apply_code_id",
  "branch_id",
  "manager_id",
  "first_loan",
  "state",
  "submitted_at",
  "contact_due_at",
  "conclude_due_at",
  "contacted_at",
  "decided_at",
  "concluded_at",
  "amount_granted",
  "rate_bp",
  "granted_term_months",
  "amount_disbursed",
  "disbursed_at",
  "reason",
  "institution_reference",
  "instant_decision",
  "fell_back_to_manual",
] as const;

export function applicationFromRow(r: ApplicationRow): Application {
  const d = r.instant_decision;
  return {
    id: r.id,
    regionCode: r.region_code,
    productId: r.product_id,
    institutionId: r.institution_id,
    productType: r.product_type,
    channel: r.channel,
    specialActions: r.special_actions,
    subjectRef: r.subject_ref,
    applicant: { idKind: r.applicant_kind, idIndex: r.applicant_index, idCipher: r.applicant_cipher },
    applicantName: r.applicant_name,
    contactMobileCipher: r.contact_mobile_cipher,
    amountRequested: r.amount_requested,
    termMonths: r.term_months,
    consentId: r.consent_id,
    pushId: r.push_id,
    source: r.source,
    applyCodeId: r.apply_code_id,
    branchId: r.branch_id,
    managerId: r.manager_id,
    firstLoan: r.first_loan,
    state: r.state,
    submittedAt: toDate(r.submitted_at),
    submittedOn: r.submitted_on,
    contactDueAt: toDate(r.contact_due_at),
    concludeDueAt: toDate(r.conclude_due_at),
    contactedAt: toDateOrNull(r.contacted_at),
    decidedAt: toDateOrNull(r.decided_at),
    concludedAt: toDateOrNull(r.concluded_at),
    amountGranted: r.amount_granted,
    rateBp: r.rate_bp,
    grantedTermMonths: r.granted_term_months,
    amountDisbursed: r.amount_disbursed,
    disbursedAt: toDateOrNull(r.disbursed_at),
    reason: r.reason,
    institutionReference: r.institution_reference,
    instantDecision: d ? { outcome: d.outcome, at: toDate(d.at), latencyMs: d.latencyMs, error: d.error } : null,
    fellBackToManual: r.fell_back_to_manual,
  };
}

export function applicationToRow(a: Application): ApplicationRow {
  const d = a.instantDecision;
  return {
    id: a.id,
    region_code: a.regionCode,
    product_id: a.productId,
    institution_id: a.institutionId,
    product_type: a.productType,
    channel: a.channel,
    special_actions: [...a.specialActions],
    subject_ref: a.subjectRef,
    applicant_kind: a.applicant.idKind,
    applicant_index: a.applicant.idIndex,
    applicant_cipher: a.applicant.idCipher,
    applicant_name: a.applicantName,
    contact_mobile_cipher: a.contactMobileCipher,
    amount_requested: a.amountRequested,
    term_months: a.termMonths,
    consent_id: a.consentId,
    push_id: a.pushId,
    source: a.source,
    apply_code_id: a.applyCodeId,
    branch_id: a.branchId,
    manager_id: a.managerId,
    first_loan: a.firstLoan,
    state: a.state,
    submitted_at: a.submittedAt,
    submitted_on: a.submittedOn,
    contact_due_at: a.contactDueAt,
    conclude_due_at: a.concludeDueAt,
    contacted_at: a.contactedAt,
    decided_at: a.decidedAt,
    concluded_at: a.concludedAt,
    amount_granted: a.amountGranted,
    rate_bp: a.rateBp,
    granted_term_months: a.grantedTermMonths,
    amount_disbursed: a.amountDisbursed,
    disbursed_at: a.disbursedAt,
    reason: a.reason,
    institution_reference: a.institutionReference,
    instant_decision: d ? { outcome: d.outcome, at: d.at.toISOString(), latencyMs: d.latencyMs, error: d.error } : null,
    fell_back_to_manual: a.fellBackToManual,
  };
}
