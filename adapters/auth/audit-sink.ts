import type { AuditWriter, Clock } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { createAuditWriter } from "../platform/audit-writer.ts";

/** Gives the audit writer for a transaction (KRN-R07: the entry commits with the change). */
export type AuditFor = (tx: AnyDb) => AuditWriter;

export function defaultAuditFor(clock: Clock): AuditFor {
  return (tx) => createAuditWriter(tx, clock);
}
