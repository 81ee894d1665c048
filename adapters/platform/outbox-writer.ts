import type { Clock, IdGenerator, OutboxEventInput, OutboxWriter } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { jsonRoundTrip } from "./canonical-json.ts";

const REGION = /^\d{6}$/;
const TYPE = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * KRN-R09: stores outgoing events in the caller's transaction, so they exist exactly when the
 * change that caused them committed. The dispatcher delivers them later. Event ids come from
 * `ids.next("evt")`; receivers dedupe by them (`processOnce`).
 */
export function createOutboxWriter(tx: AnyDb, clock: Clock, ids: IdGenerator): OutboxWriter {
  return {
    async enqueue(event: OutboxEventInput): Promise<void> {
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
      await tx
        .insertInto("platform.outbox")
        .values({
          id: ids.next("evt"),
          region_code: event.regionCode,
          type: event.type,
          aggregate_id: event.aggregateId,
          payload,
          created_at: now,
          next_attempt_at: now,
        })
        .execute();
    },
  };
}
