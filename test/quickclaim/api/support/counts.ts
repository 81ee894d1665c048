import { sql } from "kysely";
import type { AnyDb } from "../../../../adapters/db/create-database.ts";

/** Rows of every table a quick-claim use case writes (not the idempotency store, which keeps 4xx answers). */
export async function writtenRows(db: AnyDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    "quickclaim.cases",
    "quickclaim.claims",
    "quickclaim.payments",
    "quickclaim.surveys",
    "platform.audit_log",
    "platform.outbox",
  ]) {
    const r = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n);
  }
  const v = await sql<{ v: number }>`select coalesce(sum(version), 0)::int8 as v from quickclaim.cases`.execute(db);
  out["cases.versions"] = Number(v.rows[0]?.v);
  return out;
}
