import type { AnyDb } from "../db/create-database.ts";

export type ProcessOnceResult<T> = { readonly processed: true; readonly result: T } | { readonly processed: false };

/**
 * KRN-R09 receiver side: runs `fn` at most once per (consumer, event id). The inbox row and
 * whatever `fn` writes through the transaction it is given commit together, so a redelivered
 * event is skipped, and a failed `fn` leaves no inbox row and may run again. Two deliveries of
 * one event at the same moment serialise on the inbox row's key; the second is skipped.
 */
export async function processOnce<T>(
  db: AnyDb,
  consumer: string,
  eventId: string,
  fn: (tx: AnyDb) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  if (consumer.length === 0 || eventId.length === 0) throw new TypeError("consumer and event id must be non-empty");
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto("platform.inbox")
      .values({ consumer, event_id: eventId })
      .onConflict((oc) => oc.columns(["consumer", "event_id"]).doNothing())
      .returning("event_id")
      .executeTakeFirst();
    if (!claimed) return { processed: false } as const;
    return { processed: true, result: await fn(tx) } as const;
  });
}
