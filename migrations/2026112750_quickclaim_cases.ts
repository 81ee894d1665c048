import { type Kysely, sql } from "kysely";

const CASE_STATUSES = [
  "REPORTED",
  "EVIDENCE_SUBMITTED",
  "DETERMINED",
  "AGREED",
  "CLAIMING",
  "PAID",
  "DISPUTED",
  "OFFLINE",
];

/**
 * 快处快赔 cases (QC module). One row per case: the columns the queues, figures and locks need,
 * `parties` (C2 fields encrypted by the repository, KRN-R04) and `doc` (the rest of the
 * aggregate). `case_parties` holds each party's blind index so a citizen's cases are found
 * without the plaintext mobile. `letter_serials` numbers determination letters gap-free per
 * prefecture and year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("quickclaim")
    .createTable("cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("centre_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in (${sql.join(CASE_STATUSES.map((s) => sql.lit(s)))})`),
    )
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("reported_at", "timestamptz", (c) => c.notNull())
    .addColumn("accident_at", "timestamptz", (c) => c.notNull())
    .addColumn("accident_date", "date", (c) => c.notNull())
    .addColumn("evidence_submitted_at", "timestamptz")
    .addColumn("determined_at", "timestamptz")
    .addColumn("agreed_at", "timestamptz")
    .addColumn("disputed_at", "timestamptz")
    .addColumn("paid_at", "timestamptz")
    .addColumn("letter_number", "text")
    .addColumn("plates", sql`text[]`, (c) => c.notNull())
    .addColumn("insurer_ids", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("flagged_photos", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("parties", "jsonb", (c) => c.notNull())
    .addColumn("doc", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();

  // 交警 queue: the few cases waiting for the desk, oldest first.
  await sql`create index cases_police_queue_idx on quickclaim.cases (reported_at)
            where status in ('EVIDENCE_SUBMITTED', 'DETERMINED')`.execute(db);
  // QC-R08 figures: an index-only scan over a reporting period.
  await sql`create index cases_figures_idx on quickclaim.cases (reported_at)
            include (region_code, centre_id, determined_at, disputed_at)`.execute(db);
  await sql`create unique index cases_letter_number_idx on quickclaim.cases (letter_number)
            where letter_number is not null`.execute(db);

  await db.schema
    .withSchema("quickclaim")
    .createTable("case_parties")
    .addColumn("case_id", "text", (c) => c.notNull().references("quickclaim.cases.id").onDelete("cascade"))
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_parties_pk", ["case_id", "party_id"])
    .execute();
  await db.schema
    .withSchema("quickclaim")
    .createIndex("case_parties_subject_idx")
    .on("case_parties")
    .column("subject_ref")
    .execute();

  await db.schema
    .withSchema("quickclaim")
    .createTable("letter_serials")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_serial", "integer", (c) => c.notNull().check(sql`last_serial >= 1`))
    .addPrimaryKeyConstraint("letter_serials_pk", ["region_code", "year"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("quickclaim").dropTable("letter_serials").ifExists().execute();
  await db.schema.withSchema("quickclaim").dropTable("case_parties").ifExists().execute();
  await db.schema.withSchema("quickclaim").dropTable("cases").ifExists().execute();
}
