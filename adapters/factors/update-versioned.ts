import type { AnyDb } from "../db/create-database.ts";
import { changedOne } from "./sql-values.ts";

/** A factors row as the repositories write it: id, region, and the version it is saved as. */
export interface VersionedRow {
  readonly id: string;
  readonly region_code: string;
  readonly version: number;
}

/**
 * KRN-R09 optimistic save of a factors aggregate: writes `row` (its `version` already the next
 * one) only over the version before it, in its region; the creation time is never rewritten.
 * False when someone else saved first (the use case then answers a conflict).
 */
export async function updateVersioned<R extends VersionedRow>(tx: AnyDb, table: string, row: R): Promise<boolean> {
  const { id, region_code, version, created_at: _created, ...rest } = row as R & { readonly created_at?: unknown };
  const result = await tx
    .updateTable(table)
    .set({ ...rest, version })
    .where("id", "=", id)
    .where("region_code", "=", region_code)
    .where("version", "=", version - 1)
    .executeTakeFirst();
  return changedOne(result);
}
