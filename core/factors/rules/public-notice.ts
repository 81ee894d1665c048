import { addDays, DomainError, valueAsOf } from "../../kernel/mod.ts";
import type { FactorStatus } from "../domain/factor.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R02";

/**
 * FAC-R02: a confirmed factor published on `publishedOn` takes objections through the returned
 * date (publication day + the pack's notice days, 7 by default).
 */
export function noticeClosesOn(policy: FactorsPolicy, publishedOn: string): string {
  return addDays(publishedOn, valueAsOf(policy.publicNotice.days, publishedOn, "factors.publicNotice.days"));
}

/** Objections are taken while the notice runs: status PUBLICISED or DISPUTED and not after the last day. */
export function assertObjectionWindow(status: FactorStatus, closesOn: string | null, today: string): void {
  if (status !== "PUBLICISED" && status !== "DISPUTED") {
    throw new DomainError(`objections are taken only during public notice (the factor is ${status})`, {
      ruleId: RULE,
      kind: "conflict",
      field: "factorId",
    });
  }
  if (closesOn === null || today > closesOn) {
    throw new DomainError(`the public notice closed on ${closesOn}; objections are no longer taken`, {
      ruleId: RULE,
      kind: "conflict",
      field: "factorId",
      detail: { closesOn, today },
    });
  }
}

/** Only an unopposed factor whose notice has run its full term becomes ACTIVE. */
export function assertCanActivate(status: FactorStatus, closesOn: string | null, today: string): void {
  if (status !== "PUBLICISED") {
    throw new DomainError(`only an unopposed publicised factor becomes active (it is ${status})`, {
      ruleId: RULE,
      kind: "conflict",
      field: "status",
    });
  }
  if (closesOn === null || today <= closesOn) {
    throw new DomainError(`the public notice runs through ${closesOn}; the factor becomes active after it`, {
      ruleId: RULE,
      kind: "conflict",
      field: "status",
      detail: { closesOn, today },
    });
  }
}

/**
 * Once the county dismisses every objection, the factor returns to notice if it is still running
 * (others may still object) and becomes ACTIVE if it has closed.
 */
export function statusAfterDismissal(closesOn: string | null, today: string): "PUBLICISED" | "ACTIVE" {
  return closesOn !== null && today <= closesOn ? "PUBLICISED" : "ACTIVE";
}
