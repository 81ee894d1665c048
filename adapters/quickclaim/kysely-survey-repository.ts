import { sql } from "kysely";
import { DomainError } from "../../core/kernel/mod.ts";
import type { Survey, SurveyRepository } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { iso, isUniqueViolation } from "./sql-helpers.ts";

interface SurveyRow {
  id: string;
  case_id: string;
  party_id: string;
  region_code: string;
  centre_id: string;
  satisfied: boolean;
  suggestion: string | null;
  at: Date | string;
}

/** 回访 answers: one per case and party. */
export class KyselySurveyRepository implements SurveyRepository {
  readonly #tx: AnyDb;

  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async findByParty(caseId: string, partyId: string): Promise<Survey | undefined> {
    const r = (await this.#tx
      .selectFrom("quickclaim.surveys")
      .select(["id", "case_id", "party_id", "region_code", "centre_id", "satisfied", "suggestion", "at"])
      .where("case_id", "=", caseId)
      .where("party_id", "=", partyId)
      .executeTakeFirst()) as SurveyRow | undefined;
    if (!r) return undefined;
    return {
      id: r.id,
      caseId: r.case_id,
      partyId: r.party_id,
      regionCode: r.region_code,
      centreId: r.centre_id,
      satisfied: r.satisfied,
      suggestion: r.suggestion,
      at: iso(r.at),
    };
  }

  async insert(s: Survey): Promise<void> {
    try {
      await this.#tx
        .insertInto("quickclaim.surveys")
        .values({
          id: s.id,
          case_id: s.caseId,
          party_id: s.partyId,
          region_code: s.regionCode,
          centre_id: s.centreId,
          satisfied: s.satisfied,
          suggestion: s.suggestion,
          at: s.at,
          case_reported_at: sql`(select reported_at from quickclaim.cases where id = ${s.caseId})`,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("this party has already answered the follow-up", {
          ruleId: "QC-R08",
          kind: "conflict",
          field: "caseId",
        });
      }
      throw e;
    }
  }
}
