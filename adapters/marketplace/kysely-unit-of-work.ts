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
import { appendAuditEntries } from "../platform/audit-writer.ts";
import { createOutboxWriter } from "../platform/outbox-writer.ts";
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
      // Outbox events, then audit entries, last in the transaction: the region's audit-chain
      // head is locked only for the few statements before COMMIT, not for the whole unit.
      if (outbox.length > 0) {
        const writer = createOutboxWriter(await scope.write(), s.clock, s.ids);
        for (const e of outbox) await writer.enqueue(e);
      }
      if (audit.length > 0) await appendAuditEntries(await scope.write(), s.clock, audit, s.hasher);
    } catch (e) {
      await scope.finish(false).catch(() => {}); // the unit's own error is the one to report
      throw e;
    }
    await scope.finish(true);
    return result;
  }
}
