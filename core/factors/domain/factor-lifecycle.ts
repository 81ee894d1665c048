import { DomainError } from "../../kernel/mod.ts";
import type { FactorStatus } from "./factor.ts";
import type { FactorEventKind } from "./factor-event.ts";

type Move = readonly [from: FactorStatus, to: FactorStatus];

/**
 * The lifecycle as a table: for each event, the moves it may make (spec 10-factors.md):
 *
 *     DRAFT → SUBMITTED → CONFIRMED → PUBLICISED ─┬→ ACTIVE ──→ (ENCUMBERED)* ─→ DISPOSING → DISPOSED
 *                         ↘ REJECTED              └→ DISPUTED → (resolved) ACTIVE | REJECTED
 *     ACTIVE → TRANSFERRED (sale: until the registry records the buyer; a lease keeps the owner)
 */
export const FACTOR_TRANSITIONS: Readonly<Record<FactorEventKind, readonly Move[]>> = {
  registered: [["DRAFT", "DRAFT"]],
  submitted: [["DRAFT", "SUBMITTED"]],
  confirmed: [["SUBMITTED", "CONFIRMED"]],
  rejected: [["SUBMITTED", "REJECTED"]],
  publicised: [["CONFIRMED", "PUBLICISED"]],
  objection_lodged: [
    ["PUBLICISED", "DISPUTED"],
    ["DISPUTED", "DISPUTED"],
  ],
  objection_upheld: [["DISPUTED", "REJECTED"]],
  objections_dismissed: [
    ["DISPUTED", "PUBLICISED"],
    ["DISPUTED", "ACTIVE"],
    ["DISPUTED", "DISPUTED"],
  ],
  activated: [["PUBLICISED", "ACTIVE"]],
  bundled: [["ACTIVE", "ACTIVE"]],
  valued: [
    ["ACTIVE", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  mortgage_applied: [
    ["ACTIVE", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  lien_registered: [
    ["ACTIVE", "ENCUMBERED"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  lien_released: [
    ["ENCUMBERED", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
    ["DISPOSED", "DISPOSED"],
  ],
  listed_for_transfer: [
    ["ACTIVE", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  transfer_consented: [
    ["ACTIVE", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  transfer_awarded: [
    ["ACTIVE", "TRANSFERRED"],
    ["ENCUMBERED", "TRANSFERRED"],
  ],
  transfer_registered: [
    ["TRANSFERRED", "ACTIVE"],
    ["TRANSFERRED", "ENCUMBERED"],
  ],
  leased: [
    ["ACTIVE", "ACTIVE"],
    ["ENCUMBERED", "ENCUMBERED"],
  ],
  disposal_started: [["ENCUMBERED", "DISPOSING"]],
  disposal_withdrawn: [["DISPOSING", "ENCUMBERED"]],
  disposed: [["DISPOSING", "DISPOSED"]],
};

/**
 * The status after `kind` happens to a factor in status `from`. Where an event has more than one
 * possible outcome the caller names it (`to`). An illegal move is a conflict (HTTP 409).
 */
export function nextStatus(from: FactorStatus, kind: FactorEventKind, to?: FactorStatus): FactorStatus {
  for (const [f, t] of FACTOR_TRANSITIONS[kind]) {
    if (f === from && (to === undefined || t === to)) return t;
  }
  throw new DomainError(`a factor in status ${from} cannot be ${kind.replaceAll("_", " ")}${to ? ` to ${to}` : ""}`, {
    ruleId: "FAC-LIFECYCLE",
    kind: "conflict",
    field: "status",
    detail: { from, event: kind, ...(to ? { to } : {}) },
  });
}
