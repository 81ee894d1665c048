import { type Kysely, sql } from "kysely";

/**
 * KRN-R09/R10 transactional outbox (events written with the change, delivered later, retried
 * with backoff, dead ones kept visible) and the receivers' inbox for dedupe by event id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("aggregate_id", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "timestamptz")
    .addColumn("delivered_at", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("dead_at", "timestamptz")
    .addColumn("note", "text")
    .execute();

  // The dispatcher's claim query scans only pending events, oldest due first.
  await sql`create index outbox_pending_idx on platform.outbox (next_attempt_at, id)
            where delivered_at is null and dead_at is null`.execute(db);
  await db.schema
    .withSchema("platform")
    .createIndex("outbox_aggregate_idx")
    .on("outbox")
    .columns(["region_code", "aggregate_id"])
    .execute();
  await sql`create index outbox_dead_idx on platform.outbox (dead_at) where dead_at is not null`.execute(db);

  await db.schema
    .withSchema("platform")
    .createTable("inbox")
    .addColumn("consumer", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("processed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("inbox_pk", ["consumer", "event_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("inbox").ifExists().execute();
  await db.schema.withSchema("platform").dropTable("outbox").ifExists().execute();
}
