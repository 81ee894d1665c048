import { DomainError } from "../../kernel/mod.ts";

/** Where a quick-claim case is in its flow (spec 20-quickclaim.md "Flow"). */
export const CASE_STATUSES = [
  "REPORTED",
  "EVIDENCE_SUBMITTED",
  "DETERMINED",
  "AGREED",
  "CLAIMING",
  "PAID",
  "DISPUTED",
  "OFFLINE",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type CaseEvent =
  | "submitEvidence"
  | "determine"
  | "redetermine"
  | "agree"
  | "dispute"
  | "openClaim"
  | "assess"
  | "settle"
  | "moveOffline";

/** The state machine as a table: status → event → next status. Anything else is refused. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, Readonly<Partial<Record<CaseEvent, CaseStatus>>>>> = {
  REPORTED: { submitEvidence: "EVIDENCE_SUBMITTED", moveOffline: "OFFLINE" },
  EVIDENCE_SUBMITTED: { determine: "DETERMINED", moveOffline: "OFFLINE" },
  DETERMINED: { redetermine: "DETERMINED", agree: "AGREED", dispute: "DISPUTED", moveOffline: "OFFLINE" },
  AGREED: { openClaim: "CLAIMING", assess: "AGREED", moveOffline: "OFFLINE" },
  CLAIMING: { openClaim: "CLAIMING", assess: "CLAIMING", settle: "PAID", moveOffline: "OFFLINE" },
  DISPUTED: { moveOffline: "OFFLINE" },
  PAID: {},
  OFFLINE: {},
};

/** The status after `event`, or a DomainError (kind "conflict") naming the rule. */
export function caseTransition(from: CaseStatus, event: CaseEvent, ruleId = "QC-FLOW"): CaseStatus {
  const next = CASE_TRANSITIONS[from][event];
  if (next === undefined) {
    throw new DomainError(`a case in status ${from} cannot ${event}`, {
      ruleId,
      kind: "conflict",
      field: "status",
      detail: { status: from, event },
    });
  }
  return next;
}
