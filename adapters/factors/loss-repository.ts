import { sql } from "kysely";
import type { LossAllocation, LossAllocationRepository } from "../../core/factors/mod.ts";
import { DomainError, type Fen } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText, iso, isUniqueViolation } from "./sql-values.ts";

export function lossFromRow(r: Record<string, any>): LossAllocation {
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    loanId: r.loan_id,
    bankId: r.bank_id,
    guarantorId: r.guarantor_id,
    insurerId: r.insurer_id,
    loss: Number(r.loss),
    parts: {
      bank: Number(r.part_bank),
      guarantor: Number(r.part_guarantor),
      insurer: Number(r.part_insurer),
      governmentFund: Number(r.part_government_fund),
    },
    year: r.year,
    allocatedOn: r.allocated_on,
    createdAt: iso(r.created_at),
    actor: r.actor,
  };
}

/** FAC-R09 loss allocations: one per loan; the database checks the parts add up to the loss. */
export class KyselyLossRepository implements LossAllocationRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async forLoan(regionCode: string, loanId: string): Promise<LossAllocation | null> {
    const r = await this.#tx
      .selectFrom("factors.loss_allocations as a")
      .selectAll("a")
      .select(dateText("a.allocated_on", "allocated_on_text"))
      .where("a.loan_id", "=", loanId)
      .where("a.region_code", "=", regionCode)
      .executeTakeFirst();
    return r ? lossFromRow({ ...r, allocated_on: r.allocated_on_text }) : null;
  }

  /**
   * What the county's government fund has taken in `year` — read under an advisory transaction
   * lock per county and year, so two allocations of one year cannot both see room under the cap.
   */
  async fundTotalForYear(regionCode: string, countyCode: string, year: number): Promise<Fen> {
    await sql`select pg_advisory_xact_lock(hashtext(${`factors.fund:${regionCode}:${countyCode}:${year}`}))`.execute(
      this.#tx,
    );
    const r = await this.#tx
      .selectFrom("factors.loss_allocations")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("part_government_fund"), eb.val(0)).as("total"))
      .where("region_code", "=", regionCode)
      .where("county_code", "=", countyCode)
      .where("year", "=", year)
      .executeTakeFirstOrThrow();
    return Number(r.total);
  }

  async insert(a: LossAllocation): Promise<void> {
    try {
      await this.#tx
        .insertInto("factors.loss_allocations")
        .values({
          id: a.id,
          region_code: a.regionCode,
          county_code: a.countyCode,
          loan_id: a.loanId,
          bank_id: a.bankId,
          guarantor_id: a.guarantorId,
          insurer_id: a.insurerId,
          loss: a.loss,
          part_bank: a.parts.bank,
          part_guarantor: a.parts.guarantor,
          part_insurer: a.parts.insurer,
          part_government_fund: a.parts.governmentFund,
          year: a.year,
          allocated_on: a.allocatedOn,
          created_at: a.createdAt,
          actor: a.actor,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("this loan's loss was already shared", {
          ruleId: "FAC-R09",
          kind: "conflict",
          field: "loanId",
        });
      }
      throw e;
    }
  }
}
