import { CompiledQuery, sql } from "kysely";
import type { AuditEntryInput, AuditWriter, Clock, Hasher } from "../../core/kernel/mod.ts";
import { NodeHasher, nodeHasher } from "../crypto/node-hasher.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { appendChainedInDatabase } from "./audit-chain-in-database.ts";
import { chainAuditRows, checkEntry, hashedEntry, storableDetail } from "./audit-entry.ts";
import { AUDIT_GENESIS_HASH, auditEntryHash } from "./audit-hash.ts";

/**
 * KRN-R07: appends hash-chained audit entries in the caller's transaction.
 *
 * Per region the chain head row (`platform.audit_head`) is created if missing and then locked
 * `for update`, so concurrent transactions of one region append one after another and the chain
 * never forks; a rolled-back transaction takes its entries and its head advance with it.
 * The detail is passed through the C2 redactor before it is hashed and stored.
 *
 * Pass the transaction (`db.transaction().execute(async (tx) => …)`). Given a plain database
 * handle instead, each append runs in a transaction of its own.
 *
 * `pipelined: true` writes the same entry in fewer round trips: it locks the head first (creating
 * it only when the region has none yet), then stores the entry and moves the head in one
 * statement that is not waited for (`PIPELINED`: it travels with the next statement or the
 * COMMIT, and a failure of it fails the transaction there). Without it, the statements are the
 * original four, one round trip each.
 */
export function createAuditWriter(
  tx: AnyDb,
  clock: Clock,
  hasher: Hasher = nodeHasher,
  options: AuditWriterOptions = {},
): AuditWriter {
  const write = !options.pipelined
    ? (t: AnyDb, c: Clock, h: Hasher, entry: AuditEntryInput) => appendAuditEntries(t, c, [entry], h)
    : options.chainInDatabase && hasher instanceof NodeHasher
      ? (t: AnyDb, c: Clock, _h: Hasher, entry: AuditEntryInput) => appendChainedInDatabase(t, c, entry)
      : appendPipelined;
  return {
    async append(entry: AuditEntryInput): Promise<void> {
      checkEntry(entry);
      if (tx.isTransaction) return write(tx, clock, hasher, entry);
      return tx.transaction().execute((own) => write(own, clock, hasher, entry));
    },
  };
}

export interface AuditWriterOptions {
  /** Lock the head first and write entry + head move in one pipelined statement. */
  readonly pipelined?: boolean;
  /**
   * With `pipelined`: no statement is waited for at all — the head is created-or-locked, and the
   * entry chained on it (SHA-256 computed by the database over exactly the text `auditEntryHash`
   * hashes) and the head moved, in two pipelined statements. Used only when the hasher is the
   * node SHA-256 hasher (the database must compute the same function); otherwise as `pipelined`.
   */
  readonly chainInDatabase?: boolean;
}

/**
 * The statements of the pipelined append, as constant text (no query building or compiling per
 * entry on the hot path). Parameters are positional; both drivers take them as kysely would.
 */
const LOCK_HEAD_SQL = `select "seq", "hash" from "platform"."audit_head" where "region_code" = $1 for update`;
const APPEND_SQL =
  "with moved as (update platform.audit_head set seq = $1, hash = $2, updated_at = $3 where region_code = $4) " +
  "insert into platform.audit_log (region_code, seq, at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash) " +
  "values ($4, $1, $3, $5, $6, $7, $8, $9, $10, $11, $2)";

async function lockHead(tx: AnyDb, regionCode: string): Promise<{ seq: number | string; hash: string } | undefined> {
  const { rows } = await tx.executeQuery<{ seq: number | string; hash: string }>(
    CompiledQuery.raw(LOCK_HEAD_SQL, [regionCode]),
  );
  return rows[0];
}

async function appendPipelined(tx: AnyDb, clock: Clock, hasher: Hasher, entry: AuditEntryInput): Promise<void> {
  const detail = storableDetail(entry.detail);
  let head = await lockHead(tx, entry.regionCode);
  if (!head) {
    await sql`insert into platform.audit_head (region_code, seq, hash)
              values (${entry.regionCode}, 0, ${AUDIT_GENESIS_HASH})
              on conflict (region_code) do nothing`.execute(tx);
    head = await lockHead(tx, entry.regionCode);
    if (!head) throw new Error(`audit head of region ${entry.regionCode} could not be created`);
  }
  const seq = Number(head.seq) + 1;
  const at = clock.now();
  const hash = auditEntryHash(hasher, head.hash, hashedEntry(entry, seq, at, detail));
  // The head row is locked by this transaction, so the head moves to exactly this entry (and the
  // primary key (region_code, seq) would refuse a fork anyway).
  await tx.executeQuery(
    CompiledQuery.raw(PIPELINED + APPEND_SQL, [
      seq,
      hash,
      at,
      entry.regionCode,
      entry.actor,
      entry.action,
      entry.objectType,
      entry.objectId,
      entry.outcome,
      detail,
      head.hash,
    ]),
  );
}

/**
 * KRN-R07 several entries of one transaction at once, in order: one head upsert, one head lock,
 * one multi-row insert and one head move — the same chain as appending them one by one, with
 * the region's head lock held for fewer round trips. Entries of several regions are chained per
 * region. Pass the transaction; the caller commits.
 */
export async function appendAuditEntries(
  tx: AnyDb,
  clock: Clock,
  entries: readonly AuditEntryInput[],
  hasher: Hasher = nodeHasher,
): Promise<void> {
  if (!tx.isTransaction) throw new TypeError("appendAuditEntries needs the caller's transaction");
  for (const e of entries) checkEntry(e);
  const regions = [...new Set(entries.map((e) => e.regionCode))].sort();
  for (const regionCode of regions) {
    const mine = entries.filter((e) => e.regionCode === regionCode);
    await sql`insert into platform.audit_head (region_code, seq, hash)
              values (${regionCode}, 0, ${AUDIT_GENESIS_HASH})
              on conflict (region_code) do nothing`.execute(tx);
    const head = await tx
      .selectFrom("platform.audit_head")
      .select(["seq", "hash"])
      .where("region_code", "=", regionCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const at = clock.now();
    const chained = chainAuditRows(regionCode, { seq: Number(head.seq), hash: head.hash }, mine, at, hasher);
    await tx.insertInto("platform.audit_log").values(chained.rows).execute();
    await tx
      .updateTable("platform.audit_head")
      .set({ seq: chained.head.seq, hash: chained.head.hash, updated_at: at })
      .where("region_code", "=", regionCode)
      .execute();
  }
}
