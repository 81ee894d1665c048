import { type Kysely, sql } from "kysely";

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * Transfer listings (FAC-R10), disposals (FAC-R07/R08) and loss allocations (FAC-R09). At most
 * one open listing and one open disposal per collateral unit; a loan's loss is shared once, and
 * its parts add up to the loss with none negative — checked again by the database.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s
    .createTable("listings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("factor_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("holder_ref", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(inList("kind", ["lease", "sale"])))
    .addColumn("reserve_price", "bigint", (c) => c.notNull().check(sql`reserve_price >= 0`))
    .addColumn("lease_from", "date")
    .addColumn("lease_to", "date")
    .addColumn("opens_on", "date", (c) => c.notNull())
    .addColumn("closes_on", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", ["open", "awarded", "withdrawn"])))
    .addColumn("bids", "jsonb", (c) => c.notNull())
    .addColumn("consents", sql`text[]`, (c) => c.notNull())
    .addColumn("awarded_bid_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`create unique index listings_open_unit_idx on factors.listings (unit_id) where status = 'open'`.execute(db);
  await sql`create index listings_open_idx on factors.listings (region_code, county_code, closes_on)
            where status = 'open'`.execute(db);

  await s
    .createTable("disposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("factor_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("loan_id", "text", (c) => c.notNull().references("factors.loans.id"))
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(inList("channel", ["listing", "auction", "buy_out"])))
    .addColumn("started_on", "date", (c) => c.notNull())
    .addColumn("closes_on", "date")
    .addColumn("reserve_price", "bigint", (c) => c.notNull().check(sql`reserve_price >= 0`))
    .addColumn("valuation_value", "bigint", (c) => c.notNull().check(sql`valuation_value >= 0`))
    .addColumn("valuation_id", "text", (c) => c.notNull())
    .addColumn("buy_out", "jsonb")
    .addColumn("bids", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", ["open", "completed", "withdrawn"])))
    .addColumn("proceeds", "bigint", (c) => c.check(sql`proceeds >= 0`))
    .addColumn("costs", "bigint", (c) => c.check(sql`costs >= 0`))
    .addColumn("buyer_ref", "text")
    .addColumn("distribution", "jsonb")
    .addColumn("completed_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`create unique index disposals_open_unit_idx on factors.disposals (unit_id) where status = 'open'`.execute(
    db,
  );
  await s.createIndex("disposals_bank_idx").on("disposals").columns(["bank_id", "status"]).execute();
  await sql`create index disposals_figures_idx on factors.disposals (region_code, completed_at)
            where status = 'completed'`.execute(db);

  await s
    .createTable("loss_allocations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("loan_id", "text", (c) => c.notNull().unique().references("factors.loans.id"))
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("guarantor_id", "text")
    .addColumn("insurer_id", "text")
    .addColumn("loss", "bigint", (c) => c.notNull().check(sql`loss >= 0`))
    .addColumn("part_bank", "bigint", (c) => c.notNull().check(sql`part_bank >= 0`))
    .addColumn("part_guarantor", "bigint", (c) => c.notNull().check(sql`part_guarantor >= 0`))
    .addColumn("part_insurer", "bigint", (c) => c.notNull().check(sql`part_insurer >= 0`))
    .addColumn("part_government_fund", "bigint", (c) => c.notNull().check(sql`part_government_fund >= 0`))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("allocated_on", "date", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addCheckConstraint(
      "loss_allocations_parts_sum",
      sql`part_bank + part_guarantor + part_insurer + part_government_fund = loss`,
    )
    .execute();
  await s.createIndex("loss_allocations_year_idx").on("loss_allocations").columns(["region_code", "year"]).execute();
  await s
    .createIndex("loss_allocations_figures_idx")
    .on("loss_allocations")
    .columns(["region_code", "allocated_on"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s.dropTable("loss_allocations").ifExists().execute();
  await s.dropTable("disposals").ifExists().execute();
  await s.dropTable("listings").ifExists().execute();
}
