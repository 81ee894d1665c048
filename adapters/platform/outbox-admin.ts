import type { Clock } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";

/** A dead outbox event as an operator sees it (KRN-R10: visible, handed to a person). */
export interface DeadOutboxEvent {
  readonly id: string;
  readonly regionCode: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly deadAt: Date;
  readonly lastError: string | null;
}

/** Dead events, newest first. */
export async function listDeadOutboxEvents(
  db: AnyDb,
  options: { readonly regionCode?: string; readonly limit?: number } = {},
): Promise<DeadOutboxEvent[]> {
  let q = db
    .selectFrom("platform.outbox")
    .select(["id", "region_code", "type", "aggregate_id", "attempts", "created_at", "dead_at", "last_error"])
    .where("dead_at", "is not", null);
  if (options.regionCode !== undefined) q = q.where("region_code", "=", options.regionCode);
  const rows = await q
    .orderBy("dead_at", "desc")
    .orderBy("id")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    type: r.type,
    aggregateId: r.aggregate_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    deadAt: r.dead_at,
    lastError: r.last_error,
  }));
}

/** Puts a dead event back in the queue with a fresh attempt budget; false if it was not dead. */
export async function requeueDeadOutboxEvent(db: AnyDb, clock: Clock, id: string): Promise<boolean> {
  const r = await db
    .updateTable("platform.outbox")
    .set({ dead_at: null, attempts: 0, next_attempt_at: clock.now(), locked_by: null, locked_until: null })
    .where("id", "=", id)
    .where("dead_at", "is not", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
