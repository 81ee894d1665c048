import type { ControlledTransaction } from "kysely";
import type { AnyDb } from "../db/create-database.ts";

/**
 * Where a repository sends its statements inside one unit of work: plain reads go to `read()`,
 * writes and locking reads to `await write()`.
 */
export interface DbScope {
  read(): AnyDb;
  write(): Promise<AnyDb>;
}

/**
 * A unit of work whose transaction begins at its first write or locking read. Under Postgres'
 * READ COMMITTED isolation every statement sees the data committed when it starts, inside a
 * transaction or not, so reads before the first write see exactly what they would have seen in
 * the transaction — while a read-only unit (a lookup, a check before calling an outside system)
 * costs no BEGIN and COMMIT and holds no connection between its statements. From the first
 * write on, everything (reads too) runs in the one transaction, which commits or rolls back
 * with the unit as a whole (KRN-R09).
 */
export class LazyTransaction implements DbScope {
  readonly #db: AnyDb;
  #trx: ControlledTransaction<any> | undefined;
  #starting: Promise<ControlledTransaction<any>> | undefined;

  constructor(db: AnyDb) {
    this.#db = db;
  }

  read(): AnyDb {
    return this.#trx ?? this.#db;
  }

  async write(): Promise<AnyDb> {
    if (this.#trx) return this.#trx;
    this.#starting ??= this.#db.startTransaction().execute();
    this.#trx = await this.#starting;
    return this.#trx;
  }

  /** Commits (ok) or rolls back the transaction, if one was begun. */
  async finish(ok: boolean): Promise<void> {
    const trx = this.#trx ?? (this.#starting ? await this.#starting : undefined);
    if (!trx) return;
    if (ok) await trx.commit().execute();
    else await trx.rollback().execute();
  }
}

/** A scope over a handle that is already what it should be (a transaction, or the database). */
export function fixedScope(db: AnyDb): DbScope {
  return { read: () => db, write: async () => db };
}
