import { type Kysely, sql } from "kysely";

const FACTOR_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "CONFIRMED",
  "PUBLICISED",
  "DISPUTED",
  "ACTIVE",
  "ENCUMBERED",
  "TRANSFERRED",
  "DISPOSING",
  "DISPOSED",
  "REJECTED",
];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * 宁德农村生产要素 register (FAC-R01..R04): factors, their never-rewritten history, 三权合一
 * bundles, objections during public notice, valuations and the evidence files attached at
 * registration. Every table carries region_code (the distribution column); amounts are bigint
 * fen. A holder's ID is stored only encrypted (holder_id_enc) and found by its blind index
 * (holder_ref), KRN-R04.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s
    .createTable("factors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("county_code", "text", (c) => c.notNull().check(sql`county_code ~ '^[0-9]{6}$'`))
    .addColumn("type_code", "text", (c) => c.notNull().check(sql`type_code ~ '^[ARIL][0-9]{2}$'`))
    .addColumn("category", "text", (c) => c.notNull().check(inList("category", ["A", "R", "I", "L"])))
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", FACTOR_STATUSES)))
    .addColumn("holder_kind", "text", (c) => c.notNull().check(inList("holder_kind", ["person", "organisation"])))
    .addColumn("holder_ref", "text", (c) => c.notNull())
    .addColumn("holder_id_enc", "text", (c) => c.notNull())
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("registrant_ref", "text")
    .addColumn("registrant_institution_id", "text")
    .addColumn("institution_ids", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("quantity_milli", "bigint", (c) => c.notNull().check(sql`quantity_milli > 0`))
    .addColumn("quantity_unit", "text", (c) => c.notNull())
    .addColumn("certificate_no", "text")
    .addColumn("registry_record_no", "text")
    .addColumn("site_ref", "text")
    .addColumn("bundle_id", "text")
    .addColumn("term_ends_on", "date")
    .addColumn("evidence", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("off_platform_claims", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("notice_closes_on", "date")
    .addColumn("lease", "jsonb")
    .addColumn("pending_holder", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .execute();
  await sql`create index factors_registrant_idx on factors.factors (registrant_ref) where registrant_ref is not null`.execute(
    db,
  );
  await sql`create index factors_holder_idx on factors.factors (holder_ref)`.execute(db);
  await sql`create index factors_county_status_idx on factors.factors (region_code, county_code, status)`.execute(db);
  await sql`create index factors_institutions_idx on factors.factors using gin (institution_ids)`.execute(db);
  await sql`create index factors_registrant_inst_idx on factors.factors (registrant_institution_id)
            where registrant_institution_id is not null`.execute(db);

  // FAC-R02..R10: every transition with actor, time and reason; (factor_id, seq) is the history's order.
  await s
    .createTable("factor_events")
    .addColumn("factor_id", "text", (c) => c.notNull().references("factors.factors.id"))
    .addColumn("seq", "integer", (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull().check(inList("from_status", FACTOR_STATUSES)))
    .addColumn("to_status", "text", (c) => c.notNull().check(inList("to_status", FACTOR_STATUSES)))
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("rule_id", "text")
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("factor_events_pk", ["factor_id", "seq"])
    .execute();
  // The history is never rewritten: updates and deletes of events are refused by the database.
  await sql`create function factors.refuse_event_change() returns trigger language plpgsql as $$
            begin raise exception 'factor history is append-only'; end $$`.execute(db);
  await sql`create trigger factor_events_append_only before update or delete on factors.factor_events
            for each row execute function factors.refuse_event_change()`.execute(db);

  await s
    .createTable("bundles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("site_ref", "text", (c) => c.notNull())
    .addColumn("holder_ref", "text", (c) => c.notNull())
    .addColumn("member_ids", sql`text[]`, (c) => c.notNull().check(sql`cardinality(member_ids) >= 2`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();

  await s
    .createTable("objections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("factor_id", "text", (c) => c.notNull().references("factors.factors.id"))
    .addColumn("lodged_by", "text", (c) => c.notNull())
    .addColumn("grounds", "text", (c) => c.notNull())
    .addColumn("lodged_at", "timestamptz", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", ["open", "upheld", "dismissed"])))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "text")
    .addColumn("decision_reason", "text")
    .execute();
  await s.createIndex("objections_factor_idx").on("objections").column("factor_id").execute();

  // FAC-R04: a unit's latest valuation is the first row of this index.
  await s
    .createTable("valuations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("factor_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("method", "text", (c) =>
      c.notNull().check(inList("method", ["self_assessment", "appraisal", "revenue"])),
    )
    .addColumn("value", "bigint", (c) => c.notNull().check(sql`value >= 0`))
    .addColumn("valued_on", "date", (c) => c.notNull())
    .addColumn("expires_on", "date", (c) => c.notNull())
    .addColumn("appraiser_id", "text")
    .addColumn("report_ref", "text")
    .addColumn("detail", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .execute();
  await sql`create index valuations_unit_idx on factors.valuations (unit_id, valued_on desc, created_at desc, id desc)`.execute(
    db,
  );

  // Evidence files (photos of certificates, filings): sealed with the field cipher on the file
  // store; this row is what the platform knows of each.
  await s
    .createTable("evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "bigint", (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await s.createIndex("evidence_uploader_idx").on("evidence").columns(["uploaded_by", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s.dropTable("evidence").ifExists().execute();
  await s.dropTable("valuations").ifExists().execute();
  await s.dropTable("objections").ifExists().execute();
  await s.dropTable("bundles").ifExists().execute();
  await s.dropTable("factor_events").ifExists().execute();
  await sql`drop function if exists factors.refuse_event_change()`.execute(db);
  await s.dropTable("factors").ifExists().execute();
}
