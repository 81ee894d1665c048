import { type AuditWriter, type Fen, type Notifier, type OutboxWriter, portToken } from "../kernel/mod.ts";
import type { CaseStatus } from "./domain/case-status.ts";
import type { Claim } from "./domain/claim.ts";
import type { ClaimStatus } from "./domain/claim-status.ts";
import type { Officer } from "./domain/determination-letter.ts";
import type { GeoPoint } from "./domain/geo.ts";
import type { PaymentAttempt, PaymentOutcome } from "./domain/payment-attempt.ts";
import type { PayoutLine } from "./domain/payout-plan.ts";
import type { QuickClaimCase } from "./domain/quick-claim-case.ts";
import type { Survey } from "./domain/survey.ts";
import type { FigureInputs } from "./rules/figures.ts";

// ───────────── persistence (provided by the platform, one kysely transaction per `run`) ─────────────

/** Cases. C2 fields (mobiles, licence numbers) are stored encrypted by the adapter. */
export interface CaseRepository {
  get(id: string): Promise<QuickClaimCase | undefined>;
  /** Reads and locks the case until the transaction ends (SELECT … FOR UPDATE). */
  getForUpdate(id: string): Promise<QuickClaimCase | undefined>;
  insert(c: QuickClaimCase): Promise<void>;
  /**
   * Saves `next` when the stored version is `next.version - 1`, else a DomainError "conflict" —
   * thrown here, or (an adapter that pipelines the save) by the unit of work's `run`, which then
   * commits nothing of the unit.
   */
  update(next: QuickClaimCase): Promise<void>;
  /** Next determination-letter serial of a prefecture in a year (1, 2, 3 …), gap-free per transaction. */
  nextLetterSerial(prefectureCode: string, year: number): Promise<number>;
}

/** Claims: unique on (caseId, partyId). */
export interface ClaimRepository {
  get(id: string): Promise<Claim | undefined>;
  /** Reads and locks the claim: concurrent payment requests for one claim queue here. */
  getForUpdate(id: string): Promise<Claim | undefined>;
  findByParty(caseId: string, partyId: string): Promise<Claim | undefined>;
  listByCase(caseId: string): Promise<Claim[]>;
  /** A second claim for the same case and party throws DomainError "conflict" (QC-R07). */
  insert(c: Claim): Promise<void>;
  update(next: Claim): Promise<void>;
}

/**
 * QC-R07 payment records: primary key `claimId` — one record per claim, ever. A second insert for
 * the same claim throws DomainError "conflict"; `update` checks `version` like the others.
 */
export interface PaymentAttemptRepository {
  getForClaim(claimId: string): Promise<PaymentAttempt | undefined>;
  insert(a: PaymentAttempt): Promise<void>;
  update(next: PaymentAttempt): Promise<void>;
}

/** Follow-up answers: unique on (caseId, partyId). */
export interface SurveyRepository {
  findByParty(caseId: string, partyId: string): Promise<Survey | undefined>;
  insert(s: Survey): Promise<void>;
}

/** Everything one use case writes, committed together with its audit entries and events (KRN-R09). */
export interface QuickClaimTx {
  readonly cases: CaseRepository;
  readonly claims: ClaimRepository;
  readonly payments: PaymentAttemptRepository;
  readonly surveys: SurveyRepository;
  readonly audit: AuditWriter;
  readonly outbox: OutboxWriter;
}

export interface QuickClaimUnitOfWork {
  /** Runs `work` in one transaction: all of it commits, or none of it (a throw rolls back). */
  run<T>(work: (tx: QuickClaimTx) => Promise<T>): Promise<T>;
}
export const QuickClaimUnitOfWorkPort = portToken("quickclaim.UnitOfWork");

// ───────────── read side (provided by the platform) ─────────────

export interface CaseSummary {
  readonly caseId: string;
  readonly regionCode: string;
  readonly centreId: string;
  readonly status: CaseStatus;
  readonly reportedAt: string;
  readonly plates: readonly string[];
  readonly flaggedPhotos: number;
}

export interface ClaimSummary {
  readonly claimId: string;
  readonly caseId: string;
  readonly regionCode: string;
  readonly partyId: string;
  readonly status: ClaimStatus;
  readonly openedAt: string;
  readonly payoutFen: Fen | null;
}

/** QC-R08: figures of a region (prefecture or county) for accidents reported from–to (business dates). */
export interface FigureQuery {
  readonly regionCode: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy: "region" | "centre" | "county";
}

export interface FigureGroup {
  /** The region code, centre id or county code of the group. */
  readonly key: string;
  readonly inputs: FigureInputs;
  /** The latest suggestions (text only, newest first, at most 20). */
  readonly recentSuggestions: readonly string[];
}

