import type { CreditProduct } from "./domain/credit-product.ts";
import type { Factor, FactorStatus } from "./domain/factor.ts";
import type { Loan, LoanStatus, MortgageApplication } from "./domain/lending.ts";
import type { Disposal, DisposalChannel, LossAllocation, TransferListing } from "./domain/market.ts";

/**
 * Read side of the factors module for work lists (my factors, a bank's queue, a county's
 * decisions, the public market): plain filtered reads over the module's tables, provided by the
 * platform like the repositories. Every filter names the region (prefecture); the optional
 * fields narrow it further and combine with AND; an empty `statuses` list matches nothing.
 * Rows come back whole (as the repositories return them), newest first, at most `limit`.
 * The use cases (list-*.ts) decide who may see what; these queries do no access checks.
 */
export interface ListLimit {
  /** 1–200. */
  readonly limit: number;
}

export interface FactorFilter extends ListLimit {
  readonly regionCode: string;
  /** Only factors lying in these counties (null or absent = the whole region). */
  readonly countyCodes?: readonly string[] | null;
  readonly statuses?: readonly FactorStatus[];
  /** The citizen who registered it (Factor.registrantRef). */
  readonly registrantRef?: string;
  /** The institution that registered it for the holder (Factor.registrantInstitutionId). */
  readonly registrantInstitutionId?: string;
}

export interface ApplicationFilter extends ListLimit {
  readonly regionCode: string;
  readonly bankId?: string;
  /** MortgageApplication.applicantRef: the citizen's subjectRef, else the principal id. */
  readonly applicantRef?: string;
  readonly statuses?: readonly MortgageApplication["status"][];
  readonly countyCodes?: readonly string[] | null;
}

export interface LoanFilter extends ListLimit {
  readonly regionCode: string;
  readonly bankId?: string;
  /** The loan booked from this mortgage application (at most one). */
  readonly applicationId?: string;
  readonly statuses?: readonly LoanStatus[];
  readonly countyCodes?: readonly string[] | null;
}

export interface ListingFilter extends ListLimit {
  readonly regionCode: string;
  readonly statuses?: readonly TransferListing["status"][];
  readonly kind?: TransferListing["kind"];
  /** Listings of these collateral units (factor or bundle ids). */
  readonly unitIds?: readonly string[];
  readonly countyCodes?: readonly string[] | null;
}

export interface DisposalFilter extends ListLimit {
  readonly regionCode: string;
  readonly bankId?: string;
  readonly loanId?: string;
  readonly statuses?: readonly Disposal["status"][];
  readonly channel?: DisposalChannel;
  readonly countyCodes?: readonly string[] | null;
}

export interface LossFilter extends ListLimit {
  readonly regionCode: string;
  readonly bankId?: string;
  readonly countyCodes?: readonly string[] | null;
}

export interface FactorsQueries {
  /** Factors, most recently changed first (updatedAt desc, id desc). */
  factors(filter: FactorFilter): Promise<Factor[]>;
  /** The region's credit products with status "active", by name (zh). */
  activeProducts(regionCode: string): Promise<CreditProduct[]>;
  /** Mortgage applications, newest first (createdAt desc, id desc). */
  applications(filter: ApplicationFilter): Promise<MortgageApplication[]>;
  /** Loans, newest first (createdAt desc, id desc). */
  loans(filter: LoanFilter): Promise<Loan[]>;
  /** Transfer listings, newest first (createdAt desc, id desc). */
  listings(filter: ListingFilter): Promise<TransferListing[]>;
  /** Disposals, newest first (createdAt desc, id desc). */
  disposals(filter: DisposalFilter): Promise<Disposal[]>;
  /** Loss allocations, newest first (createdAt desc, id desc). */
  losses(filter: LossFilter): Promise<LossAllocation[]>;
}
