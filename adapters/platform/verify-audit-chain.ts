import { sql } from "kysely";
import type { Hasher } from "../../core/kernel/mod.ts";
import { nodeHasher } from "../crypto/node-hasher.ts";
import type { AnyDb } from "../db/create-database.ts";
import { AUDIT_AT_TEXT_SQL, AUDIT_GENESIS_HASH, auditEntryHash } from "./audit-hash.ts";

export interface AuditChainBreak {
  readonly regionCode: string;
  readonly seq: number;
  readonly reason: string;
}

export interface AuditChainReport {
  readonly ok: boolean;
  /** Entries read and found intact before the first break (all of them when ok). */
  readonly checked: number;
  /** Regions whose chain was checked. */
  readonly regions: number;
  readonly firstBroken?: AuditChainBreak;
}

export interface VerifyAuditOptions {
  /** Check only this region's chain. */
  readonly regionCode?: string;
  /** Entries read per query (keyset pagination over the primary key). */
  readonly batchSize?: number;
  readonly hasher?: Hasher;
}

interface Row {
  region_code: string;
  seq: number;
  at_text: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  outcome: string;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * KRN-R07: walks every region's audit chain in order of `seq`, in batches, and reports the first
 * entry that is missing, out of place or edited, and a chain head that does not match the last
 * entry (which is how deleting the newest entries shows up). Memory use does not grow with the
 * size of the log.
 */
export async function verifyAuditChain(db: AnyDb, options: VerifyAuditOptions = {}): Promise<AuditChainReport> {
  const hasher = options.hasher ?? nodeHasher;
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const regions = options.regionCode === undefined ? await allRegions(db) : [options.regionCode];
  let checked = 0;
  for (const regionCode of regions) {
    const r = await verifyRegion(db, hasher, regionCode, batchSize);
    checked += r.checked;
    if (r.broken) return { ok: false, checked, regions: regions.length, firstBroken: r.broken };
  }
  return { ok: true, checked, regions: regions.length };
}

/** Region codes with a head or with entries (a loose index scan over the log's primary key). */
async function allRegions(db: AnyDb): Promise<string[]> {
  const r = await sql<{ region_code: string }>`
    with recursive r(rc) as (
      select min(region_code) from platform.audit_log
      union all
      select (select min(region_code) from platform.audit_log where region_code > r.rc) from r where r.rc is not null
    )
    select rc as region_code from r where rc is not null
    union
    select region_code from platform.audit_head
    order by 1`.execute(db);
  return r.rows.map((row) => row.region_code);
}

async function verifyRegion(
  db: AnyDb,
  hasher: Hasher,
  regionCode: string,
  batchSize: number,
): Promise<{ checked: number; broken?: AuditChainBreak }> {
  let expected = 1;
  let prev = AUDIT_GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, reason: string) => ({ checked, broken: { regionCode, seq, reason } });
  for (;;) {
    const rows = (await db
      .selectFrom("platform.audit_log")
      .select([
        "region_code",
        "seq",
        sql<string>`${sql.raw(AUDIT_AT_TEXT_SQL)}`.as("at_text"),
        "actor",
        "action",
        "object_type",
        "object_id",
        "outcome",
        "detail",
        "prev_hash",
        "hash",
      ])
      .where("region_code", "=", regionCode)
      .where("seq", ">=", expected)
      .orderBy("seq")
      .limit(batchSize)
      .execute()) as Row[];
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) return broken(expected, `entry ${expected} is missing (the next entry is ${seq})`);
      if (row.prev_hash !== prev) {
        return broken(seq, `prev_hash does not match the hash of entry ${seq - 1} (entry replaced or re-ordered)`);
      }
      const hash = auditEntryHash(hasher, row.prev_hash, {
        regionCode: row.region_code,
        seq,
        at: row.at_text,
        actor: row.actor,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        outcome: row.outcome,
        detail: row.detail,
      });
      if (hash !== row.hash) return broken(seq, "the entry's content does not match its hash (entry edited)");
      prev = row.hash;
      expected += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const last = expected - 1;
  const head = await db
    .selectFrom("platform.audit_head")
    .select(["seq", "hash"])
    .where("region_code", "=", regionCode)
    .executeTakeFirst();
  if (!head) return last === 0 ? { checked } : broken(last, "the region has entries but no chain head");
  const headSeq = Number(head.seq);
  if (headSeq > last)
    return broken(last + 1, `entries ${last + 1}..${headSeq} are missing (the chain head is at ${headSeq})`);
  if (headSeq < last) return broken(headSeq + 1, `entry ${headSeq + 1} lies beyond the chain head (${headSeq})`);
  if (head.hash !== prev) return broken(headSeq, "the chain head's hash does not match the last entry");
  return { checked };
}
