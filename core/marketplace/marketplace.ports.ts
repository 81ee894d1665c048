import type { AuditWriter, Fen, OutboxWriter } from "../kernel/mod.ts";
import { portToken } from "../kernel/mod.ts";
import type { Application } from "./domain/application.ts";
import type { ApplyCode } from "./domain/apply-code.ts";
import type { Consent } from "./domain/consent.ts";
import type { CategoryCode, CreditDataRecord, DataPeriod } from "./domain/credit-data.ts";
import type { DataSubject } from "./domain/data-subject.ts";
import type { Institution } from "./domain/institution.ts";
import type { MortgageRegistration } from "./domain/mortgage-registration.ts";
import type { Product } from "./domain/product.ts";
import type { PushRecord } from "./domain/push-record.ts";
import type { FiguresQuery, FiguresResult } from "./rules/figures.ts";
import type { InstitutionReport, ReportColumn, ReportSnapshot } from "./rules/institution-report.ts";
import type { ProductQuery } from "./rules/product-filter.ts";

// ─── Persistence: one unit of work per use case (KRN-R09) ──────────────────────────────────

export interface InstitutionRepository {
  get(id: string): Promise<Institution | undefined>;
  insert(institution: Institution): Promise<void>;
  update(institution: Institution): Promise<void>;
  listByRegion(regionCode: string): Promise<Institution[]>;
}

export interface ProductRepository {
  get(id: string): Promise<Product | undefined>;
  /** The product and its institution's status (undefined: no such institution), in one read. */
  getWithInstitutionStatus(
    id: string,
  ): Promise<{ product: Product; institutionStatus: Institution["status"] | undefined } | undefined>;
  insert(product: Product): Promise<void>;
  update(product: Product): Promise<void>;
  /** Catalogue search; see rules/product-filter.ts for the meaning of each filter. */
  search(query: ProductQuery): Promise<{ items: Product[]; total: number }>;
}

export interface ConsentRepository {
  get(id: string): Promise<Consent | undefined>;
  /** Reads and locks the row until the transaction ends, so a revocation and a push serialise. */
  getForUpdate(id: string): Promise<Consent | undefined>;
  insert(consent: Consent): Promise<void>;
  update(consent: Consent): Promise<void>;
  /** Consents given by one account in a region, newest first. */
  listBySubject(subjectRef: string, regionCode: string): Promise<Consent[]>;
  /** ACTIVE consents whose expiry has passed at `now` (for the expiry sweep). */
  listExpired(regionCode: string, now: Date, limit: number): Promise<Consent[]>;
}

export interface PushLogRepository {
  insert(push: PushRecord): Promise<void>;
  get(id: string): Promise<PushRecord | undefined>;
  update(push: PushRecord): Promise<void>;
  /** What one account's consents released, newest first (MKT-R03). */
  listBySubject(subjectRef: string, regionCode: string): Promise<PushRecord[]>;
  /** What one institution received (MKT-R09), newest first; optionally for one application. */
  listByRecipient(institutionId: string, regionCode: string, applicationId?: string): Promise<PushRecord[]>;
  /** Pushes whose data life has ended at `now` and whose payload is still held. */
  listPastDataLife(regionCode: string, now: Date, limit: number): Promise<PushRecord[]>;
}

export interface ApplicationRepository {
  get(id: string): Promise<Application | undefined>;
  getForUpdate(id: string): Promise<Application | undefined>;
  insert(application: Application): Promise<void>;
  update(application: Application): Promise<void>;
}

export interface ApplyCodeRepository {
  get(id: string): Promise<ApplyCode | undefined>;
  insert(code: ApplyCode): Promise<void>;
  /** Changes only the status (counters move only through countScan / countApplication). */
  setStatus(id: string, status: ApplyCode["status"]): Promise<void>;
  /** Atomically adds one scan. */
  countScan(id: string): Promise<void>;
  /** Atomically adds one application. */
  countApplication(id: string): Promise<void>;
}

export interface MortgageRegistrationRepository {
  get(id: string): Promise<MortgageRegistration | undefined>;
  getForUpdate(id: string): Promise<MortgageRegistration | undefined>;
  findByApplication(applicationId: string): Promise<MortgageRegistration | undefined>;
  insert(registration: MortgageRegistration): Promise<void>;
  update(registration: MortgageRegistration): Promise<void>;
}

export interface ReportSnapshotRepository {
  insert(snapshot: ReportSnapshot): Promise<void>;
  get(id: string): Promise<ReportSnapshot | undefined>;
  list(regionCode: string, limit: number): Promise<ReportSnapshot[]>;
}

export interface MarketplaceTx {
  readonly institutions: InstitutionRepository;
  readonly products: ProductRepository;
  readonly consents: ConsentRepository;
  readonly pushes: PushLogRepository;
  readonly applications: ApplicationRepository;
  readonly applyCodes: ApplyCodeRepository;
  readonly mortgageRegistrations: MortgageRegistrationRepository;
  readonly reportSnapshots: ReportSnapshotRepository;
  readonly audit: AuditWriter;
  readonly outbox: OutboxWriter;
}

/** All writes, audit entries and outbox events of `work` commit together or not at all. */
export interface MarketplaceUnitOfWork {
  run<T>(work: (tx: MarketplaceTx) => Promise<T>): Promise<T>;
}
export const MarketplaceUnitOfWorkPort = portToken("marketplace.UnitOfWork");

