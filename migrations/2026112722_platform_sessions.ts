import { type Kysely, sql } from "kysely";

/**
 * Browser and app sessions of citizens and staff. The token is random and only its SHA-256 hash
 * is stored. A staff session made from an API key dies with the key (revocation cascades).
 * `principal` is the resolved principal at sign-in (id, roles, institution, regions, subjectRef);
 * `label` is what the page header shows (a masked mobile, the key's label) — never C2 in clear.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('citizen', 'staff')`))
    .addColumn("principal", "jsonb", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("api_key_id", "text", (c) => c.references("platform.api_keys.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .withSchema("platform")
    .createIndex("sessions_expires_idx")
    .on("sessions")
    .column("expires_at")
    .execute();
  await db.schema
    .withSchema("platform")
    .createIndex("sessions_api_key_idx")
    .on("sessions")
    .column("api_key_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("sessions").ifExists().execute();
}
