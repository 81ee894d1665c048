import { type Kysely, sql } from "kysely";

/**
 * 实名认证 (KRN-R06): the IDs a citizen account has proved to be its own — a resident ID checked
 * with name and mobile, or an enterprise (USCC) the person represents. `subject_ref` is the blind
 * index of the account's mobile, `id_index` the blind index of the ID (what modules compare), the
 * ID itself is sealed (C2) and the name kept for display. `identity_check_failures` counts a day's
 * mismatches per account, so nobody can probe the registry for other people's details.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("platform")
    .createTable("citizen_identities")
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("id_kind", "text", (c) => c.notNull().check(sql`id_kind in ('resident-id', 'uscc')`))
    .addColumn("id_index", "text", (c) => c.notNull())
    .addColumn("id_cipher", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("verified_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("citizen_identities_pk", ["subject_ref", "id_index"])
    .execute();
  await db.schema
    .withSchema("platform")
    .createTable("identity_check_failures")
    .addColumn("subject_ref", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("identity_check_failures_pk", ["subject_ref", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("platform").dropTable("identity_check_failures").ifExists().execute();
  await db.schema.withSchema("platform").dropTable("citizen_identities").ifExists().execute();
}
