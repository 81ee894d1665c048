import { sql } from "kysely";
import { type Clock, DomainError, regionContains } from "../../core/kernel/mod.ts";
import type { CaseRepository, QuickClaimCase } from "../../core/quickclaim/mod.ts";
import { CompiledStatement } from "../db/compiled-statement.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import type { C2Codec } from "./c2-codec.ts";
import { CASE_COLUMNS, type CaseRow, type CaseRowValues, fromCaseRow, toCaseRow } from "./case-row.ts";
import { isUniqueViolation, regionPattern } from "./sql-helpers.ts";

const CASES = "quickclaim.cases";

/** The columns a case read returns, the accident date as text. */
export function caseSelection(db: AnyDb) {
  return db.selectFrom(CASES).select([...CASE_COLUMNS, sql<string>`accident_date::text`.as("accident_date")]);
}

type UpdateSlot =
  | Exclude<keyof CaseRowValues, "id" | "version">
  | "id"
  | "version"
  | "prev_version"
  | "scope"
  | "updated_at";

/** The hot statements of every case step, compiled once (see CompiledStatement). */
const BY_ID = new CompiledStatement<"id" | "scope">((db, slot) =>
  caseSelection(db).where("id", "=", slot("id")).where("region_code", "like", slot("scope")),
);
const BY_ID_FOR_UPDATE = new CompiledStatement<"id" | "scope">((db, slot) =>
  caseSelection(db).where("id", "=", slot("id")).where("region_code", "like", slot("scope")).forUpdate(),
);
/** Every column of the row (same order as toCaseRow), the version checked optimistically. */
const UPDATE_COLUMNS = [
  "region_code",
  "centre_id",
  "status",
  "reported_at",
  "accident_at",
  "accident_date",
  "evidence_submitted_at",
  "determined_at",
  "agreed_at",
  "disputed_at",
  "paid_at",
  "letter_number",
  "plates",
  "insurer_ids",
  "flagged_photos",
  "parties",
  "doc",
  "version",
  "updated_at",
] as const satisfies readonly UpdateSlot[];
/** What the case save raises, inside Postgres, when its version check matched no row. */
const VERSION_CONFLICT = "KRN-R09 quickclaim case version conflict";
/**
 * The save, with its "exactly one row" check done by the database: when the update matched no
 * row (another transaction saved the case first, or it is outside the scope), casting the marker
 * text to int fails the statement — and with it the transaction, so nothing of it commits. The
 * check depends on the row count, so it is evaluated only at run time (never folded at planning).
 */
const UPDATE = new CompiledStatement<UpdateSlot>((db, slot) =>
  db
    .with("saved", (qb) =>
      qb
        .updateTable(CASES)
        .set(Object.fromEntries(UPDATE_COLUMNS.map((c) => [c, slot(c)])))
        .where("id", "=", slot("id"))
        .where("region_code", "like", slot("scope"))
        .where("version", "=", slot("prev_version"))
        .returning(sql<number>`1`.as("one")),
    )
    .selectFrom("saved")
    .select(sql<number>`cast(case when count(*) = 1 then '1' else ${sql.lit(VERSION_CONFLICT)} end as int)`.as("one")),
);

/** The version-conflict DomainError (409). */
function versionConflict(): DomainError {
  return new DomainError("the case was changed by someone else; load it again", {
    ruleId: "KRN-R09",
    kind: "conflict",
    field: "version",
  });
}

/**
 * `e` as the use cases know it: the database's failure of a case save's version check becomes the
 * version-conflict DomainError (the save is pipelined, so the failure may come from a later
 * statement or the COMMIT of the same transaction); any other error is returned unchanged.
 */
export function caseSaveError(e: unknown): unknown {
  if (e instanceof DomainError || e === null || typeof e !== "object") return e;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (code === "22P02" && typeof message === "string" && message.includes(VERSION_CONFLICT)) return versionConflict();
  return e;
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

  async get(id: string): Promise<QuickClaimCase | undefined> {
    const { rows } = await this.#tx.executeQuery<CaseRow>(BY_ID.bind(this.#tx, { id, scope: this.#scope }));
    return rows[0] ? fromCaseRow(rows[0], this.#codec) : undefined;
  }

  async getForUpdate(id: string): Promise<QuickClaimCase | undefined> {
    const { rows } = await this.#tx.executeQuery<CaseRow>(BY_ID_FOR_UPDATE.bind(this.#tx, { id, scope: this.#scope }));
    return rows[0] ? fromCaseRow(rows[0], this.#codec) : undefined;
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

  /**
   * Saves over the version before `next.version`. In a Postgres transaction the save is sent
   * pipelined (not waited for; see `PIPELINED`): a version conflict fails the transaction and is
   * raised, as the same conflict, by the next statement waited for or the COMMIT — the unit of
   * work maps it with `caseSaveError`. Elsewhere it is waited for and raised here.
   */
  async update(next: QuickClaimCase): Promise<void> {
    const row = toCaseRow(next, this.#codec);
    try {
      await this.#tx.executeQuery(
        UPDATE.bind(
          this.#tx,
          { ...row, updated_at: this.#clock.now(), scope: this.#scope, prev_version: row.version - 1 },
          PIPELINED,
        ),
      );
    } catch (e) {
      throw caseSaveError(e);
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
