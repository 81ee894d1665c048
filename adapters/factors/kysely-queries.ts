import { type SelectQueryBuilder, sql } from "kysely";
import type {
  ApplicationFilter,
  CreditProduct,
  Disposal,
  DisposalFilter,
  Factor,
  FactorFilter,
  FactorsQueries,
  ListingFilter,
  Loan,
  LoanFilter,
  LossAllocation,
  LossFilter,
  MortgageApplication,
  TransferListing,
} from "../../core/factors/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { type FactorRow, fromFactorRow, selectFactors } from "./factor-row.ts";
import { applicationFromRow, productFromRow } from "./lending-repositories.ts";
import { loanFromRow, selectLoans } from "./loan-repository.ts";
import { lossFromRow } from "./loss-repository.ts";
import { disposalFromRow, listingFromRow, selectDisposals, selectListings } from "./market-repositories.ts";
import { dateText } from "./sql-values.ts";

type Q = SelectQueryBuilder<any, any, any>;

const limitOf = (n: number) => Math.min(Math.max(Math.trunc(n), 1), 200);

/** Region, counties (null/absent = all; [] = none) and statuses ([] = none), as the port says. */
function scoped(q: Q, alias: string, f: { regionCode: string; countyCodes?: readonly string[] | null }): Q {
  let out = q.where(`${alias}.region_code`, "=", f.regionCode);
  if (f.countyCodes != null) {
    out =
      f.countyCodes.length === 0
        ? out.where(sql<boolean>`false`)
        : out.where(`${alias}.county_code`, "in", [...f.countyCodes]);
  }
  return out;
}

function inList(q: Q, column: string, values: readonly string[] | undefined): Q {
  if (values === undefined) return q;
  return values.length === 0 ? q.where(sql<boolean>`false`) : q.where(column, "in", [...values]);
}

/**
 * FactorsQueries on kysely: the work-list reads of the core (my factors, an institution's queue,
 * the county desk, the market), plain filtered selects that agree with the in-memory reference
 * (core/factors/testing/in-memory-queries.ts). Newest first by the port's key, then id; each
 * filter is served by an index (region/county/status, bank/status, registrant, open listings).
 */
export class KyselyFactorsQueries implements FactorsQueries {
  readonly #db: AnyDb;

  constructor(db: AnyDb) {
    this.#db = db;
  }

  async factors(f: FactorFilter): Promise<Factor[]> {
    let q: Q = scoped(selectFactors(this.#db), "f", f);
    q = inList(q, "f.status", f.statuses);
    if (f.registrantRef !== undefined) q = q.where("f.registrant_ref", "=", f.registrantRef);
    if (f.registrantInstitutionId !== undefined) {
      q = q.where("f.registrant_institution_id", "=", f.registrantInstitutionId);
    }
    const rows = await q.orderBy("f.updated_at", "desc").orderBy("f.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map((r) => fromFactorRow(r as FactorRow));
  }

  async activeProducts(regionCode: string): Promise<CreditProduct[]> {
    const rows = await this.#db
      .selectFrom("factors.products")
      .selectAll()
      .where("region_code", "=", regionCode)
      .where("status", "=", "active")
      .execute();
    return rows
      .map(productFromRow)
      .sort((a, b) => (a.name.zh === b.name.zh ? a.id.localeCompare(b.id) : a.name.zh.localeCompare(b.name.zh)));
  }

  async applications(f: ApplicationFilter): Promise<MortgageApplication[]> {
    let q: Q = scoped(this.#db.selectFrom("factors.applications as a").selectAll("a"), "a", f);
    q = inList(q, "a.status", f.statuses);
    if (f.bankId !== undefined) q = q.where("a.bank_id", "=", f.bankId);
    if (f.applicantRef !== undefined) q = q.where("a.applicant_ref", "=", f.applicantRef);
    const rows = await q.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map(applicationFromRow);
  }

  async loans(f: LoanFilter): Promise<Loan[]> {
    let q: Q = scoped(selectLoans(this.#db), "l", f);
    q = inList(q, "l.status", f.statuses);
    if (f.bankId !== undefined) q = q.where("l.bank_id", "=", f.bankId);
    if (f.applicationId !== undefined) q = q.where("l.application_id", "=", f.applicationId);
    const rows = await q.orderBy("l.created_at", "desc").orderBy("l.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map(loanFromRow);
  }

  async listings(f: ListingFilter): Promise<TransferListing[]> {
    let q: Q = scoped(selectListings(this.#db), "t", f);
    q = inList(q, "t.status", f.statuses);
    q = inList(q, "t.unit_id", f.unitIds);
    if (f.kind !== undefined) q = q.where("t.kind", "=", f.kind);
    const rows = await q.orderBy("t.created_at", "desc").orderBy("t.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map(listingFromRow);
  }

  async disposals(f: DisposalFilter): Promise<Disposal[]> {
    let q: Q = scoped(selectDisposals(this.#db), "d", f);
    q = inList(q, "d.status", f.statuses);
    if (f.bankId !== undefined) q = q.where("d.bank_id", "=", f.bankId);
    if (f.loanId !== undefined) q = q.where("d.loan_id", "=", f.loanId);
    if (f.channel !== undefined) q = q.where("d.channel", "=", f.channel);
    const rows = await q.orderBy("d.created_at", "desc").orderBy("d.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map(disposalFromRow);
  }

  async losses(f: LossFilter): Promise<LossAllocation[]> {
    let q: Q = scoped(
      this.#db
        .selectFrom("factors.loss_allocations as a")
        .selectAll("a")
        .select(dateText("a.allocated_on", "allocated_on_text")),
      "a",
      f,
    );
    if (f.bankId !== undefined) q = q.where("a.bank_id", "=", f.bankId);
    const rows = await q.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(limitOf(f.limit)).execute();
    return rows.map((r) => lossFromRow({ ...r, allocated_on: r.allocated_on_text }));
  }
}
