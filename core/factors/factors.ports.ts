import type { AuditWriter, Fen, OutboxWriter } from "../kernel/mod.ts";
import { portToken } from "../kernel/mod.ts";
import type { DashboardFigures, DashboardQuery } from "./domain/dashboard.ts";
import type { Factor } from "./domain/factor.ts";
import type { FundClaim, FundClaimsQuery } from "./domain/fund-ledger.ts";
import type { FactorsRepositories } from "./factors.repositories.ts";

export type { FactorsRepositories } from "./factors.repositories.ts";

// ------------------------------------------------------------------ persistence (platform-provided)

/** Everything a use case may touch in one transaction: all writes, audit and outbox commit together. */
export interface FactorsTx extends FactorsRepositories {
  readonly audit: AuditWriter;
  readonly outbox: OutboxWriter;
}

export interface FactorsUnitOfWork {
  run<T>(work: (tx: FactorsTx) => Promise<T>): Promise<T>;
}
export const FactorsUnitOfWorkPort = portToken("factors.UnitOfWork");

/** Read side for dashboards (aggregates over the module's tables). */
export interface FactorsStatistics {
  figures(query: DashboardQuery): Promise<DashboardFigures>;
  /** FAC-R09 claims on the county funds (allocations with a fund part) of one year, oldest first. */
  fundClaims(query: FundClaimsQuery): Promise<readonly FundClaim[]>;
}
export const FactorsStatisticsPort = portToken("factors.Statistics");

// ------------------------------------------------------------------ outside systems (plugins)

/** FAC-R01 the query a confirming registry (or a county department for 无证 types) answers. */
export interface RegistryQuery {
  readonly regionCode: string;
  readonly countyCode: string;
  readonly typeCode: string;
  /** real_estate, forest, sea_area, … or "department". */
  readonly registryKind: string;
  readonly departmentId: string | null;
  readonly certificateNo: string | null;
  readonly siteRef: string | null;
  readonly location: string;
  readonly holderName: string;
  /** The platform's factor id, for the registry's own log. */
  readonly factorId: string;
}

export type RegistryRecord =
  | {
      readonly status: "found";
      /** The holder's resident ID or USCC as the registry records it (compared by blind index). */
      readonly holderId: string;
      readonly holderKind: "person" | "organisation";
      readonly typeCode: string;
      /** Recorded quantity in thousandths of the type's unit. */
      readonly quantityMilli: number;
      readonly recordNo: string;
      readonly termEndsOn: string | null;
      /** Encumbrances recorded outside the platform (rank after platform liens, FAC-R07). */
      readonly encumbrances: readonly {
        readonly creditor: string;
        readonly amount: Fen;
        readonly recordedOn: string;
      }[];
    }
  | { readonly status: "pending" }
  | { readonly status: "not_found" };

/** Registries per type and county: 不动产登记, 林权, 海域, 渔业, or the department a county names. */
export interface RightsRegistry {
  /** Rejects (throws) when the registry cannot be reached; the case then waits, visibly (KRN-R10). */
  lookup(query: RegistryQuery): Promise<RegistryRecord>;
}
export const RightsRegistryPort = portToken("factors.RightsRegistry");

export interface AppraisalRequest {
  readonly regionCode: string;
  readonly countyCode: string;
  readonly unitId: string;
  readonly factors: readonly Pick<Factor, "id" | "typeCode" | "quantity" | "location" | "title">[];
  readonly requestedBy: string;
}

export interface AppraisalReport {
  readonly appraiserId: string;
  readonly value: Fen;
  readonly reportRef: string;
  readonly valuedOn: string;
}

/** FAC-R04 a licensed appraiser. */
export interface Appraiser {
  appraise(request: AppraisalRequest): Promise<AppraisalReport>;
}
export const AppraiserPort = portToken("factors.Appraiser");

export interface BuyOutRequest {
  readonly companyId: string;
  readonly regionCode: string;
  readonly countyCode: string;
  readonly disposalId: string;
  readonly unitId: string;
  readonly valuationValue: Fen;
}

export interface BuyOutOffer {
  readonly offer: Fen;
  readonly offerRef: string;
}

/** FAC-R08 a county's asset collection-storage company (资产收储公司). */
export interface CollectionCompany {
  requestBuyOut(request: BuyOutRequest): Promise<BuyOutOffer>;
}
export const CollectionCompanyPort = portToken("factors.CollectionCompany");

/** An event delivered to an institution's system (from the outbox, at least once; dedupe by id). */
export interface InstitutionNotice {
  readonly eventId: string;
  readonly type: string;
  readonly institutionId: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Banks: loan booked, lien registered, disposal and distribution notices. Repayments come back through the API. */
export interface LenderGateway {
  deliver(notice: InstitutionNotice): Promise<void>;
}
export const LenderGatewayPort = portToken("factors.LenderGateway");

/** Government guarantors: guarantee requests and loss-share claims (FAC-R09). */
export interface Guarantor {
  deliver(notice: InstitutionNotice): Promise<void>;
}
export const GuarantorPort = portToken("factors.Guarantor");

/** Insurers: cover requests and loss-share claims (FAC-R09). */
export interface Insurer {
  deliver(notice: InstitutionNotice): Promise<void>;
}
export const InsurerPort = portToken("factors.Insurer");
