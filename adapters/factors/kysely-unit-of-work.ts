import type { FactorsTx, FactorsUnitOfWork } from "../../core/factors/mod.ts";
import type { Clock, Hasher, IdGenerator } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { createAuditWriter } from "../platform/audit-writer.ts";
import { createOutboxWriter } from "../platform/outbox-writer.ts";
import {
  KyselyBundleRepository,
  KyselyObjectionRepository,
  KyselyValuationRepository,
} from "./collateral-repositories.ts";
import { KyselyFactorRepository } from "./factor-repository.ts";
import { KyselyApplicationRepository, KyselyLienRepository, KyselyProductRepository } from "./lending-repositories.ts";
import { KyselyLoanRepository } from "./loan-repository.ts";
import { KyselyLossRepository } from "./loss-repository.ts";
import { KyselyDisposalRepository, KyselyListingRepository } from "./market-repositories.ts";

export interface FactorsStoreServices {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher?: Hasher;
}

/** The repositories, audit writer and outbox writer over one open transaction. */
export function factorsTxOver(trx: AnyDb, s: FactorsStoreServices): FactorsTx {
  return {
    factors: new KyselyFactorRepository(trx),
    bundles: new KyselyBundleRepository(trx),
    objections: new KyselyObjectionRepository(trx),
    valuations: new KyselyValuationRepository(trx),
    products: new KyselyProductRepository(trx),
    applications: new KyselyApplicationRepository(trx),
    liens: new KyselyLienRepository(trx),
    loans: new KyselyLoanRepository(trx),
    listings: new KyselyListingRepository(trx),
    disposals: new KyselyDisposalRepository(trx),
    losses: new KyselyLossRepository(trx),
    audit: s.hasher ? createAuditWriter(trx, s.clock, s.hasher) : createAuditWriter(trx, s.clock),
    outbox: createOutboxWriter(trx, s.clock, s.ids),
  };
}

/**
 * KRN-R09 the factors unit of work on kysely: each `run` is one database transaction holding
 * every repository, the hash-chained audit writer (KRN-R07) and the outbox writer, so a use
 * case's changes, audit entries and outgoing events commit together or not at all. Row locks
 * taken with `{ forUpdate: true }` last until the transaction ends.
 */
export class KyselyFactorsUnitOfWork implements FactorsUnitOfWork {
  readonly #db: AnyDb;
  readonly #services: FactorsStoreServices;

  constructor(db: AnyDb, services: FactorsStoreServices) {
    this.#db = db;
    this.#services = services;
  }

  run<T>(work: (tx: FactorsTx) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(factorsTxOver(trx, this.#services)));
  }
}
