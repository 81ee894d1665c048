import { sql } from "kysely";
import { type Clock, DomainError, regionContains } from "../../core/kernel/mod.ts";
import type { CaseRepository, QuickClaimCase } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { C2Codec } from "./c2-codec.ts";
import { CASE_COLUMNS, type CaseRow, fromCaseRow, toCaseRow } from "./case-row.ts";
import { isUniqueViolation, regionPattern } from "./sql-helpers.ts";

const CASES = "quickclaim.cases";

/** The columns a case read returns, the accident date as text. */
export function caseSelection(db: AnyDb) {
  return db.selectFrom(CASES).select([...CASE_COLUMNS, sql<string>`accident_date::text`.as("accident_date")]);
}

/**
 * Cases on kysely, inside one transaction (KRN-R09). Saves are optimistic (`version`), reads for
 * update take the row lock until the transaction ends, and C2 fields are sealed (KRN-R04).
 */
export class KyselyCaseRepository implements CaseRepository {
  readonly #tx: AnyDb;
  readonly #codec: C2Codec;
  readonly #clock: Clock;
  readonly #scope: string;
  readonly #scopeCode: string;

  /** `scope`: the region (GB/T 2260) this repository serves; cases elsewhere are not found. */
  constructor(tx: AnyDb, codec: C2Codec, clock: Clock, scope: string) {
    this.#tx = tx;
    this.#codec = codec;
    this.#clock = clock;
    this.#scope = regionPattern(scope);
    this.#scopeCode = scope;
  }

  #byId(id: string) {
    return caseSelection(this.#tx).where("id", "=", id).where("region_code", "like", this.#scope);
  }

  async get(id: string): Promise<QuickClaimCase | undefined> {
    const row = await this.#byId(id).executeTakeFirst();
    return row ? fromCaseRow(row as CaseRow, this.#codec) : undefined;
  }

  async getForUpdate(id: string): Promise<QuickClaimCase | undefined> {
    const row = await this.#byId(id).forUpdate().executeTakeFirst();
    return row ? fromCaseRow(row as CaseRow, this.#codec) : undefined;
  }

  async insert(c: QuickClaimCase): Promise<void> {
    if (!regionContains(this.#scopeCode, c.regionCode)) {
      throw new DomainError(`case region ${c.regionCode} is outside this region`, {
        ruleId: "KRN-R06",
        kind: "forbidden",
      });
    }
    const row = toCaseRow(c, this.#codec);
    try {
      await this.#tx
        .insertInto(CASES)
        .values({ ...row, updated_at: this.#clock.now() })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError("the case exists already", { ruleId: "KRN-R09", kind: "conflict" });
      throw e;
    }
    await this.#tx
      .insertInto("quickclaim.case_parties")
      .values(
        c.parties.map((p) => ({ case_id: c.id, party_id: p.id, region_code: c.regionCode, subject_ref: p.subjectRef })),
      )
      .execute();
  }

  async update(next: QuickClaimCase): Promise<void> {
    const { id, version, ...row } = toCaseRow(next, this.#codec);
    const result = await this.#tx
      .updateTable(CASES)
      .set({ ...row, version, updated_at: this.#clock.now() })
      .where("id", "=", id)
      .where("region_code", "like", this.#scope)
      .where("version", "=", version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError("the case was changed by someone else; load it again", {
        ruleId: "KRN-R09",
        kind: "conflict",
        field: "version",
      });
    }
  }

  async nextLetterSerial(prefectureCode: string, year: number): Promise<number> {
    const row = await sql<{ last_serial: number }>`
      insert into quickclaim.letter_serials as s (region_code, year, last_serial)
      values (${prefectureCode}, ${year}, 1)
      on conflict (region_code, year) do update set last_serial = s.last_serial + 1
      returning last_serial`.execute(this.#tx);
    return Number(row.rows[0]?.last_serial);
  }
}
