import { businessDateOf, DomainError, type Principal } from "../../../kernel/mod.ts";
import type { Factor, FactorStatus } from "../../domain/factor.ts";
import type { FactorEventKind } from "../../domain/factor-event.ts";
import { nextStatus } from "../../domain/factor-lifecycle.ts";
import type { FactorsTx } from "../../factors.ports.ts";

/** Who acts and when: every change records both. */
export interface Act {
  readonly principal: Principal;
  /** ISO UTC instant. */
  readonly at: string;
  /** Asia/Shanghai business date of `at`. */
  readonly today: string;
}

export function actOf(principal: Principal, now: Date): Act {
  return { principal, at: now.toISOString(), today: businessDateOf(now) };
}

export interface FactorChange {
  readonly to?: FactorStatus;
  readonly reason: string;
  readonly ruleId?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly patch?: Partial<Omit<Factor, "id" | "regionCode" | "status" | "version" | "createdAt">>;
}

/**
 * Applies one lifecycle event to a factor inside the transaction: checks the move against the
 * lifecycle table, writes the row (optimistic: the stored version must be the one read), appends
 * the history entry (seq = the new version), the audit entry and the outgoing event.
 */
export async function recordFactorEvent(
  tx: FactorsTx,
  factor: Factor,
  kind: FactorEventKind,
  change: FactorChange,
  act: Act,
): Promise<Factor> {
  const toStatus = nextStatus(factor.status, kind, change.to);
  const next: Factor = {
    ...factor,
    ...change.patch,
    status: toStatus,
    updatedAt: act.at,
    version: factor.version + 1,
  };
  if (!(await tx.factors.update(next))) {
    throw new DomainError("the factor was changed by someone else; reload and try again", {
      ruleId: "KRN-R09",
      kind: "conflict",
      field: "factorId",
    });
  }
  const data = change.data ?? {};
  await tx.factors.appendEvent({
    factorId: factor.id,
    regionCode: factor.regionCode,
    seq: next.version,
    kind,
    fromStatus: factor.status,
    toStatus,
    at: act.at,
    actor: act.principal.id,
    reason: change.reason,
    ruleId: change.ruleId ?? null,
    data,
  });
  await audit(tx, act, factor.regionCode, `factor.${kind}`, "factor", factor.id, {
    from: factor.status,
    to: toStatus,
    ...data,
  });
  await tx.outbox.enqueue({
    regionCode: factor.regionCode,
    type: `factors.factor.${kind}`,
    aggregateId: factor.id,
    payload: {
      factorId: factor.id,
      countyCode: factor.countyCode,
      from: factor.status,
      to: toStatus,
      at: act.at,
      ...data,
    },
  });
  return next;
}

/** One audit entry (KRN-R07) for a change that is not a factor event. */
export function audit(
  tx: FactorsTx,
  act: Act,
  regionCode: string,
  action: string,
  objectType: string,
  objectId: string,
  detail: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  return tx.audit.append({ regionCode, actor: act.principal.id, action, objectType, objectId, outcome: "ok", detail });
}

/** Optimistic write of any versioned row: a lost race is a conflict, never a silent overwrite. */
export async function mustUpdate(updated: Promise<boolean>, what: string): Promise<void> {
  if (!(await updated)) {
    throw new DomainError(`the ${what} was changed by someone else; reload and try again`, {
      ruleId: "KRN-R09",
      kind: "conflict",
    });
  }
}
