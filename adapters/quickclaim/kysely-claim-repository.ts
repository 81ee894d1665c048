import { sql } from "kysely";
import { type BlindIndexer, type Clock, DomainError } from "../../core/kernel/mod.ts";
import type { Claim, ClaimRepository } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { C2Codec } from "./c2-codec.ts";
import { CLAIM_COLUMNS, type ClaimRow, fromClaimRow, toClaimRow } from "./claim-row.ts";
import { isUniqueViolation, regionPattern } from "./sql-helpers.ts";

const CLAIMS = "quickclaim.claims";

/** Claims on kysely (unique on case + party; optimistic saves; sealed ID and card numbers). */
export class KyselyClaimRepository implements ClaimRepository {
  readonly #tx: AnyDb;
  readonly #codec: C2Codec;
  readonly #bidx: BlindIndexer;
  readonly #clock: Clock;
  readonly #scope: string;

  /** `scope`: the region (GB/T 2260) this repository serves; claims elsewhere are not found. */
  constructor(tx: AnyDb, codec: C2Codec, bidx: BlindIndexer, clock: Clock, scope: string) {
    this.#tx = tx;
    this.#codec = codec;
    this.#bidx = bidx;
    this.#clock = clock;
    this.#scope = regionPattern(scope);
  }

  #select() {
    return this.#tx.selectFrom(CLAIMS).select(CLAIM_COLUMNS).where("region_code", "like", this.#scope);
  }

  #open(row: unknown): Claim {
    return fromClaimRow(row as ClaimRow, this.#codec);
  }

  async get(id: string): Promise<Claim | undefined> {
    const row = await this.#select().where("id", "=", id).executeTakeFirst();
    return row ? this.#open(row) : undefined;
  }

  async getForUpdate(id: string): Promise<Claim | undefined> {
    const row = await this.#select().where("id", "=", id).forUpdate().executeTakeFirst();
    return row ? this.#open(row) : undefined;
  }

  async findByParty(caseId: string, partyId: string): Promise<Claim | undefined> {
    const row = await this.#select().where("case_id", "=", caseId).where("party_id", "=", partyId).executeTakeFirst();
    return row ? this.#open(row) : undefined;
  }

  async listByCase(caseId: string): Promise<Claim[]> {
    const rows = await this.#select().where("case_id", "=", caseId).orderBy("party_id").execute();
    return rows.map((r) => this.#open(r));
  }

  async insert(c: Claim): Promise<void> {
    const row = toClaimRow(c, this.#codec, this.#bidx);
    try {
      await this.#tx
        .insertInto(CLAIMS)
        .values({
          ...row,
          updated_at: this.#clock.now(),
          // the figures read claims by their case's report time (QC-R08)
          case_reported_at: sql`(select reported_at from quickclaim.cases where id = ${c.caseId})`,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("this party has already made its claim", {
          ruleId: "QC-R07",
          kind: "conflict",
          field: "caseId",
        });
      }
      throw e;
    }
  }

  async update(next: Claim): Promise<void> {
    const { id, version, case_id: _case, ...row } = toClaimRow(next, this.#codec, this.#bidx);
    const result = await this.#tx
      .updateTable(CLAIMS)
      .set({ ...row, version, updated_at: this.#clock.now() })
      .where("id", "=", id)
      .where("region_code", "like", this.#scope)
      .where("version", "=", version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError("the claim was changed by someone else; load it again", {
        ruleId: "KRN-R09",
        kind: "conflict",
        field: "version",
      });
    }
  }
}
