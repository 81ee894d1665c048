import type { BlindIndexer, Clock, FieldCipher, Hasher, IdGenerator } from "../../core/kernel/mod.ts";
import type { QuickClaimTx, QuickClaimUnitOfWork } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { createAuditWriter } from "../platform/audit-writer.ts";
import { createOutboxWriter } from "../platform/outbox-writer.ts";
import { C2Codec } from "./c2-codec.ts";
import { caseSaveError, KyselyCaseRepository } from "./kysely-case-repository.ts";
import { KyselyClaimRepository } from "./kysely-claim-repository.ts";
import { KyselyPaymentRepository } from "./kysely-payment-repository.ts";
import { KyselySurveyRepository } from "./kysely-survey-repository.ts";

export interface QuickClaimStoreServices {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cipher: FieldCipher;
  readonly blindIndexer: BlindIndexer;
  readonly hasher?: Hasher;
  /** The region (GB/T 2260, usually a prefecture) whose cases this unit of work reaches. */
  readonly scope: string;
}

/** Audit entries and outbox events go out pipelined with the next statement or the COMMIT. */
const PIPELINED = { pipelined: true } as const;
/** The audit chain is extended by the database too: no statement of an audit entry is waited for. */
const AUDIT_PIPELINED = { pipelined: true, chainInDatabase: true } as const;

/**
 * KRN-R09 the quick-claim unit of work on kysely: each `run` is one database transaction holding
 * the repositories, the audit writer (KRN-R07) and the outbox writer; a throw rolls all of it
 * back. Row locks taken by `getForUpdate` last until the transaction ends. The audit entries and
 * outbox events are written pipelined (not waited for one by one; see `PIPELINED` in
 * create-database.ts): a failure of any of them still fails `run`, at the latest at COMMIT. So
 * are case saves: a version conflict found by the database is raised by `run` as the same 409
 * DomainError (`caseSaveError`), whichever later statement reports it, with nothing committed.
 */
export class KyselyQuickClaimUnitOfWork implements QuickClaimUnitOfWork {
  readonly #db: AnyDb;
  readonly #s: QuickClaimStoreServices;

  constructor(db: AnyDb, services: QuickClaimStoreServices) {
    this.#db = db;
    this.#s = services;
  }

  run<T>(work: (tx: QuickClaimTx) => Promise<T>): Promise<T> {
    const s = this.#s;
    return this.#db
      .transaction()
      .execute((trx) => {
        const codec = new C2Codec(s.cipher);
        const tx: QuickClaimTx = {
          cases: new KyselyCaseRepository(trx, codec, s.clock, s.scope),
          claims: new KyselyClaimRepository(trx, codec, s.blindIndexer, s.clock, s.scope),
          payments: new KyselyPaymentRepository(trx, codec, s.scope),
          surveys: new KyselySurveyRepository(trx),
          audit: createAuditWriter(trx, s.clock, s.hasher, AUDIT_PIPELINED),
          outbox: createOutboxWriter(trx, s.clock, s.ids, PIPELINED),
        };
        return work(tx);
      })
      .catch((e: unknown) => {
        throw caseSaveError(e);
      });
  }
}
