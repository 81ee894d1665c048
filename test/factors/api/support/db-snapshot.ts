import { sql } from "kysely";
import type { AnyDb } from "../../../../adapters/db/create-database.ts";

const TABLES = [
  "factors.factors",
  "factors.factor_events",
  "factors.bundles",
  "factors.objections",
  "factors.valuations",
  "factors.products",
  "factors.applications",
  "factors.loans",
  "factors.liens",
  "factors.listings",
  "factors.disposals",
  "factors.loss_allocations",
  "platform.outbox",
  "platform.audit_log",
];
const VERSIONED = ["factors.factors", "factors.applications", "factors.loans", "factors.listings", "factors.disposals"];

/**
 * What the module has written: row counts of its tables (and the outbox and audit log) and the
 * sum of the versions of its versioned rows — equal before and after a refused request when
 * nothing was written (KRN-R09 no partial state).
 */
export async function writtenState(db: AnyDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  for (const t of VERSIONED) {
    const r = await sql<{
      v: number | string | null;
    }>`select coalesce(sum(version), 0) as v from ${sql.table(t)}`.execute(db);
    out[`${t}#versions`] = Number(r.rows[0]?.v ?? 0);
  }
  const liens = await sql<{
    s: string | null;
  }>`select string_agg(id || ':' || status, ',' order by id) as s from factors.liens`.execute(db);
  out[`factors.liens#status:${liens.rows[0]?.s ?? ""}`] = 1;
  return out;
}
