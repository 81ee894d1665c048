import { type Kysely, sql } from "kysely";

const lit = (values: readonly string[]) => sql.join(values.map((s) => sql.lit(s)));

/**
 * 龙岩 marketplace catalogue (spec 30-marketplace.md): institutions (banks, government
 * guarantors, insurers) with their branches, and their products. Ids are `collate "C"` so that
 * "catalogue order" (by id) is the code-unit order the core's pure rules sort by.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("marketplace")
    .createTable("institutions")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${lit(["bank", "guarantor", "insurer"])})`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${lit(["ACTIVE", "SUSPENDED"])})`))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("uscc", "text", (c) => c.notNull())
    .addColumn("branches", "jsonb", (c) => c.notNull())
    .addColumn("registered_at", "timestamptz", (c) => c.notNull())
    .execute();
  await sql`create index institutions_region_idx on marketplace.institutions (region_code, id)`.execute(db);
  await sql`create unique index institutions_uscc_idx on marketplace.institutions (region_code, uscc)`.execute(db);

  await db.schema
    .withSchema("marketplace")
    .createTable("products")
    .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn("institution_id", sql`text collate "C"`, (c) => c.notNull().references("marketplace.institutions.id"))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in (${lit(["credit", "mortgage", "guarantee", "insurance"])})`),
    )
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("amount_min", "bigint", (c) => c.notNull().check(sql`amount_min >= 0`))
    .addColumn("amount_max", "bigint", (c) => c.notNull())
    .addColumn("term_months_min", "integer", (c) => c.notNull())
    .addColumn("term_months_max", "integer", (c) => c.notNull())
    .addColumn("rate_min_bp", "integer", (c) => c.notNull())
    .addColumn("rate_max_bp", "integer", (c) => c.notNull())
    .addColumn("segments", sql`text[]`, (c) => c.notNull())
    .addColumn("special_actions", sql`text[]`, (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in (${lit(["direct", "manual"])})`))
    .addColumn("data_needs", "jsonb", (c) => c.notNull())
    .addColumn("data_period_months", "integer", (c) => c.notNull())
    .addColumn("data_life_months", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${lit(["ACTIVE", "WITHDRAWN"])})`))
    .addColumn("registered_at", "timestamptz", (c) => c.notNull())
    .addCheckConstraint("products_amount_range", sql`amount_min <= amount_max`)
    .addCheckConstraint("products_term_range", sql`term_months_min <= term_months_max`)
    .addCheckConstraint("products_rate_range", sql`rate_min_bp <= rate_max_bp`)
    .execute();
  // The marketplace lists a region's active products in id order; filters narrow that list.
  await sql`create index products_region_idx on marketplace.products (region_code, status, id)`.execute(db);
  await sql`create index products_institution_idx on marketplace.products (institution_id)`.execute(db);
  await sql`create index products_special_actions_idx on marketplace.products using gin (special_actions)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("marketplace").dropTable("products").ifExists().execute();
  await db.schema.withSchema("marketplace").dropTable("institutions").ifExists().execute();
}
