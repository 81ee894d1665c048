import { type Kysely, sql } from "kysely";

/** One Postgres schema per module; the platform schema holds audit, idempotency, outbox, auth. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const schema of ["platform", "factors", "quickclaim", "marketplace"]) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  }
}
