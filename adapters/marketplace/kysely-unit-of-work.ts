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
import type { AnyDb } from "../db/create-database.ts";
import { AUDIT_GENESIS_HASH } from "../platform/audit-hash.ts";
import { appendAuditEntries, chainAuditRows } from "../platform/audit-writer.ts";
import { createOutboxWriter, outboxRow } from "../platform/outbox-writer.ts";
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
    await scope.finish(true);
    return result;
  }
}

/**
 * The unit's outbox events and audit entries, last in the transaction so that the region's
 * audit-chain head is locked only just before COMMIT. When every entry is of one region (the
 * usual case) that is two statements: the head read under its row lock (created first only if
 * the region has none yet), then one statement inserting the events and the chained entries and
 * moving the head (data-modifying CTEs). Otherwise the events and the per-region chains are
 * written by the platform's writers.
 */
async function flush(
  trx: AnyDb,
  s: MarketplaceStoreServices,
  audit: readonly AuditEntryInput[],
  outbox: readonly OutboxEventInput[],
): Promise<void> {
  const region = audit[0]?.regionCode;
  if (region === undefined || audit.some((e) => e.regionCode !== region)) {
    const writer = createOutboxWriter(trx, s.clock, s.ids);
    for (const e of outbox) await writer.enqueue(e);
    if (audit.length > 0) await appendAuditEntries(trx, s.clock, audit, s.hasher);
    return;
  }
  const events = outbox.map((e) => outboxRow(e, s.clock, s.ids));
  const head = (await lockAuditHead(trx, region)) ?? (await createAuditHead(trx, region));
  const at = s.clock.now();
  const chained = chainAuditRows(region, head, audit, at, s.hasher);
  let q = trx.with("audit_entries", (db) => db.insertInto("platform.audit_log").values(chained.rows));
  if (events.length > 0) q = q.with("outbox_events", (db) => db.insertInto("platform.outbox").values(events));
  await q
    .updateTable("platform.audit_head")
    .set({ seq: chained.head.seq, hash: chained.head.hash, updated_at: at })
    .where("region_code", "=", region)
    .execute();
}

async function lockAuditHead(trx: AnyDb, region: string): Promise<{ seq: number; hash: string } | undefined> {
  const head = await trx
    .selectFrom("platform.audit_head")
    .select(["seq", "hash"])
    .where("region_code", "=", region)
    .forUpdate()
    .executeTakeFirst();
  return head ? { seq: Number(head.seq), hash: head.hash as string } : undefined;
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
