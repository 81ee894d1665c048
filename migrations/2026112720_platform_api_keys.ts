import { type Kysely, sql } from "kysely";

/**
 * API keys of institution clients and staff (KRN-R06). Only a SHA-256 hash of the key is kept,
 * with a short prefix that lets a person recognise a key in a list. `region_code` is the key's
 * home region (the first of `region_codes`); its audit entries go to that region's chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("institution_id", "text")
    .addColumn("roles", sql`text[]`, (c) => c.notNull())
    .addColumn("region_codes", sql`text[]`, (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint("api_keys_roles_present", sql`cardinality(roles) > 0`)
    .addCheckConstraint("api_keys_regions_present", sql`cardinality(region_codes) > 0`)
    .execute();
  await db.schema
    .withSchema("platform")
    .createIndex("api_keys_institution_idx")
    .on("api_keys")
    .columns(["institution_id", "region_code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("api_keys").ifExists().execute();
}
