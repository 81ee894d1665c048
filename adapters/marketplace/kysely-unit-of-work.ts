import { sql } from "kysely";
import type {
  AuditEntryInput,
  Clock,
  FieldCipher,
  Hasher,
  IdGenerator,
  OutboxEventInput,
} from "../../core/kernel/mod.ts";
import type { MarketplaceTx, MarketplaceUnitOfWork } from "../../core/marketplace/mod.ts";
import { CompiledStatement } from "../db/compiled-statement.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { appendAuditEntriesChainedInDatabase, canChainInDatabase } from "../platform/audit-chain-in-database.ts";
import { type AuditLogRow, chainAuditRows } from "../platform/audit-entry.ts";
import { AUDIT_GENESIS_HASH } from "../platform/audit-hash.ts";
import { appendAuditEntries } from "../platform/audit-writer.ts";
import { createOutboxWriter, type OutboxRow, outboxRow } from "../platform/outbox-writer.ts";
import { KyselyApplicationRepository } from "./application-store.ts";
import { KyselyApplyCodeRepository } from "./apply-code-store.ts";
import { KyselyConsentRepository } from "./consent-store.ts";
import { LazyTransaction } from "./db-scope.ts";
import { KyselyInstitutionRepository } from "./institution-store.ts";
import { KyselyMortgageRegistrationRepository } from "./mortgage-store.ts";
import { KyselyProductRepository } from "./product-store.ts";
import { KyselyPushLogRepository } from "./push-store.ts";
import { KyselyReportSnapshotRepository } from "./snapshot-store.ts";

export interface MarketplaceStoreServices {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cipher: FieldCipher;
  readonly hasher: Hasher;
}

/**
 * KRN-R09 the marketplace unit of work on kysely: each `run` is at most one database
 * transaction holding every write, the hash-chained audit entries (KRN-R07) and the outbox
 * events; a throw rolls all of it back. The transaction begins at the unit's first write or
 * locking read (LazyTransaction: a read-only unit sends no BEGIN/COMMIT), and row locks taken by
 * `getForUpdate` last until it ends. Audit entries and outbox events are collected during the
 * unit and written, in order, at its end inside the same transaction — so the per-region audit
 * chain (whose head every writer of the region must lock) is held only briefly.
 *
 * Writes whose result nobody reads (the push and application inserts, the audit/outbox tail) are
 * sent pipelined (`PIPELINED`, see create-database.ts): they travel with the next statement that
 * is waited for — a locking read, the COMMIT — which raises their failure (e.g. a duplicate key);
 * the unit then rolls back (or Postgres already ended the transaction at the COMMIT) and rethrows
 * it, so nothing of it commits. With the node SHA-256 hasher the audit chain is made in the
 * database, so the whole tail after the unit's last locking read — writes, events, head lock,
 * chained entries, COMMIT — is one round trip, and the region's head is locked only while
 * Postgres executes it.
 */
export class KyselyMarketplaceUnitOfWork implements MarketplaceUnitOfWork {
  readonly #db: AnyDb;
  readonly #s: MarketplaceStoreServices;

  constructor(db: AnyDb, services: MarketplaceStoreServices) {
    this.#db = db;
    this.#s = services;
  }

