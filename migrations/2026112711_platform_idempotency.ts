import { type Kysely, sql } from "kysely";

/**
 * KRN-R08 idempotency keys. One row per (scope, key); scope = principal id + method + route.
 * A technical table keyed by principal, not a business table, so it has no region_code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("idempotency")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('in_progress', 'done')`))
    .addColumn("response_status", "integer")
    .addColumn("response_headers", "jsonb")
    .addColumn("response_body", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("lease_until", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_pk", ["scope", "key"])
    .execute();

  await db.schema
    .withSchema("platform")
    .createIndex("idempotency_expires_idx")
    .on("idempotency")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("idempotency").ifExists().execute();
}
