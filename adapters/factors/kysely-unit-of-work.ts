import type { FactorsTx, FactorsUnitOfWork } from "../../core/factors/mod.ts";
import type { AuditEntryInput, Clock, Hasher, IdGenerator, OutboxEventInput } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { appendAuditEntries, createAuditWriter } from "../platform/audit-writer.ts";
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
export function factorsTxOver(
  trx: AnyDb,
  s: FactorsStoreServices,
  writers: Pick<FactorsTx, "audit" | "outbox"> = {
    audit: s.hasher ? createAuditWriter(trx, s.clock, s.hasher) : createAuditWriter(trx, s.clock),
    outbox: createOutboxWriter(trx, s.clock, s.ids),
  },
): FactorsTx {
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
    ...writers,
  };
}

/**
 * KRN-R09 the factors unit of work on kysely: each `run` is one database transaction holding
 * every repository, the hash-chained audit writer (KRN-R07) and the outbox writer, so a use
 * case's changes, audit entries and outgoing events commit together or not at all. Row locks
 * taken with `{ forUpdate: true }` last until the transaction ends.
 *
 * Audit entries and outgoing events are collected while the work runs and written, in order,
 * when it has finished — still inside the transaction. The audit chain's head row is the one
 * lock every write of a region shares, so it is taken as late as possible and held only for the
 * last few statements before the commit.
 */
export class KyselyFactorsUnitOfWork implements FactorsUnitOfWork {
  readonly #db: AnyDb;
  readonly #services: FactorsStoreServices;

  constructor(db: AnyDb, services: FactorsStoreServices) {
    this.#db = db;
    this.#services = services;
  }

  run<T>(work: (tx: FactorsTx) => Promise<T>): Promise<T> {
    const s = this.#services;
    return this.#db.transaction().execute(async (trx) => {
      const audits: AuditEntryInput[] = [];
      const events: OutboxEventInput[] = [];
      const result = await work(
        factorsTxOver(trx, s, {
          audit: { append: async (e) => void audits.push(e) },
          outbox: { enqueue: async (e) => void events.push(e) },
        }),
      );
      const outbox = createOutboxWriter(trx, s.clock, s.ids);
      for (const e of events) await outbox.enqueue(e);
      if (audits.length > 0) await appendAuditEntries(trx, s.clock, audits, s.hasher);
      return result;
    });
  }
}
