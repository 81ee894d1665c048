import { type Kysely, sql } from "kysely";

const lit = (values: readonly string[]) => sql.join(values.map((s) => sql.lit(s)));

const MORTGAGE_STATES = ["REQUESTED", "SIGNED_AT_BRANCH", "SUBMITTED", "REGISTERED", "REFUSED", "CANCELLED"];

/**
 * 码上贷 QR codes (MKT-R08, counters moved only by atomic increments), online mortgage
 * registrations (抵押登记云办理; the property details sealed as C2) and the periodic notices
 * (定期通报) frozen from the institution report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("marketplace")
    .createTable("apply_codes")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("product_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.products.id"))
    .addColumn("institution_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.institutions.id"))
    .addColumn("branch_id", "text")
    .addColumn("manager_id", "text")
    .addColumn("issued_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("issued_by", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${lit(["ACTIVE", "REVOKED"])})`))
    .addColumn("scans", "integer", (c) => c.notNull().defaultTo(0).check(sql`scans >= 0`))
    .addColumn("applications", "integer", (c) => c.notNull().defaultTo(0).check(sql`applications >= 0`))
    .execute();
  await sql`create index apply_codes_institution_idx on marketplace.apply_codes (institution_id, issued_at desc)`.execute(
    db,
  );
  await sql`alter table marketplace.applications add constraint applications_apply_code_fk
            foreign key (apply_code_id) references marketplace.apply_codes (id)`.execute(db);

  await db.schema
    .withSchema("marketplace")
    .createTable("mortgage_registrations")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("application_id", sql`text collate "C"`, (c) =>
      c.notNull().unique().references("marketplace.applications.id"),
    )
    .addColumn("institution_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.institutions.id"))
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("property_cipher", "text", (c) => c.notNull())
    .addColumn("secured_amount", "bigint", (c) => c.notNull().check(sql`secured_amount > 0`))
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in (${lit(MORTGAGE_STATES)})`))
    .addColumn("requested_at", "timestamptz", (c) => c.notNull())
    .addColumn("branch_id", "text")
    .addColumn("signed_at", "timestamptz")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("registry_ref", "text")
    .addColumn("registered_at", "timestamptz")
    .addColumn("registration_certificate_no", "text")
    .addColumn("refused_reason", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().check(sql`attempts >= 0`))
    .addColumn("last_error", "text")
    .execute();
  await sql`create index mortgage_registrations_institution_idx
            on marketplace.mortgage_registrations (institution_id, state)`.execute(db);

  await db.schema
    .withSchema("marketplace")
    .createTable("report_snapshots")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("taken_at", "timestamptz", (c) => c.notNull())
    .addColumn("taken_by", "text", (c) => c.notNull())
    .addColumn("report", "jsonb", (c) => c.notNull())
    .execute();
  await sql`create index report_snapshots_region_idx on marketplace.report_snapshots (region_code, taken_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("marketplace").dropTable("report_snapshots").ifExists().execute();
  await db.schema.withSchema("marketplace").dropTable("mortgage_registrations").ifExists().execute();
  await sql`alter table marketplace.applications drop constraint if exists applications_apply_code_fk`.execute(db);
  await db.schema.withSchema("marketplace").dropTable("apply_codes").ifExists().execute();
}
