import { CompiledQuery, sql } from "kysely";
import type { AuditEntryInput, AuditWriter, Clock, Hasher } from "../../core/kernel/mod.ts";
import { NodeHasher, nodeHasher } from "../crypto/node-hasher.ts";
import { redactC2 } from "../crypto/redact-c2.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { AUDIT_GENESIS_HASH, auditEntryHash, auditTimestamp, type HashedAuditEntry } from "./audit-hash.ts";
import { jsonRoundTrip } from "./canonical-json.ts";

const REGION = /^\d{6}$/;
const OUTCOMES = new Set(["ok", "denied", "failed"]);

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
    ? appendIn
    : options.chainInDatabase && hasher instanceof NodeHasher
      ? appendChainedInDatabase
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
  const hash = auditEntryHash(hasher, head.hash, {
    regionCode: entry.regionCode,
    seq,
    at: auditTimestamp(at),
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    detail,
  });
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

/** The text `auditEntryHash` hashes, without the prev hash, cut before the sequence number. */
function hashedTextBeforeSeq(e: Omit<HashedAuditEntry, "seq">): string {
  const text = auditEntryHash({ sha256Hex: (t) => t }, "", { ...e, seq: 0 });
  if (!text.endsWith('"seq":0}')) throw new Error("audit hash: the sequence number is not the last key");
  return text.slice(0, -2);
}

async function appendChainedInDatabase(
  tx: AnyDb,
  clock: Clock,
  _hasher: Hasher,
  entry: AuditEntryInput,
): Promise<void> {
  const detail = storableDetail(entry.detail);
  const at = clock.now();
  const before = hashedTextBeforeSeq({
    regionCode: entry.regionCode,
    at: auditTimestamp(at),
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    detail,
  });
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
  const stamp = auditTimestamp(at);
  const regions = [...new Set(entries.map((e) => e.regionCode))].sort();
  for (const regionCode of regions) {
    const mine = entries.filter((e) => e.regionCode === regionCode);
    const params: unknown[] = [regionCode, at];
    for (const entry of mine) {
      const detail = storableDetail(entry.detail);
      params.push(
        hashedTextBeforeSeq({
          regionCode,
          at: stamp,
          actor: entry.actor,
          action: entry.action,
          objectType: entry.objectType,
          objectId: entry.objectId,
          outcome: entry.outcome,
          detail,
        }),
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

async function appendIn(tx: AnyDb, clock: Clock, hasher: Hasher, entry: AuditEntryInput): Promise<void> {
  const detail = storableDetail(entry.detail);
  await sql`insert into platform.audit_head (region_code, seq, hash)
            values (${entry.regionCode}, 0, ${AUDIT_GENESIS_HASH})
            on conflict (region_code) do nothing`.execute(tx);
  const head = await tx
    .selectFrom("platform.audit_head")
    .select(["seq", "hash"])
    .where("region_code", "=", entry.regionCode)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq) + 1;
  const at = clock.now();
  const hash = auditEntryHash(hasher, head.hash, {
    regionCode: entry.regionCode,
    seq,
    at: auditTimestamp(at),
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    detail,
  });
  await tx
    .insertInto("platform.audit_log")
    .values({
      region_code: entry.regionCode,
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      outcome: entry.outcome,
      detail,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx
    .updateTable("platform.audit_head")
    .set({ seq, hash, updated_at: at })
    .where("region_code", "=", entry.regionCode)
    .execute();
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
    let seq = Number(head.seq);
    let prev = head.hash as string;
    const at = clock.now();
    const rows = mine.map((entry) => {
      const detail = storableDetail(entry.detail);
      seq += 1;
      const hash = auditEntryHash(hasher, prev, {
        regionCode,
        seq,
        at: auditTimestamp(at),
        actor: entry.actor,
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId,
        outcome: entry.outcome,
        detail,
      });
      const row = {
        region_code: regionCode,
        seq,
        at,
        actor: entry.actor,
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId,
        outcome: entry.outcome,
        detail,
        prev_hash: prev,
        hash,
      };
      prev = hash;
      return row;
    });
    await tx.insertInto("platform.audit_log").values(rows).execute();
    await tx
      .updateTable("platform.audit_head")
      .set({ seq, hash: prev, updated_at: at })
      .where("region_code", "=", regionCode)
      .execute();
  }
}

function checkEntry(e: AuditEntryInput): void {
  if (!REGION.test(e.regionCode))
    throw new TypeError(`audit entry: region code must be 6 digits, got "${e.regionCode}"`);
  for (const f of ["actor", "action", "objectType", "objectId"] as const) {
    if (typeof e[f] !== "string" || e[f].length === 0)
      throw new TypeError(`audit entry: ${f} must be a non-empty string`);
  }
  if (!OUTCOMES.has(e.outcome)) throw new TypeError(`audit entry: outcome must be ok, denied or failed`);
}

/**
 * The detail exactly as jsonb will give it back: C2 masked, C3 removed, JSON-normalised, and
 * the text jsonb refuses (NUL, unpaired surrogates) replaced by U+FFFD, so that odd input never
 * fails the use case and the stored value re-hashes to the same hash.
 */
function storableDetail(detail: AuditEntryInput["detail"]): Record<string, unknown> {
  const redacted = jsonRoundTrip(redactC2(detail ?? {}));
  if (redacted === null || typeof redacted !== "object" || Array.isArray(redacted)) {
    throw new TypeError("audit entry: detail must be an object");
  }
  return storableText(redacted) as Record<string, unknown>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what jsonb refuses to store
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storableText(v: unknown): unknown {
  if (typeof v === "string") return v.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(v)) return v.map(storableText);
  if (v !== null && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) o[storableText(k) as string] = storableText(item);
    return o;
  }
  return v;
}

/** One `platform.audit_log` row as the writers insert it. */
export interface AuditLogRow {
  readonly region_code: string;
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly object_type: string;
  readonly object_id: string;
  readonly outcome: string;
  readonly detail: Record<string, unknown>;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * KRN-R07 the rows of `entries` (all of region `regionCode`), checked, redacted and chained in
 * order after `head` (the region's head, read under its lock), and the head they leave — what
 * appendAuditEntries writes; for a caller that sends the insert and the head move itself (e.g.
 * in one statement). The caller must hold the head's row lock until it commits.
 */
export function chainAuditRows(
  regionCode: string,
  head: { readonly seq: number; readonly hash: string },
  entries: readonly AuditEntryInput[],
  at: Date,
  hasher: Hasher = nodeHasher,
): { rows: AuditLogRow[]; head: { seq: number; hash: string } } {
  let seq = head.seq;
  let prev = head.hash;
  const rows = entries.map((entry) => {
    checkEntry(entry);
    if (entry.regionCode !== regionCode) throw new TypeError("audit entry: region differs from the chain's region");
    const detail = storableDetail(entry.detail);
    seq += 1;
    const hash = auditEntryHash(hasher, prev, {
      regionCode,
      seq,
      at: auditTimestamp(at),
      actor: entry.actor,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      outcome: entry.outcome,
      detail,
    });
    const row: AuditLogRow = {
      region_code: regionCode,
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      outcome: entry.outcome,
      detail,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  return { rows, head: { seq, hash: prev } };
}
