import type { Fen } from "../kernel/mod.ts";
import type { MarineBundle, Objection, Valuation } from "./domain/collateral.ts";
import type { CreditProduct } from "./domain/credit-product.ts";
import type { Factor } from "./domain/factor.ts";
import type { FactorEvent } from "./domain/factor-event.ts";
import type { Lien, Loan, MortgageApplication, PrincipalMovement } from "./domain/lending.ts";
import type { Disposal, LossAllocation, TransferListing } from "./domain/market.ts";

/**
 * Repositories of the factors module, all scoped by region (the prefecture code). `update` writes
 * only when the stored version is `row.version - 1` and returns false otherwise (someone else
 * changed it first); `get(..., { forUpdate: true })` locks the row until the transaction ends.
 */
export interface Lock {
  readonly forUpdate?: boolean;
}

export interface FactorRepository {
  get(regionCode: string, id: string, lock?: Lock): Promise<Factor | null>;
  /** With `forUpdate`, locks the rows in id order (callers pass ids sorted; the adapter orders by id). */
  getMany(regionCode: string, ids: readonly string[], lock?: Lock): Promise<Factor[]>;
  insert(factor: Factor): Promise<void>;
  update(factor: Factor): Promise<boolean>;
  appendEvent(event: FactorEvent): Promise<void>;
  /** A factor's events in order (seq ascending). */
  history(regionCode: string, factorId: string): Promise<FactorEvent[]>;
}

export interface BundleRepository {
  get(regionCode: string, id: string): Promise<MarineBundle | null>;
  insert(bundle: MarineBundle): Promise<void>;
}

export interface ObjectionRepository {
  insert(objection: Objection): Promise<void>;
  update(objection: Objection): Promise<void>;
  listByFactor(regionCode: string, factorId: string): Promise<Objection[]>;
}

export interface ValuationRepository {
  insert(valuation: Valuation): Promise<void>;
  /** The latest valuation of a unit (factor or bundle id), by valuedOn then creation. */
  latestForUnit(regionCode: string, unitId: string): Promise<Valuation | null>;
}

export interface CreditProductRepository {
  get(regionCode: string, id: string): Promise<CreditProduct | null>;
  insert(product: CreditProduct): Promise<void>;
  update(product: CreditProduct): Promise<boolean>;
}

export interface MortgageApplicationRepository {
  get(regionCode: string, id: string): Promise<MortgageApplication | null>;
  insert(application: MortgageApplication): Promise<void>;
  update(application: MortgageApplication): Promise<boolean>;
}

export interface LienRepository {
  /** Every lien ever registered on a unit (active, released, discharged). */
  listByUnit(regionCode: string, unitId: string): Promise<Lien[]>;
  insert(lien: Lien): Promise<void>;
  update(lien: Lien): Promise<void>;
}

export interface LoanRepository {
  get(regionCode: string, id: string, lock?: Lock): Promise<Loan | null>;
  getMany(regionCode: string, ids: readonly string[]): Promise<Loan[]>;
  insert(loan: Loan): Promise<void>;
  update(loan: Loan): Promise<boolean>;
  /** Appends a dated principal movement (append-only; one per loan version). */
  appendMovement(movement: PrincipalMovement): Promise<void>;
}

export interface TransferListingRepository {
  get(regionCode: string, id: string, lock?: Lock): Promise<TransferListing | null>;
  openForUnit(regionCode: string, unitId: string): Promise<TransferListing | null>;
  insert(listing: TransferListing): Promise<void>;
  update(listing: TransferListing): Promise<boolean>;
}

export interface DisposalRepository {
  get(regionCode: string, id: string, lock?: Lock): Promise<Disposal | null>;
  openForUnit(regionCode: string, unitId: string): Promise<Disposal | null>;
  insert(disposal: Disposal): Promise<void>;
  update(disposal: Disposal): Promise<boolean>;
}

export interface LossAllocationRepository {
  forLoan(regionCode: string, loanId: string): Promise<LossAllocation | null>;
  /**
   * What the county's government risk-compensation fund has taken in `year` (for its annual cap,
   * FAC-R09: each county's finance bureau runs its own fund, so the cap counts per county).
   */
  fundTotalForYear(regionCode: string, countyCode: string, year: number): Promise<Fen>;
  insert(allocation: LossAllocation): Promise<void>;
}

export interface FactorsRepositories {
  readonly factors: FactorRepository;
  readonly bundles: BundleRepository;
  readonly objections: ObjectionRepository;
  readonly valuations: ValuationRepository;
  readonly products: CreditProductRepository;
  readonly applications: MortgageApplicationRepository;
  readonly liens: LienRepository;
  readonly loans: LoanRepository;
  readonly listings: TransferListingRepository;
  readonly disposals: DisposalRepository;
  readonly losses: LossAllocationRepository;
}