/** Read-side queries over many applications (the adapter answers them in SQL). */
export interface MarketplaceQueries {
  /** MKT-R04/R05 counts per institution at `now`; only `institutionId` when given (MKT-R09). */
  institutionReport(q: { regionCode: string; now: Date; institutionId?: string }): Promise<InstitutionReport>;
  /** The applications in one report column (or the whole open queue), oldest first. */
  reportList(q: {
    regionCode: string;
    now: Date;
    column: ReportColumn;
    institutionId?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: Application[]; total: number }>;
  figures(q: FiguresQuery): Promise<FiguresResult>;
}
export const MarketplaceQueriesPort = portToken("marketplace.Queries");

// ─── Outside systems (each region's plugins provide them) ──────────────────────────────────

/** A request for public-credit data, made only after MKT-R01/R02 have passed. */
export interface CreditDataRequest {
  readonly regionCode: string;
  readonly subject: DataSubject;
  readonly categories: readonly CategoryCode[];
  readonly period: DataPeriod;
  /** Why the data is fetched, e.g. "push:<consentId>" or "first-loan-check". */
  readonly purpose: string;
}

/**
 * The region's data-aggregation platform (龙岩市政务数据汇聚平台): live public-credit data, one
 * record per observation. Data is fetched at push time and never cached beyond its data life.
 * For loan categories (MKT-R07) a source returns one record per loan held or repaid.
 */
export interface CreditDataSource {
  fetch(request: CreditDataRequest): Promise<readonly CreditDataRecord[]>;
}
export const CreditDataSourcePort = portToken("marketplace.CreditDataSource");

export interface LenderDecisionRequest {
  /** The application id: the institution treats retries with the same id as one request. */
  readonly applicationId: string;
  readonly regionCode: string;
  readonly institutionId: string;
  readonly productId: string;
  readonly applicant: DataSubject & { readonly name: string };
  readonly amountRequested: Fen;
  readonly termMonths: number;
  readonly firstLoan: boolean;
  readonly push: {
    readonly pushId: string;
    readonly contentHash: string;
    readonly categories: readonly CategoryCode[];
    readonly dataPeriod: DataPeriod;
    readonly records: readonly CreditDataRecord[];
  };
}

export type LenderDecision =
  | {
      readonly decision: "approved";
      readonly amountGranted: Fen;
      readonly rateBp: number;
      readonly termMonths: number;
      readonly reference: string;
    }
  | { readonly decision: "rejected"; readonly reason: string; readonly reference: string }
  /** The institution wants to work the application by hand (not a failure). */
  | { readonly decision: "referred"; readonly reason: string; readonly reference: string };

/**
 * MKT-R06 time budgets without a timer in the core: the adapter arms one (Node's timers in
 * production, a fake moved by hand in core tests). `deadline(ms)` starts it; when the time is
 * up its `signal` aborts (telling an outside system to stop) and `expired` resolves — unless
 * `cancel()` came first, which also releases the timer.
 */
export interface Timer {
  deadline(ms: number): Deadline;
}

export interface Deadline {
  readonly signal: AbortSignal;
  readonly expired: Promise<void>;
  cancel(): void;
}

/**
 * A direct-connect institution's decision service (秒批). Must give up when `signal` aborts; the
 * core also stops waiting after the budget (MKT-R06).
 */
export interface LenderGateway {
  requestDecision(
    request: LenderDecisionRequest,
    options: { readonly signal: AbortSignal; readonly budgetMs: number },
  ): Promise<LenderDecision>;
  /**
   * The institutions this connection decides for; "*" (or no method) for every direct-connect
   * institution. Lets a region combine connections (combineLenderGateways).
   */
  servedInstitutions?(): "*" | readonly string[];
}
export const LenderGatewayPort = portToken("marketplace.LenderGateway");

export interface RegistrySubmission {
  readonly registrationId: string;
  readonly regionCode: string;
  readonly institutionId: string;
  readonly branchId: string;
  readonly titleCertificateNo: string;
  readonly address: string;
  readonly securedAmount: Fen;
  readonly mortgagor: DataSubject;
}

export type RegistryStatus =
  | { readonly state: "pending" }
  | { readonly state: "registered"; readonly registrationCertificateNo: string; readonly registeredAt: Date }
  | { readonly state: "refused"; readonly reason: string };

/** The real-estate registry (不动产登记审批系统) for online mortgage registration. */
export interface RealEstateRegistry {
  /** Files the request; repeated calls with the same registrationId return the same reference. */
  submit(submission: RegistrySubmission): Promise<{ readonly registryRef: string }>;
  status(registryRef: string): Promise<RegistryStatus>;
}
export const RealEstateRegistryPort = portToken("marketplace.RealEstateRegistry");

/**
 * Signs and verifies 码上贷 QR tokens (MKT-R08). The adapter holds the key (HMAC-SHA256 in the
 * platform adapter); signatures use only the characters A–Z a–z 0–9 _ - (a key id may be part
 * of the signature).
 */
export interface ApplyCodeSigner {
  sign(message: string): Promise<string>;
  verify(message: string, signature: string): Promise<boolean>;
}
export const ApplyCodeSignerPort = portToken("marketplace.ApplyCodeSigner");
