import { type Kysely, sql } from "kysely";

const lit = (values: readonly string[]) => sql.join(values.map((s) => sql.lit(s)));

/**
 * MKT-R01..R03: consents (the data subject's identity as blind index + ciphertext, KRN-R04) and
 * the push log (one row per release; the pushed records are held encrypted until the end of
 * their data life, then purged while the log line stays).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("marketplace")
    .createTable("consents")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("data_subject_kind", "text", (c) =>
      c.notNull().check(sql`data_subject_kind in (${lit(["resident-id", "uscc"])})`),
    )
    .addColumn("data_subject_index", "text", (c) => c.notNull())
    .addColumn("data_subject_cipher", "text", (c) => c.notNull())
    .addColumn("recipient_institution_id", sql`text collate "C"`, (c) =>
      c.notNull().references("marketplace.institutions.id"),
    )
    .addColumn("purpose", "jsonb", (c) => c.notNull())
    .addColumn("categories", sql`text[]`, (c) => c.notNull())
    .addColumn("data_from", "date", (c) => c.notNull())
    .addColumn("data_to", "date", (c) => c.notNull())
    .addColumn("data_life_months", "integer", (c) => c.notNull().check(sql`data_life_months >= 1`))
    .addColumn("granted_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${lit(["ACTIVE", "REVOKED", "EXPIRED"])})`))
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint("consents_period", sql`data_from <= data_to`)
    .execute();
  await sql`create index consents_subject_idx on marketplace.consents (subject_ref, region_code, granted_at desc)`.execute(
    db,
  );
  // The expiry sweep reads only active consents, soonest expiry first.
  await sql`create index consents_expiry_idx on marketplace.consents (region_code, expires_at)
            where status = 'ACTIVE'`.execute(db);

  await db.schema
    .withSchema("marketplace")
    .createTable("pushes")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("data_subject_index", "text", (c) => c.notNull())
    .addColumn("recipient_institution_id", sql`text collate "C"`, (c) =>
      c.notNull().references("marketplace.institutions.id"),
    )
    .addColumn("consent_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.consents.id"))
    .addColumn("purpose", "jsonb", (c) => c.notNull())
    .addColumn("application_id", sql`text collate "C"`)
    .addColumn("categories", sql`text[]`, (c) => c.notNull())
    .addColumn("data_from", "date", (c) => c.notNull())
    .addColumn("data_to", "date", (c) => c.notNull())
    .addColumn("pushed_at", "timestamptz", (c) => c.notNull())
    .addColumn("retain_until", "timestamptz", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn("record_count", "integer", (c) => c.notNull().check(sql`record_count >= 0`))
    .addColumn("payload_cipher", "text")
    .addColumn("purged_at", "timestamptz")
    .addCheckConstraint("pushes_purged", sql`(payload_cipher is null) = (purged_at is not null)`)
    .execute();
  await sql`create index pushes_subject_idx on marketplace.pushes (subject_ref, region_code, pushed_at desc)`.execute(
    db,
  );
  await sql`create index pushes_recipient_idx
            on marketplace.pushes (recipient_institution_id, region_code, pushed_at desc)`.execute(db);
  await sql`create index pushes_application_idx on marketplace.pushes (application_id)
            where application_id is not null`.execute(db);
  // The data-life purge reads only pushes whose content is still held.
  await sql`create index pushes_retain_idx on marketplace.pushes (region_code, retain_until)
            where payload_cipher is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("marketplace").dropTable("pushes").ifExists().execute();
  await db.schema.withSchema("marketplace").dropTable("consents").ifExists().execute();
}
