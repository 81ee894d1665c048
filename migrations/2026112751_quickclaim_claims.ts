import { type Kysely, sql } from "kysely";

const CLAIM_STATUSES = ["OPEN", "ASSESSED", "NOTHING_DUE", "ACCEPTED", "PAYING", "PAYMENT_FAILED", "PAID", "WITHDRAWN"];
const PAYMENT_STATES = ["PENDING", "UNKNOWN", "SUCCEEDED", "FAILED", "REVIEW"];
const list = (xs: readonly string[]) => sql.join(xs.map((s) => sql.lit(s)));

/**
 * 一键理赔 claims, their single payment record (QC-R07: primary key claim_id, so one record per
 * claim ever, and request_id unique as the gateway's idempotency key) and 回访 surveys.
 * The database itself guards the payout invariant: a claim is PAID with exactly its payout,
 * and nothing is paid on a claim in any other status.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("quickclaim")
    .createTable("claims")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("quickclaim.cases.id"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("centre_id", "text", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${list(CLAIM_STATUSES)})`))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("opened_at", "timestamptz", (c) => c.notNull())
    .addColumn("paid_at", "timestamptz")
    .addColumn("case_reported_at", "timestamptz", (c) => c.notNull())
    .addColumn("payout_fen", "bigint", (c) => c.check(sql`payout_fen >= 0`))
    .addColumn("paid_fen", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("resident_id", "text", (c) => c.notNull())
    .addColumn("resident_id_bidx", "text", (c) => c.notNull())
    .addColumn("card_number", "text", (c) => c.notNull())
    .addColumn("card_bidx", "text", (c) => c.notNull())
    .addColumn("doc", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("claims_case_party_uq", ["case_id", "party_id"])
    .addCheckConstraint(
      "claims_paid_is_payout",
      sql`status <> 'PAID' or (paid_fen = payout_fen and paid_at is not null)`,
    )
    .addCheckConstraint("claims_unpaid_is_zero", sql`status = 'PAID' or paid_fen = 0`)
    .execute();
  await sql`create index claims_open_idx on quickclaim.claims (opened_at)
            where status in ('OPEN', 'ASSESSED', 'ACCEPTED', 'PAYING', 'PAYMENT_FAILED')`.execute(db);
  await sql`create index claims_figures_idx on quickclaim.claims (case_reported_at)
            include (region_code, centre_id, opened_at, paid_at)`.execute(db);
  await db.schema.withSchema("quickclaim").createIndex("claims_case_idx").on("claims").column("case_id").execute();

  await db.schema
    .withSchema("quickclaim")
    .createTable("payments")
    .addColumn("claim_id", "text", (c) => c.primaryKey().references("quickclaim.claims.id"))
    .addColumn("case_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("attempt_no", "integer", (c) => c.notNull().check(sql`attempt_no >= 1`))
    .addColumn("request_id", "text", (c) => c.notNull().unique())
    .addColumn("amount_fen", "bigint", (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn("payee_card", "text", (c) => c.notNull())
    .addColumn("payee_holder", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in (${list(PAYMENT_STATES)})`))
    .addColumn("lease_until", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("gateway_ref", "text")
    .addColumn("failure", "text")
    .addColumn("previous", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`create index payments_stale_idx on quickclaim.payments (lease_until)
            where state in ('PENDING', 'UNKNOWN')`.execute(db);

  await db.schema
    .withSchema("quickclaim")
    .createTable("surveys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("quickclaim.cases.id"))
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("centre_id", "text", (c) => c.notNull())
    .addColumn("satisfied", "boolean", (c) => c.notNull())
    .addColumn("suggestion", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("case_reported_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("surveys_case_party_uq", ["case_id", "party_id"])
    .execute();
  await sql`create index surveys_figures_idx on quickclaim.surveys (case_reported_at)
            include (region_code, centre_id, satisfied, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["surveys", "payments", "claims"]) {
    await db.schema.withSchema("quickclaim").dropTable(t).ifExists().execute();
  }
}
