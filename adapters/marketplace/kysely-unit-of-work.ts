import type { Clock, FieldCipher, Hasher, IdGenerator } from "../../core/kernel/mod.ts";
import type { MarketplaceTx, MarketplaceUnitOfWork } from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { createAuditWriter } from "../platform/audit-writer.ts";
import { createOutboxWriter } from "../platform/outbox-writer.ts";
import { KyselyApplicationRepository } from "./application-store.ts";
import { KyselyApplyCodeRepository } from "./apply-code-store.ts";
import { KyselyConsentRepository } from "./consent-store.ts";
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
 * KRN-R09 the marketplace unit of work on kysely: each `run` is one database transaction with
 * every repository, the hash-chained audit writer (KRN-R07) and the outbox writer; a throw
 * rolls all of it back. Row locks taken by `getForUpdate` last until the transaction ends.
 */
export class KyselyMarketplaceUnitOfWork implements MarketplaceUnitOfWork {
  readonly #db: AnyDb;
  readonly #s: MarketplaceStoreServices;

  constructor(db: AnyDb, services: MarketplaceStoreServices) {
    this.#db = db;
    this.#s = services;
  }

  run<T>(work: (tx: MarketplaceTx) => Promise<T>): Promise<T> {
    const s = this.#s;
    return this.#db.transaction().execute((trx) =>
      work({
        institutions: new KyselyInstitutionRepository(trx),
        products: new KyselyProductRepository(trx),
        consents: new KyselyConsentRepository(trx),
        pushes: new KyselyPushLogRepository(trx),
        applications: new KyselyApplicationRepository(trx, () => s.clock.now()),
        applyCodes: new KyselyApplyCodeRepository(trx),
        mortgageRegistrations: new KyselyMortgageRegistrationRepository(trx, s.cipher),
        reportSnapshots: new KyselyReportSnapshotRepository(trx),
        audit: createAuditWriter(trx, s.clock, s.hasher),
        outbox: createOutboxWriter(trx, s.clock, s.ids),
      }),
    );
  }
}
