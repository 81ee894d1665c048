import { type Kysely, sql } from "kysely";

/**
 * KRN-R07 hash-chained audit log. `audit_head` holds each region's chain head; writers lock it
 * `for update` so entries of one region are appended one at a time and the chain never forks.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("audit_head")
    .addColumn("region_code", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .withSchema("platform")
    .createTable("audit_log")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in ('ok', 'denied', 'failed')`))
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_log_pk", ["region_code", "seq"])
    .execute();

  await db.schema
    .withSchema("platform")
    .createIndex("audit_log_object_idx")
    .on("audit_log")
    .columns(["region_code", "object_type", "object_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("audit_log").ifExists().execute();
  await db.schema.withSchema("platform").dropTable("audit_head").ifExists().execute();
}