  async run<T>(work: (tx: MarketplaceTx) => Promise<T>): Promise<T> {
    const s = this.#s;
    const scope = new LazyTransaction(this.#db);
    const audit: AuditEntryInput[] = [];
    const outbox: OutboxEventInput[] = [];
    const tx: MarketplaceTx = {
      institutions: new KyselyInstitutionRepository(scope),
      products: new KyselyProductRepository(scope),
      consents: new KyselyConsentRepository(scope),
      pushes: new KyselyPushLogRepository(scope),
      applications: new KyselyApplicationRepository(scope, () => s.clock.now()),
      applyCodes: new KyselyApplyCodeRepository(scope),
      mortgageRegistrations: new KyselyMortgageRegistrationRepository(scope, s.cipher),
      reportSnapshots: new KyselyReportSnapshotRepository(scope),
      audit: { append: async (e) => void audit.push(e) },
      outbox: { enqueue: async (e) => void outbox.push(e) },
    };
    let result: T;
    try {
      result = await work(tx);
      if (outbox.length > 0 || audit.length > 0) await flush(await scope.write(), s, audit, outbox);
    } catch (e) {
      await scope.finish(false).catch(() => {}); // the unit's own error is the one to report
      throw e;
    }
    try {
      await scope.finish(true);
    } catch (e) {
      // A failure of a statement pipelined with the COMMIT is raised by it (Postgres has ended the
      // transaction, committing nothing); the ROLLBACK releases the connection all the same.
      await scope.finish(false).catch(() => {});
      throw e;
    }
    return result;
  }
}

/**
 * The unit's outbox events and audit entries, last in the transaction so that the region's
 * audit-chain head is locked only just before COMMIT. With the node SHA-256 hasher (what the
 * platform composes): the events in one pipelined insert, then the head created-or-locked and
 * the entries chained on it in the database (`appendAuditEntriesChainedInDatabase`, pipelined
 * too) — nothing is waited for before the COMMIT. With another hasher, when every entry is of one region (the
 * usual case) that is two statements: the head read under its row lock (created first only if
 * the region has none yet) — waited for, as the chain needs the head's hash; it also settles the
 * unit's pipelined writes before it — then one statement inserting the events and the chained
 * entries and moving the head (data-modifying CTEs), sent pipelined with the COMMIT (a failure of
 * it fails the COMMIT, which then commits nothing). Otherwise the events (pipelined) and the
 * per-region chains are written by the platform's writers.
 */
async function flush(
  trx: AnyDb,
  s: MarketplaceStoreServices,
  audit: readonly AuditEntryInput[],
  outbox: readonly OutboxEventInput[],
): Promise<void> {
  if (canChainInDatabase(s.hasher)) {
    // Events first (they need no lock), then the head lock and the chain: all pipelined with the
    // COMMIT, so the region's head is locked only while the database runs the end of the unit.
    if (outbox.length > 0) {
      const values: Record<string, unknown> = {};
      outbox.forEach((e, i) => {
        const row = outboxRow(e, s.clock, s.ids);
        for (const c of OUTBOX_COLUMNS) values[`e${i}_${c}`] = row[c];
      });
      await trx.executeQuery(outboxStatement(outbox.length).bind(trx, values, PIPELINED));
    }
    if (audit.length > 0) await appendAuditEntriesChainedInDatabase(trx, s.clock, audit);
    return;
  }
  const region = audit[0]?.regionCode;
  if (region === undefined || audit.some((e) => e.regionCode !== region)) {
    const writer = createOutboxWriter(trx, s.clock, s.ids, { pipelined: true });
    for (const e of outbox) await writer.enqueue(e);
    if (audit.length > 0) await appendAuditEntries(trx, s.clock, audit, s.hasher);
    return;
  }
  const events = outbox.map((e) => outboxRow(e, s.clock, s.ids));
  const head = (await lockAuditHead(trx, region)) ?? (await createAuditHead(trx, region));
  const at = s.clock.now();
  const chained = chainAuditRows(region, head, audit, at, s.hasher);
  const values: Record<string, unknown> = {
    region,
    seq: chained.head.seq,
    hash: chained.head.hash,
    at,
  };
  chained.rows.forEach((row, i) => {
    for (const c of AUDIT_COLUMNS) values[`a${i}_${c}`] = row[c];
  });
  events.forEach((row, i) => {
    for (const c of OUTBOX_COLUMNS) values[`e${i}_${c}`] = row[c];
  });
  await trx.executeQuery(tailStatement(chained.rows.length, events.length).bind(trx, values, PIPELINED));
}

const AUDIT_COLUMNS = [
  "region_code",
  "seq",
  "at",
  "actor",
  "action",
  "object_type",
  "object_id",
  "outcome",
  "detail",
  "prev_hash",
  "hash",
] as const satisfies readonly (keyof AuditLogRow)[];

const OUTBOX_COLUMNS = [
  "id",
  "region_code",
  "type",
  "aggregate_id",
  "payload",
  "created_at",
  "next_attempt_at",
] as const satisfies readonly (keyof OutboxRow)[];

const tails = new Map<string, CompiledStatement<string>>();

/**
 * The tail statement for `entries` audit rows and `events` outbox rows, compiled once per shape
 * (a use case writes the same number every time): slots `a<i>_<column>`, `e<i>_<column>`, and
 * the head's `region`, new `seq`, `hash` and `at`.
 */
function tailStatement(entries: number, events: number): CompiledStatement<string> {
  const key = `${entries}/${events}`;
  let statement = tails.get(key);
  if (!statement) {
    statement = new CompiledStatement<string>((db, slot) => {
      const rows = (prefix: string, n: number, columns: readonly string[]) =>
        Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, slot(`${prefix}${i}_${c}`)])));
      let q = db.with("audit_entries", (d) =>
        d.insertInto("platform.audit_log").values(rows("a", entries, AUDIT_COLUMNS)),
      );
      if (events > 0) {
        q = q.with("outbox_events", (d) => d.insertInto("platform.outbox").values(rows("e", events, OUTBOX_COLUMNS)));
      }
      return q
        .updateTable("platform.audit_head")
        .set({ seq: slot("seq"), hash: slot("hash"), updated_at: slot("at") })
        .where("region_code", "=", slot("region"));
    });
    if (tails.size < 64) tails.set(key, statement);
  }
  return statement;
}

const outboxInserts = new Map<number, CompiledStatement<string>>();

/** One multi-row insert of `events` outbox rows (slots `e<i>_<column>`), compiled once per count. */
function outboxStatement(events: number): CompiledStatement<string> {
  let statement = outboxInserts.get(events);
  if (!statement) {
    statement = new CompiledStatement<string>((db, slot) =>
      db
        .insertInto("platform.outbox")
        .values(
          Array.from({ length: events }, (_, i) =>
            Object.fromEntries(OUTBOX_COLUMNS.map((c) => [c, slot(`e${i}_${c}`)])),
          ),
        ),
    );
    if (outboxInserts.size < 64) outboxInserts.set(events, statement);
  }
  return statement;
}

const LOCK_HEAD = new CompiledStatement<"region">((db, slot) =>
  db.selectFrom("platform.audit_head").select(["seq", "hash"]).where("region_code", "=", slot("region")).forUpdate(),
);

async function lockAuditHead(trx: AnyDb, region: string): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await trx.executeQuery<{ seq: number | string; hash: string }>(LOCK_HEAD.bind(trx, { region }));
  const head = rows[0];
  return head ? { seq: Number(head.seq), hash: head.hash } : undefined;
}

/** A region's first audit entry: its genesis head, created (or found, if another made it) and locked. */
async function createAuditHead(trx: AnyDb, region: string): Promise<{ seq: number; hash: string }> {
  await sql`insert into platform.audit_head (region_code, seq, hash)
            values (${region}, 0, ${AUDIT_GENESIS_HASH})
            on conflict (region_code) do nothing`.execute(trx);
  const head = await lockAuditHead(trx, region);
  if (!head) throw new Error(`the audit head of region ${region} could not be created`);
  return head;
}
