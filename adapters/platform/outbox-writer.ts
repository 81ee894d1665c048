import { CompiledQuery } from "kysely";
import type { Clock, IdGenerator, OutboxEventInput, OutboxWriter } from "../../core/kernel/mod.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { jsonRoundTrip } from "./canonical-json.ts";

const REGION = /^\d{6}$/;
const INSERT_SQL =
  'insert into "platform"."outbox" ("id", "region_code", "type", "aggregate_id", "payload", "created_at", "next_attempt_at") ' +
  "values ($1, $2, $3, $4, $5, $6, $7)";
const TYPE = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * KRN-R09: stores outgoing events in the caller's transaction, so they exist exactly when the
 * change that caused them committed. The dispatcher delivers them later. Event ids come from
 * `ids.next("evt")`; receivers dedupe by them (`processOnce`).
 *
 * `pipelined: true` (in a transaction) sends the same insert without waiting for it
 * (`PIPELINED`): it travels with the next statement or the COMMIT, and a failure of it fails the
 * transaction there.
 */
export function createOutboxWriter(
  tx: AnyDb,
  clock: Clock,
  ids: IdGenerator,
  options: { readonly pipelined?: boolean } = {},
): OutboxWriter {
  return {
    async enqueue(event: OutboxEventInput): Promise<void> {
      const values = outboxRow(event, clock, ids);
      if (options.pipelined && tx.isTransaction) {
        // Constant text (no query building per event on the hot path); the same insert as below.
        await tx.executeQuery(
          CompiledQuery.raw(PIPELINED + INSERT_SQL, [
            values.id,
            values.region_code,
            values.type,
            values.aggregate_id,
            values.payload,
            values.created_at,
            values.next_attempt_at,
          ]),
        );
      } else {
        await tx.insertInto("platform.outbox").values(values).execute();
      }
    },
  };
}

/** One `platform.outbox` row as createOutboxWriter inserts it. */
export interface OutboxRow {
  readonly id: string;
  readonly region_code: string;
  readonly type: string;
  readonly aggregate_id: string;
  readonly payload: Record<string, unknown>;
  readonly created_at: Date;
  readonly next_attempt_at: Date;
}

/**
 * KRN-R09 the row of one event, checked as createOutboxWriter checks it (region, type,
 * aggregate, JSON object payload), with its id from `ids.next("evt")` — for a caller that inserts
 * several events, or events with other rows, in one statement of its transaction.
 */
export function outboxRow(event: OutboxEventInput, clock: Clock, ids: IdGenerator): OutboxRow {
  if (!REGION.test(event.regionCode)) throw new TypeError(`outbox event: region code must be 6 digits`);
  if (!TYPE.test(event.type)) throw new TypeError(`outbox event: type must look like "module.thing.happened"`);
  if (typeof event.aggregateId !== "string" || event.aggregateId.length === 0) {
    throw new TypeError("outbox event: aggregateId must be a non-empty string");
  }
  const payload = jsonRoundTrip(event.payload);
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    throw new TypeError("outbox event: payload must be an object");
  }
  const now = clock.now();
  return {
    id: ids.next("evt"),
    region_code: event.regionCode,
    type: event.type,
    aggregate_id: event.aggregateId,
    payload: payload as Record<string, unknown>,
    created_at: now,
    next_attempt_at: now,
  };
}
