import type { Loan, LoanRepository, Lock, PrincipalMovement } from "../../core/factors/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText, iso, isUniqueViolation } from "./sql-values.ts";
import { updateVersioned } from "./update-versioned.ts";

const COLUMNS = [
  "l.id",
  "l.region_code",
  "l.county_code",
  "l.application_id",
  "l.product_id",
  "l.bank_id",
  "l.borrower_ref",
  "l.unit_ids",
  "l.principal",
  "l.outstanding_principal",
  "l.interest_arrears",
  "l.rate_bp",
  "l.term_months",
  "l.status",
  "l.guarantor_id",
  "l.insurer_id",
  "l.sharing",
  "l.lien_ids",
  "l.proceeds_interest",
  "l.proceeds_principal",
  "l.created_at",
  "l.updated_at",
  "l.version",
] as const;

/** A select of whole loan rows (dates as text). */
export function selectLoans(db: AnyDb) {
  return db
    .selectFrom("factors.loans as l")
    .select(COLUMNS)
    .select([dateText("l.started_on", "started_on"), dateText("l.overdue_since", "overdue_since")]);
}

function loanRow(l: Loan) {
  return {
    id: l.id,
    region_code: l.regionCode,
    county_code: l.countyCode,
    application_id: l.applicationId,
    product_id: l.productId,
    bank_id: l.bankId,
    borrower_ref: l.borrowerRef,
    unit_ids: [...l.unitIds],
    principal: l.principal,
    outstanding_principal: l.outstandingPrincipal,
    interest_arrears: l.interestArrears,
    rate_bp: l.rateBp,
    term_months: l.termMonths,
    started_on: l.startedOn,
    overdue_since: l.overdueSince,
    status: l.status,
    guarantor_id: l.guarantorId,
    insurer_id: l.insurerId,
    sharing: l.sharing,
    lien_ids: [...l.lienIds],
    proceeds_interest: l.proceedsApplied?.interest ?? null,
    proceeds_principal: l.proceedsApplied?.principal ?? null,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
    version: l.version,
  };
}

export function loanFromRow(r: Record<string, any>): Loan {
  const applied =
    r.proceeds_interest === null || r.proceeds_principal === null
      ? null
      : { interest: Number(r.proceeds_interest), principal: Number(r.proceeds_principal) };
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    applicationId: r.application_id,
    productId: r.product_id,
    bankId: r.bank_id,
    borrowerRef: r.borrower_ref,
    unitIds: r.unit_ids,
    principal: Number(r.principal),
    outstandingPrincipal: Number(r.outstanding_principal),
    interestArrears: Number(r.interest_arrears),
    rateBp: r.rate_bp,
    termMonths: r.term_months,
    startedOn: r.started_on,
    overdueSince: r.overdue_since,
    status: r.status,
    guarantorId: r.guarantor_id,
    insurerId: r.insurer_id,
    sharing: r.sharing,
    lienIds: r.lien_ids,
    proceedsApplied: applied,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Loans booked against registered liens; optimistic updates, `forUpdate` row locks. */
export class KyselyLoanRepository implements LoanRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string, lock?: Lock): Promise<Loan | null> {
    let q = selectLoans(this.#tx).where("l.id", "=", id).where("l.region_code", "=", regionCode);
    if (lock?.forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? loanFromRow(r) : null;
  }

  async getMany(regionCode: string, ids: readonly string[]): Promise<Loan[]> {
    if (ids.length === 0) return [];
    const rows = await selectLoans(this.#tx)
      .where("l.id", "in", [...new Set(ids)])
      .where("l.region_code", "=", regionCode)
      .orderBy("l.id")
      .execute();
    return rows.map(loanFromRow);
  }

  async insert(loan: Loan): Promise<void> {
    try {
      await this.#tx.insertInto("factors.loans").values(loanRow(loan)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("a loan was already booked for this application", {
          ruleId: "KRN-R09",
          kind: "conflict",
          field: "applicationId",
        });
      }
      throw e;
    }
  }

  async update(loan: Loan): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.loans", loanRow(loan));
  }

  async appendMovement(m: PrincipalMovement): Promise<void> {
    await this.#tx
      .insertInto("factors.loan_movements")
      .values({
        region_code: m.regionCode,
        county_code: m.countyCode,
        loan_id: m.loanId,
        loan_version: m.loanVersion,
        kind: m.kind,
        principal_change: m.change,
        effective_on: m.on,
        at: m.at,
        actor: m.actor,
      })
      .execute();
  }
}
