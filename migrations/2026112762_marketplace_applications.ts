import { type Kysely, sql } from "kysely";

const lit = (values: readonly string[]) => sql.join(values.map((s) => sql.lit(s)));

const STATES = ["SUBMITTED", "CONTACTED", "APPROVED", "REJECTED", "DISBURSED", "DECLINED_BY_APPLICANT", "WITHDRAWN"];

/**
 * Applications (MKT lifecycle, MKT-R04..R07) with the deadlines stored on the row, so the
 * institution report (MKT-R04/R05/R09) is answered from partial indexes over the open ones;
 * the identity (blind index + ciphertext) and the contact mobile (ciphertext) are C2 (KRN-R04).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("marketplace")
    .createTable("applications")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("product_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.products.id"))
    .addColumn("institution_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.institutions.id"))
    .addColumn("product_type", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in (${lit(["direct", "manual"])})`))
    .addColumn("special_actions", sql`text[]`, (c) => c.notNull())
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("applicant_kind", "text", (c) =>
      c.notNull().check(sql`applicant_kind in (${lit(["resident-id", "uscc"])})`),
    )
    .addColumn("applicant_index", "text", (c) => c.notNull())
    .addColumn("applicant_cipher", "text", (c) => c.notNull())
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("contact_mobile_cipher", "text", (c) => c.notNull())
    .addColumn("amount_requested", "bigint", (c) => c.notNull().check(sql`amount_requested > 0`))
    .addColumn("term_months", "integer", (c) => c.notNull())
    .addColumn("consent_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.consents.id"))
    .addColumn("push_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.pushes.id"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in (${lit(["web", "qr"])})`))
    .addColumn("apply_code_id", sql`text collate "C"`)
    .addColumn("branch_id", "text")
    .addColumn("manager_id", "text")
    .addColumn("first_loan", "boolean", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in (${lit(STATES)})`))
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull())
    .addColumn("submitted_on", "date", (c) => c.notNull())
    .addColumn("contact_due_at", "timestamptz", (c) => c.notNull())
    .addColumn("conclude_due_at", "timestamptz", (c) => c.notNull())
    .addColumn("contacted_at", "timestamptz")
    .addColumn("decided_at", "timestamptz")
    .addColumn("concluded_at", "timestamptz")
    .addColumn("amount_granted", "bigint")
    .addColumn("rate_bp", "integer")
    .addColumn("granted_term_months", "integer")
    .addColumn("amount_disbursed", "bigint")
    .addColumn("disbursed_at", "timestamptz")
    .addColumn("reason", "text")
    .addColumn("institution_reference", "text")
    .addColumn("instant_decision", "jsonb")
    .addColumn("fell_back_to_manual", "boolean", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();

  // MKT-R04/R05 counts: an index-only scan over the open applications of a region.
  await sql`create index applications_open_idx
            on marketplace.applications (region_code, institution_id, state, contact_due_at, conclude_due_at)
            where state in ('SUBMITTED', 'CONTACTED')`.execute(db);
  // Work queues and report lists: open applications oldest first, per institution or region-wide.
  await sql`create index applications_queue_idx
            on marketplace.applications (region_code, institution_id, submitted_at, id)
            where state in ('SUBMITTED', 'CONTACTED')`.execute(db);
  await sql`create index applications_region_queue_idx
            on marketplace.applications (region_code, submitted_at, id)
            where state in ('SUBMITTED', 'CONTACTED')`.execute(db);
  // MKT-R06 fallbacks counted against the institution.
  await sql`create index applications_fallback_idx on marketplace.applications (region_code, institution_id)
            where fell_back_to_manual`.execute(db);
  // Figures: financings by decision time.
  await sql`create index applications_financing_idx on marketplace.applications (region_code, decided_at)
            include (institution_id, product_id, amount_granted, first_loan, applicant_index)
            where state in ('APPROVED', 'DISBURSED') and amount_granted is not null`.execute(db);
  await sql`create index applications_subject_idx on marketplace.applications (subject_ref, region_code, submitted_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("marketplace").dropTable("applications").ifExists().execute();
}
