import type { Kysely } from "kysely";

/**
 * Citizen one-time sign-in codes (C3, KRN-R04): only a keyed hash of the code is stored, for at
 * most its lifetime; the row is deleted on use, on the last failed attempt, or when expired.
 * `mobile_ref` is the blind index of the mobile number, never the number itself.
 * `platform.otp_send_window` keeps the per-mobile send counts for rate limiting (no C3 data).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("citizen_otp")
    .addColumn("mobile_ref", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("salt", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("attempts_left", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .withSchema("platform")
    .createIndex("citizen_otp_expires_idx")
    .on("citizen_otp")
    .column("expires_at")
    .execute();

  await db.schema
    .withSchema("platform")
    .createTable("otp_send_window")
    .addColumn("mobile_ref", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("sent_count", "integer", (c) => c.notNull())
    .addColumn("last_sent_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("otp_send_window").ifExists().execute();
  await db.schema.withSchema("platform").dropTable("citizen_otp").ifExists().execute();
}
