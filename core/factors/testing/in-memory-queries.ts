import type { CreditProduct } from "../domain/credit-product.ts";
import type { Factor } from "../domain/factor.ts";
import type { Loan, MortgageApplication } from "../domain/lending.ts";
import type { Disposal, LossAllocation, TransferListing } from "../domain/market.ts";
import type {
  ApplicationFilter,
  DisposalFilter,
  FactorFilter,
  FactorsQueries,
  ListingFilter,
  LoanFilter,
  LossFilter,
} from "../factors.queries.ts";
import type { FactorsState } from "./in-memory-factors.ts";

type Scoped = { readonly regionCode: string; readonly countyCode: string };

function inScope(row: Scoped, f: { regionCode: string; countyCodes?: readonly string[] | null }): boolean {
  return row.regionCode === f.regionCode && (f.countyCodes == null || f.countyCodes.includes(row.countyCode));
}

function has<T>(list: readonly T[] | undefined, v: T): boolean {
  return list === undefined || list.includes(v);
}

/** Newest first: `key` descending, then id descending. */
function newest<T extends { id: string }>(rows: T[], key: (r: T) => string, limit: number): T[] {
  return rows
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? 1 : -1;
      return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
    })
    .slice(0, limit);
}

/** The work-list queries over the in-memory store: the reference the SQL adapter must agree with. */
export class InMemoryQueries implements FactorsQueries {
  readonly #state: () => FactorsState;
  constructor(state: () => FactorsState) {
    this.#state = state;
  }

  async factors(f: FactorFilter): Promise<Factor[]> {
    const rows = [...this.#state().factors.values()].filter(
      (x) =>
        inScope(x, f) &&
        has(f.statuses, x.status) &&
        (f.registrantRef === undefined || x.registrantRef === f.registrantRef) &&
        (f.registrantInstitutionId === undefined || x.registrantInstitutionId === f.registrantInstitutionId),
    );
    return newest(rows, (x) => x.updatedAt, f.limit);
  }

  async activeProducts(regionCode: string): Promise<CreditProduct[]> {
    return [...this.#state().products.values()]
      .filter((p) => p.regionCode === regionCode && p.status === "active")
      .sort((a, b) => (a.name.zh === b.name.zh ? a.id.localeCompare(b.id) : a.name.zh.localeCompare(b.name.zh)));
  }

  async applications(f: ApplicationFilter): Promise<MortgageApplication[]> {
    const rows = [...this.#state().applications.values()].filter(
      (x) =>
        inScope(x, f) &&
        has(f.statuses, x.status) &&
        (f.bankId === undefined || x.bankId === f.bankId) &&
        (f.applicantRef === undefined || x.applicantRef === f.applicantRef),
    );
    return newest(rows, (x) => x.createdAt, f.limit);
  }

  async loans(f: LoanFilter): Promise<Loan[]> {
    const rows = [...this.#state().loans.values()].filter(
      (x) =>
        inScope(x, f) &&
        has(f.statuses, x.status) &&
        (f.bankId === undefined || x.bankId === f.bankId) &&
        (f.applicationId === undefined || x.applicationId === f.applicationId),
    );
    return newest(rows, (x) => x.createdAt, f.limit);
  }

  async listings(f: ListingFilter): Promise<TransferListing[]> {
    const rows = [...this.#state().listings.values()].filter(
      (x) =>
        inScope(x, f) &&
        has(f.statuses, x.status) &&
        (f.kind === undefined || x.kind === f.kind) &&
        has(f.unitIds, x.unitId),
    );
    return newest(rows, (x) => x.createdAt, f.limit);
  }

  async disposals(f: DisposalFilter): Promise<Disposal[]> {
    const rows = [...this.#state().disposals.values()].filter(
      (x) =>
        inScope(x, f) &&
        has(f.statuses, x.status) &&
        (f.bankId === undefined || x.bankId === f.bankId) &&
        (f.loanId === undefined || x.loanId === f.loanId) &&
        (f.channel === undefined || x.channel === f.channel),
    );
    return newest(rows, (x) => x.createdAt, f.limit);
  }

  async losses(f: LossFilter): Promise<LossAllocation[]> {
    const rows = [...this.#state().losses.values()].filter(
      (x) => inScope(x, f) && (f.bankId === undefined || x.bankId === f.bankId),
    );
    return newest(rows, (x) => x.createdAt, f.limit);
  }
}
