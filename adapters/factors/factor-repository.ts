import type { Factor, FactorEvent, FactorRepository, Lock } from "../../core/factors/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import {
  type EventRow,
  type FactorRow,
  fromEventRow,
  fromFactorRow,
  selectFactors,
  toEventRow,
  toFactorRow,
} from "./factor-row.ts";
import { isUniqueViolation } from "./sql-values.ts";
import { updateVersioned } from "./update-versioned.ts";

function conflict(message: string): DomainError {
  return new DomainError(message, { ruleId: "KRN-R09", kind: "conflict", field: "factorId" });
}

/**
 * Factors and their history on kysely, inside the unit of work's transaction. Reads are scoped by
 * region; `forUpdate` locks rows until the transaction ends (several rows in id order, so that
 * two transactions locking overlapping collateral cannot deadlock); updates are optimistic.
 */
export class KyselyFactorRepository implements FactorRepository {
  readonly #tx: AnyDb;

  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string, lock?: Lock): Promise<Factor | null> {
    let q = selectFactors(this.#tx).where("f.id", "=", id).where("f.region_code", "=", regionCode);
    if (lock?.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? fromFactorRow(row as FactorRow) : null;
  }

  async getMany(regionCode: string, ids: readonly string[], lock?: Lock): Promise<Factor[]> {
    if (ids.length === 0) return [];
    let q = selectFactors(this.#tx)
      .where("f.id", "in", [...ids])
      .where("f.region_code", "=", regionCode)
      .orderBy("f.id");
    if (lock?.forUpdate) q = q.forUpdate();
    const rows = await q.execute();
    return rows.map((r) => fromFactorRow(r as FactorRow));
  }

  async insert(factor: Factor): Promise<void> {
    try {
      await this.#tx.insertInto("factors.factors").values(toFactorRow(factor)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`factor ${factor.id} exists already`);
      throw e;
    }
  }

  async update(factor: Factor): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.factors", toFactorRow(factor));
  }

  async appendEvent(event: FactorEvent): Promise<void> {
    try {
      await this.#tx.insertInto("factors.factor_events").values(toEventRow(event)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`event ${event.seq} of factor ${event.factorId} exists already`);
      throw e;
    }
  }

  async history(regionCode: string, factorId: string): Promise<FactorEvent[]> {
    const rows = await this.#tx
      .selectFrom("factors.factor_events")
      .selectAll()
      .where("factor_id", "=", factorId)
      .where("region_code", "=", regionCode)
      .orderBy("seq")
      .execute();
    return rows.map((r) => fromEventRow(r as EventRow));
  }
}
