import { type Kysely, sql } from "kysely";

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

const LOAN_STATUSES = ["PERFORMING", "OVERDUE", "DEFAULTED", "DISPOSING", "SETTLED", "CLOSED_WITH_LOSS"];

/**
 * Credit products (FAC-R11), mortgage applications, liens ranked by registration (FAC-R06) and
 * the loans they secure. Amounts are bigint fen and never negative; the database also refuses a
 * second lien with the same registration number on one collateral unit and a loan that owes
 * more than it lent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", ["active", "withdrawn"])))
    .addColumn("terms", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  // One active product of a name per bank and region (the seed and retries find it again).
  await sql`create unique index products_name_idx on factors.products (region_code, bank_id, name_zh)
            where status = 'active'`.execute(db);

  await s
    .createTable("applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull().references("factors.products.id"))
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("borrower_ref", "text", (c) => c.notNull())
    .addColumn("applicant_ref", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().check(inList("status", ["APPLIED", "ACCEPTED", "DECLINED", "REGISTERED"])),
    )
    .addColumn("requested_amount", "bigint", (c) => c.notNull().check(sql`requested_amount >= 0`))
    .addColumn("term_months", "integer", (c) => c.notNull())
    .addColumn("collateral", "jsonb", (c) => c.notNull())
    .addColumn("labour_factor_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("approved", "jsonb")
    .addColumn("decline_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await s.createIndex("applications_bank_idx").on("applications").columns(["bank_id", "status"]).execute();
  await s.createIndex("applications_borrower_idx").on("applications").column("borrower_ref").execute();
  await s.createIndex("applications_applicant_idx").on("applications").column("applicant_ref").execute();

  await s
    .createTable("loans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("application_id", "text", (c) => c.notNull().unique().references("factors.applications.id"))
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("borrower_ref", "text", (c) => c.notNull())
    .addColumn("unit_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("principal", "bigint", (c) => c.notNull().check(sql`principal >= 0`))
    .addColumn("outstanding_principal", "bigint", (c) =>
      c.notNull().check(sql`outstanding_principal >= 0 and outstanding_principal <= principal`),
    )
    .addColumn("interest_arrears", "bigint", (c) => c.notNull().check(sql`interest_arrears >= 0`))
    .addColumn("rate_bp", "integer", (c) => c.notNull())
    .addColumn("term_months", "integer", (c) => c.notNull())
    .addColumn("started_on", "date", (c) => c.notNull())
    .addColumn("overdue_since", "date")
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", LOAN_STATUSES)))
    .addColumn("guarantor_id", "text")
    .addColumn("insurer_id", "text")
    .addColumn("sharing", "jsonb", (c) => c.notNull())
    .addColumn("lien_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("proceeds_interest", "bigint", (c) => c.check(sql`proceeds_interest >= 0`))
    .addColumn("proceeds_principal", "bigint", (c) => c.check(sql`proceeds_principal >= 0`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`create index loans_figures_idx on factors.loans (region_code, started_on)
            include (county_code, status, borrower_ref, principal, outstanding_principal, product_id)`.execute(db);
  await s.createIndex("loans_bank_idx").on("loans").columns(["bank_id", "status"]).execute();
  await s.createIndex("loans_borrower_idx").on("loans").column("borrower_ref").execute();
  await sql`create index loans_parties_idx on factors.loans (guarantor_id, insurer_id)`.execute(db);

  await s
    .createTable("liens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("factor_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("loan_id", "text", (c) => c.notNull())
    .addColumn("bank_id", "text", (c) => c.notNull())
    .addColumn("secured_amount", "bigint", (c) => c.notNull().check(sql`secured_amount > 0`))
    .addColumn("registered_at", "timestamptz", (c) => c.notNull())
    .addColumn("registration_seq", "integer", (c) => c.notNull().check(sql`registration_seq >= 1`))
    .addColumn("status", "text", (c) => c.notNull().check(inList("status", ["active", "released", "discharged"])))
    .addColumn("ended_at", "timestamptz")
    .addUniqueConstraint("liens_unit_seq_key", ["unit_id", "registration_seq"])
    .execute();
  // registerLien writes the liens before the loan they secure, in one transaction: checked at commit.
  await sql`alter table factors.liens add constraint liens_loan_fk foreign key (loan_id)
            references factors.loans (id) deferrable initially deferred`.execute(db);
  await s.createIndex("liens_loan_idx").on("liens").column("loan_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema("factors");
  await s.dropTable("liens").ifExists().execute();
  await s.dropTable("loans").ifExists().execute();
  await s.dropTable("applications").ifExists().execute();
  await s.dropTable("products").ifExists().execute();
}
