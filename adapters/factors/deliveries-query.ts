import type { AnyDb } from "../db/create-database.ts";
import { FACTORS_NOTICE_EVENTS } from "./outbox/factors-subscriptions.ts";
import { iso, isoOrNull } from "./sql-values.ts";

/** An outgoing event's delivery state (KRN-R10: a case waiting on an outside system shows it). */
export interface DeliveryState {
  readonly eventId: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly createdAt: string;
  readonly attempts: number;
  readonly state: "delivered" | "waiting" | "failed";
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

/**
 * The delivery state of the factors events bound for outside systems (banks, guarantors,
 * insurers: FACTORS_NOTICE_EVENTS) of some aggregates (a loan, an application, a
 * listing, a disposal, a loss allocation), oldest first: delivered, waiting for a retry (with
 * the last error and the next attempt), or failed for good and waiting for a person.
 */
export async function deliveriesOf(
  db: AnyDb,
  regionCode: string,
  aggregateIds: readonly string[],
): Promise<DeliveryState[]> {
  if (aggregateIds.length === 0) return [];
  const rows = await db
    .selectFrom("platform.outbox")
    .select([
      "id",
      "type",
      "aggregate_id",
      "created_at",
      "attempts",
      "delivered_at",
      "dead_at",
      "last_error",
      "next_attempt_at",
    ])
    .where("region_code", "=", regionCode)
    .where("aggregate_id", "in", [...new Set(aggregateIds)])
    .where("type", "in", [...FACTORS_NOTICE_EVENTS])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    eventId: r.id,
    type: r.type,
    aggregateId: r.aggregate_id,
    createdAt: iso(r.created_at),
    attempts: Number(r.attempts),
    state: r.delivered_at ? "delivered" : r.dead_at ? "failed" : "waiting",
    lastError: r.last_error,
    nextAttemptAt: r.delivered_at || r.dead_at ? null : isoOrNull(r.next_attempt_at),
  }));
}