export interface QuickClaimQueries {
  /** 交警在线认定 queue: EVIDENCE_SUBMITTED cases (and DETERMINED ones awaiting signatures), oldest first. */
  policeQueue(q: { readonly regionCodes: readonly string[]; readonly limit: number }): Promise<CaseSummary[]>;
  /** 查勘员 queue: OPEN/ASSESSED/ACCEPTED/PAYING claims of cases involving the insurer. */
  adjusterQueue(q: {
    readonly insurerId: string;
    readonly regionCodes: readonly string[];
    readonly limit: number;
  }): Promise<ClaimSummary[]>;
  /** Claims whose payment record is PENDING/UNKNOWN with a lease that ran out before `before`. */
  stalePayments(q: { readonly before: string; readonly limit: number }): Promise<string[]>;
  figureInputs(q: FigureQuery): Promise<FigureGroup[]>;
}
export const QuickClaimQueriesPort = portToken("quickclaim.Queries");

// ───────────── outside systems (a region gets them from plugins) ─────────────

/** 交警 police desk: officer identity and the online determination queue. */
export interface PoliceDesk {
  /** The officer behind a signed-in police principal, or undefined if not an officer on duty. */
  officer(principalId: string): Promise<Officer | undefined>;
  /** Puts a case on the desk's queue (called from the outbox on evidence submission). */
  enqueue(item: {
    readonly caseId: string;
    readonly regionCode: string;
    readonly centreId: string;
    readonly reportedAt: string;
  }): Promise<void>;
}
export const PoliceDeskPort = portToken("quickclaim.PoliceDesk");

export interface VideoClip {
  readonly clipId: string;
  readonly cameraId: string;
  readonly from: string;
  readonly to: string;
}

/** 公安视频监控: surveillance clips near a time and place. */
export interface TrafficVideo {
  findClips(q: {
    readonly point: GeoPoint;
    readonly from: string;
    readonly to: string;
    readonly radiusMetres: number;
  }): Promise<VideoClip[]>;
}
export const TrafficVideoPort = portToken("quickclaim.TrafficVideo");

/** What an insurer says a vehicle is covered by on the accident date. */
export interface CoverLookup {
  readonly compulsory: { readonly insurerId: string; readonly policyNo: string } | null;
  readonly commercialThirdParty: {
    readonly insurerId: string;
    readonly policyNo: string;
    readonly limitFen: Fen;
  } | null;
}

export type InsurerAcceptanceAnswer =
  | { readonly accepted: true; readonly reference: string }
  | { readonly accepted: false; readonly reason: string };

/** 保险公司: every call names the insurer; a composite adapter routes to the right company. */
export interface Insurer {
  lookupCover(q: {
    readonly insurerId: string;
    readonly plate: string;
    readonly compulsoryPolicyNo: string;
    readonly commercialPolicyNo: string | null;
    readonly date: string;
  }): Promise<CoverLookup>;
  /** The insurer accepts (or declines) its lines of a claim; repeating a call is safe (by claimId). */
  acceptClaim(req: {
    readonly insurerId: string;
    readonly claimId: string;
    readonly caseId: string;
    readonly lines: readonly PayoutLine[];
    readonly amountFen: Fen;
  }): Promise<InsurerAcceptanceAnswer>;
  /** Tells the insurer its claim was paid (from the outbox, after payment). */
  confirmPayout(req: {
    readonly insurerId: string;
    readonly claimId: string;
    readonly requestId: string;
    readonly amountFen: Fen;
    readonly paidAt: string;
  }): Promise<void>;
}
export const InsurerPort = portToken("quickclaim.Insurer");

/** One payment order; `requestId` is the idempotency key (merchant order number). */
export interface PaymentOrder {
  readonly requestId: string;
  readonly amountFen: Fen;
  readonly payee: { readonly cardNumber: string; readonly holderName: string };
  readonly memo: string;
}

/**
 * The payment gateway. Contract (QC-R07): `pay` executes at most once per `requestId` — a repeat
 * returns the first order's outcome and never pays again — and a "failed" answer is final.
 */
export interface PaymentGateway {
  pay(order: PaymentOrder): Promise<PaymentOutcome>;
  /** What became of an order; "not_found" when the gateway never received it. */
  status(requestId: string): Promise<PaymentOutcome | { readonly status: "not_found" }>;
}
export const PaymentGatewayPort = portToken("quickclaim.PaymentGateway");

/** Photo and document storage (local disk by default, S3-compatible in production). */
export interface PhotoStore {
  put(obj: { readonly key: string; readonly contentType: string; readonly bytes: Uint8Array }): Promise<{
    readonly key: string;
    readonly sha256: string;
    readonly sizeBytes: number;
  }>;
  get(key: string): Promise<{ readonly contentType: string; readonly bytes: Uint8Array } | undefined>;
}
export const PhotoStorePort = portToken("quickclaim.PhotoStore");

/** SMS / WeChat messages: the kernel's Notifier, under the kernel token plugins fill. */
export type { Notifier };
export const NotifierPort = portToken("kernel.Notifier");
