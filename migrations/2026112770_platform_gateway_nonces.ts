import type { Kysely } from "kysely";

/**
 * KRN-R14 replay guard: nonces of signed institution messages (callbacks), each usable once.
 * The primary key (institution_id, nonce) refuses a second use on every platform process.
 * `signed_at` is the message's signed timestamp: a row is purged once it has left the replay
 * window, when the timestamp check refuses the message anyway. A technical table, but it names
 * the region whose gateway accepted the message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("gateway_nonces")
    .addColumn("institution_id", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("signed_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("gateway_nonces_pk", ["institution_id", "nonce"])
    .execute();
  await db.schema
    .withSchema("platform")
    .createIndex("gateway_nonces_region_signed_idx")
    .on("gateway_nonces")
    .columns(["region_code", "signed_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("gateway_nonces").ifExists().execute();
}
