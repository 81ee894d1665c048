import { sql } from "kysely";
import { regionContains } from "../../core/kernel/mod.ts";
import type {
  CaseStatus,
  CaseSummary,
  ClaimStatus,
  ClaimSummary,
  FigureGroup,
  FigureQuery,
  QuickClaimQueries,
} from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { figureInputsFromRollup } from "./figure-rollup-query.ts";
import { inRegions, iso, regionPattern } from "./sql-helpers.ts";

const ADJUSTER_STATUSES: readonly ClaimStatus[] = ["OPEN", "ASSESSED", "ACCEPTED", "PAYING", "PAYMENT_FAILED"];

interface SummaryRow {
  id: string;
  region_code: string;
  centre_id: string;
  status: string;
  reported_at: Date | string;
  plates: string[];
  flagged_photos: number;
}

function toSummary(r: SummaryRow): CaseSummary {
  return {
    caseId: r.id,
    regionCode: r.region_code,
    centreId: r.centre_id,
    status: r.status as CaseStatus,
    reportedAt: iso(r.reported_at),
    plates: r.plates,
    flaggedPhotos: r.flagged_photos,
  };
}

const SUMMARY = ["id", "region_code", "centre_id", "status", "reported_at", "plates", "flagged_photos"] as const;

/**
 * The quick-claim read side on kysely: the police and adjuster queues, stale payments for the
 * reconciliation job, the QC-R08 figure inputs, and (beyond the core port) a citizen's own cases
 * found by the blind index of their mobile.
 */
export class KyselyQuickClaimQueries implements QuickClaimQueries {
  readonly #db: AnyDb;
  readonly #scope: string;

  /** `scope`: the region (GB/T 2260) whose cases these queries see. */
  constructor(db: AnyDb, scope: string) {
    this.#db = db;
    this.#scope = scope;
  }

  async policeQueue(q: { readonly regionCodes: readonly string[]; readonly limit: number }): Promise<CaseSummary[]> {
    const rows = await this.#db
      .selectFrom("quickclaim.cases")
      .select(SUMMARY)
      .where("status", "in", ["EVIDENCE_SUBMITTED", "DETERMINED"])
      .where("region_code", "like", regionPattern(this.#scope))
      .where(inRegions("region_code", q.regionCodes))
      .orderBy("reported_at")
      .orderBy("id")
      .limit(q.limit)
      .execute();
    return (rows as SummaryRow[]).map(toSummary);
  }

  async adjusterQueue(q: {
    readonly insurerId: string;
    readonly regionCodes: readonly string[];
    readonly limit: number;
  }): Promise<ClaimSummary[]> {
    const rows = (await this.#db
      .selectFrom("quickclaim.claims as cl")
      .innerJoin("quickclaim.cases as c", "c.id", "cl.case_id")
      .select(["cl.id", "cl.case_id", "cl.region_code", "cl.party_id", "cl.status", "cl.opened_at", "cl.payout_fen"])
      .where("cl.status", "in", ADJUSTER_STATUSES)
      .where("cl.region_code", "like", regionPattern(this.#scope))
      .where(inRegions("cl.region_code", q.regionCodes))
      .where(sql<boolean>`c.insurer_ids @> array[${q.insurerId}]::text[]`)
      .orderBy("cl.opened_at")
      .orderBy("cl.id")
      .limit(q.limit)
      .execute()) as {
      id: string;
      case_id: string;
      region_code: string;
      party_id: string;
      status: string;
      opened_at: Date | string;
      payout_fen: number | null;
    }[];
    return rows.map((r) => ({
      claimId: r.id,
      caseId: r.case_id,
      regionCode: r.region_code,
      partyId: r.party_id,
      status: r.status as ClaimStatus,
      openedAt: iso(r.opened_at),
      payoutFen: r.payout_fen,
    }));
  }

  async stalePayments(q: { readonly before: string; readonly limit: number }): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("quickclaim.payments")
      .select("claim_id")
      .where("state", "in", ["PENDING", "UNKNOWN"])
      .where("region_code", "like", regionPattern(this.#scope))
      .where("lease_until", "<=", new Date(q.before))
      .orderBy("lease_until")
      .limit(q.limit)
      .execute();
    return rows.map((r) => r.claim_id as string);
  }

  /** Figures of `q.regionCode` within this region (a wider area asked is narrowed to the region). */
  async figureInputs(q: FigureQuery): Promise<FigureGroup[]> {
    if (regionContains(this.#scope, q.regionCode)) return figureInputsFromRollup(this.#db, q);
    if (regionContains(q.regionCode, this.#scope))
      return figureInputsFromRollup(this.#db, { ...q, regionCode: this.#scope });
    return [];
  }

  /**
   * The cases a citizen is a party of (by `subjectRef`, the blind index of the mobile they signed
   * in with), newest first. Not part of the core port: the party's pages use it to list "my cases".
   */
  async casesOfSubject(subjectRef: string, limit = 20): Promise<CaseSummary[]> {
    const rows = await this.#db
      .selectFrom("quickclaim.cases as c")
      .innerJoin("quickclaim.case_parties as p", "p.case_id", "c.id")
      .select(SUMMARY.map((col) => `c.${col}` as const))
      .where("p.subject_ref", "=", subjectRef)
      .where("c.region_code", "like", regionPattern(this.#scope))
      .orderBy("c.reported_at", "desc")
      .orderBy("c.id", "desc")
      .limit(limit)
      .execute();
    return (rows as SummaryRow[]).map(toSummary);
  }
}
