import { CompiledQuery } from "kysely";
import type { AuditEntryInput, Clock, Hasher } from "../../core/kernel/mod.ts";
import { NodeHasher } from "../crypto/node-hasher.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { checkEntry, hashedEntry, storableDetail } from "./audit-entry.ts";
import { AUDIT_GENESIS_HASH, auditEntryHash } from "./audit-hash.ts";

/*
 * KRN-R07 the chain extended by the database itself: SHA-256 over prev_hash ‖ the canonical JSON
 * `auditEntryHash` hashes, computed by Postgres (`sha256`) on the locked head, so that no
 * statement of an append has to be waited for. The same chain as the JavaScript writers make
 * (test/quickclaim/adapters/pipelined-case-step.test.ts, test/marketplace/adapters/audit-chain-in-database.test.ts).
 */

/**
 * Creates the region's head if it has none, and otherwise locks it: ON CONFLICT DO UPDATE locks
 * the conflicting row (its newest version, waiting for a transaction holding it) even when its
 * WHERE lets no update through. The statement after it therefore starts — and takes its snapshot —
 * holding the lock, and sees the head as the previous holder committed it.
 */
const ENSURE_AND_LOCK_HEAD_SQL =
  "insert into platform.audit_head as a (region_code, seq, hash) values ($1, 0, $2) " +
  "on conflict (region_code) do update set seq = a.seq where false";
/**
 * The entry chained on the (locked) head and the head moved, in one statement: `hash` is
 * SHA-256 over prev_hash ‖ canonical JSON of the entry, the JSON given as the text before the
 * sequence number ($1, ending in `"seq":`) — `seq` is the last key of the canonical form — the
 * number, then `}`. An entry that was not written (no head) fails the statement, and so the
 * transaction, instead of passing unnoticed.
 */
const CHAIN_IN_DATABASE_SQL =
  "with h as (select seq + 1 as seq, hash as prev_hash, " +
  "encode(sha256(convert_to(hash || $1::text || (seq + 1)::text || '}', 'UTF8')), 'hex') as hash " +
  "from platform.audit_head where region_code = $2::text), " +
  "moved as (update platform.audit_head a set seq = h.seq, hash = h.hash, updated_at = $3::timestamptz " +
  "from h where a.region_code = $2::text), " +
  "ins as (insert into platform.audit_log (region_code, seq, at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash) " +
  "select $2::text, h.seq, $3::timestamptz, $4::text, $5::text, $6::text, $7::text, $8::text, $9::jsonb, h.prev_hash, h.hash from h returning 1) " +
  "select cast(case when count(*) = 1 then '1' else 'KRN-R07 audit entry not chained' end as int) as one from ins";

/** The text `auditEntryHash` hashes for `entry` at `at`, without the prev hash, cut before the sequence number. */
function hashedTextBeforeSeq(entry: AuditEntryInput, at: Date, detail: Record<string, unknown>): string {
  const text = auditEntryHash({ sha256Hex: (t) => t }, "", hashedEntry(entry, 0, at, detail));
  if (!text.endsWith('"seq":0}')) throw new Error("audit hash: the sequence number is not the last key");
  return text.slice(0, -2);
}

/**
 * KRN-R07 one entry chained by the database (the audit writer's `chainInDatabase`): the head
 * created-or-locked, then the entry chained on it and the head moved — two `PIPELINED`
 * statements, none waited for. The caller's transaction; the caller has checked the entry.
 */
export async function appendChainedInDatabase(tx: AnyDb, clock: Clock, entry: AuditEntryInput): Promise<void> {
  const detail = storableDetail(entry.detail);
  const at = clock.now();
  const before = hashedTextBeforeSeq(entry, at, detail);
  await tx.executeQuery(
    CompiledQuery.raw(PIPELINED + ENSURE_AND_LOCK_HEAD_SQL, [entry.regionCode, AUDIT_GENESIS_HASH]),
  );
  await tx.executeQuery(
    CompiledQuery.raw(PIPELINED + CHAIN_IN_DATABASE_SQL, [
      before,
      entry.regionCode,
      at,
      entry.actor,
      entry.action,
      entry.objectType,
      entry.objectId,
      entry.outcome,
      detail,
    ]),
  );
}

/**
 * KRN-R07 several entries of one transaction chained in the database, in order, without waiting
 * for any statement: per region (in region order, so two transactions never wait on each other's
 * heads crosswise) the head is created-or-locked (as `chainInDatabase` does) and then one
 * statement chains all of the region's entries on it — each hash SHA-256 over the previous hash ‖
 * the canonical JSON `auditEntryHash` hashes, computed by the database — inserts them and moves
 * the head. Both are sent `PIPELINED`: they travel with the caller's next waited-for statement
 * (its COMMIT), so the head's row lock is held only while the database executes the rest of the
 * transaction. A statement that fails (or an entry that was not chained) fails the transaction
 * there. Needs the node SHA-256 hasher (`canChainInDatabase`); the caller's transaction; the
 * caller commits. On PGlite the statements are simply waited for.
 */
export async function appendAuditEntriesChainedInDatabase(
  tx: AnyDb,
  clock: Clock,
  entries: readonly AuditEntryInput[],
): Promise<void> {
  if (!tx.isTransaction) throw new TypeError("appendAuditEntriesChainedInDatabase needs the caller's transaction");
  for (const e of entries) checkEntry(e);
  const at = clock.now();
  const regions = [...new Set(entries.map((e) => e.regionCode))].sort();
  for (const regionCode of regions) {
    const mine = entries.filter((e) => e.regionCode === regionCode);
    const params: unknown[] = [regionCode, at];
    for (const entry of mine) {
      const detail = storableDetail(entry.detail);
      params.push(
        hashedTextBeforeSeq(entry, at, detail),
        entry.actor,
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.outcome,
        detail,
      );
    }
    await tx.executeQuery(CompiledQuery.raw(PIPELINED + ENSURE_AND_LOCK_HEAD_SQL, [regionCode, AUDIT_GENESIS_HASH]));
    await tx.executeQuery(CompiledQuery.raw(PIPELINED + chainBatchSql(mine.length), params));
  }
}

/** Whether `hasher` computes what the database's `sha256` computes (so the chain can be made there). */
export function canChainInDatabase(hasher: Hasher): boolean {
  return hasher instanceof NodeHasher;
}

const chainBatches = new Map<number, string>();

/**
 * The statement chaining `n` entries of one region on its (locked) head: $1 the region, $2 the
 * time; entry i (0-based) has its hashed text before the sequence number at $(3+7i), then actor,
 * action, object type, object id, outcome and detail. Entry i+1 is chained on entry i's hash
 * (CTE e<i+1> reads e<i>), the head moves to the last; the statement fails unless all n were
 * inserted.
 */
export function chainBatchSql(n: number): string {
  let text = chainBatches.get(n);
  if (text !== undefined) return text;
  if (!Number.isInteger(n) || n < 1) throw new RangeError("audit batch: at least one entry");
  const parts = ["h as (select seq, hash from platform.audit_head where region_code = $1::text)"];
  for (let i = 0; i < n; i++) {
    const from = i === 0 ? "h" : `e${i - 1}`;
    const before = `$${3 + 7 * i}::text`;
    parts.push(
      `e${i} as (select ${from}.seq + 1 as seq, ${from}.hash as prev_hash, ` +
        `encode(sha256(convert_to(${from}.hash || ${before} || (${from}.seq + 1)::text || '}', 'UTF8')), 'hex') as hash from ${from})`,
    );
  }
  const last = `e${n - 1}`;
  parts.push(
    `moved as (update platform.audit_head a set seq = ${last}.seq, hash = ${last}.hash, updated_at = $2::timestamptz ` +
      `from ${last} where a.region_code = $1::text)`,
  );
  const selects = Array.from({ length: n }, (_, i) => {
    const p = (k: number) => `$${3 + 7 * i + k}`;
    return (
      `select $1::text, e${i}.seq, $2::timestamptz, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ` +
      `${p(5)}::text, ${p(6)}::jsonb, e${i}.prev_hash, e${i}.hash from e${i}`
    );
  });
  parts.push(
    "ins as (insert into platform.audit_log (region_code, seq, at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash) " +
      `${selects.join(" union all ")} returning 1)`,
  );
  text =
    `with ${parts.join(", ")} ` +
    `select cast(case when count(*) = ${n} then '1' else 'KRN-R07 audit entries not chained' end as int) as one from ins`;
  if (chainBatches.size < 64) chainBatches.set(n, text);
  return text;
}
