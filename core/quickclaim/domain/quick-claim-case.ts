import type { Fen } from "../../kernel/mod.ts";
import type { AccidentForm } from "./accident-form.ts";
import type { CaseStatus } from "./case-status.ts";
import type { DeterminationLetter } from "./determination-letter.ts";
import type { GeoPoint } from "./geo.ts";
import type { PayoutPlan } from "./payout-plan.ts";

/**
 * 快处快赔 case (`QuickClaimCase`), the aggregate a report creates. Fields marked C2 hold class-C2
 * personal data (KRN-R04): the repository adapter stores them encrypted and never logs them.
 */
export interface QuickClaimCase {
  readonly id: string;
  /** County (GB/T 2260) of the accident place, e.g. 350981 福安. */
  readonly regionCode: string;
  /** Service centre that owns the case (nearest serving centre, QC-R08). */
  readonly centreId: string;
  readonly status: CaseStatus;
  /** Optimistic-concurrency version, +1 on every save. */
  readonly version: number;
  /** UTC instants, ISO 8601. */
  readonly reportedAt: string;
  readonly accidentAt: string;
  /** Asia/Shanghai business date of the accident: the as-of date for every policy value. */
  readonly accidentDate: string;
  readonly place: Place;
  readonly circumstances: Circumstances;
  /** Index of the party who reported. */
  readonly reporterPartyId: string;
  readonly parties: readonly Party[];
  readonly photos: readonly Photo[];
  readonly evidenceSubmittedAt: string | null;
  readonly videoLookups: readonly VideoLookup[];
  readonly determination: Determination | null;
  /** The letter in force; earlier versions stay in `letterHistory`. */
  readonly letter: DeterminationLetter | null;
  readonly letterHistory: readonly LetterVersionRecord[];
  /** Every signature ever given; those on an earlier letter version are `voided`. */
  readonly signatures: readonly Signature[];
  /** First time a letter was issued (report → determination is the handling time, QC-R08). */
  readonly determinedAt: string | null;
  readonly agreedAt: string | null;
  readonly disputedAt: string | null;
  readonly assessment: Assessment | null;
  readonly offline: OfflineRecord | null;
  readonly paidAt: string | null;
}

export interface Place {
  readonly address: string;
  readonly point: GeoPoint;
}

/** What the reporter (and later the officer) says about the accident (QC-R01 exclusions). */
export interface Circumstances {
  readonly anyoneInjured: boolean;
  readonly deathOrSeriousInjury: boolean;
  readonly vehiclesMovable: boolean;
  readonly suspectedDrinkDriving: boolean;
  readonly suspectedUnlicensedDriving: boolean;
  readonly suspectedHitAndRun: boolean;
}

export interface Party {
  /** "A", "B", "C"… in report order; A is usually the reporter. */
  readonly id: string;
  readonly plate: string;
  /** C2 mobile given at report; the party signs in by one-time code to this number. */
  readonly mobile: string;
  /** Blind index of the mobile: citizens signed in with it see and act for this party. */
  readonly subjectRef: string;
  readonly items: PartyItems | null;
}

/** QC-R02 五项信息: the five items each party gives. */
export interface PartyItems {
  readonly plate: string;
  readonly driverName: string;
  /** C2: driving licence number = resident ID number (GB 11643). */
  readonly driverLicenceNo: string;
  /** 行驶证 vehicle licence (file) number. */
  readonly vehicleLicenceNo: string;
  readonly insurerId: string;
  readonly compulsoryPolicyNo: string;
  readonly commercialPolicyNo: string | null;
  /** C2 */
  readonly mobile: string;
}

export type PhotoFlag =
  | { readonly code: "time"; readonly minutesFromReport: number }
  | { readonly code: "distance"; readonly metresFromPlace: number };

export interface Photo {
  readonly id: string;
  readonly slot: string;
  readonly uploadedBy: string;
  readonly partyId: string | null;
  readonly storageKey: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly capturedAt: string;
  readonly point: GeoPoint;
  readonly uploadedAt: string;
  /** QC-R02 flags for the officer (capture time or place far from the report). */
  readonly flags: readonly PhotoFlag[];
}

export interface VideoLookup {
  readonly at: string;
  readonly by: string;
  readonly clips: readonly {
    readonly clipId: string;
    readonly cameraId: string;
    readonly from: string;
    readonly to: string;
  }[];
}

/** The officer's decision recorded on the case (QC-R03). */
export interface Determination {
  readonly form: AccidentForm;
  readonly faultPartyId: string | null;
  readonly suggestion: readonly Liability[] | null;
  readonly decision: readonly Liability[];
  readonly overrideReason: string | null;
  readonly officerId: string;
  readonly at: string;
}

/** A party's share of liability in basis points; all shares of a case add to 10000. */
export interface Liability {
  readonly partyId: string;
  readonly shareBp: number;
}

export interface LetterVersionRecord {
  readonly number: string;
  readonly version: number;
  readonly contentHash: string;
  readonly issuedAt: string;
  readonly replacedAt: string | null;
}

/** QC-R04: a party's answer to one exact letter content. */
export interface Signature {
  readonly partyId: string;
  readonly letterHash: string;
  readonly decision: "agree" | "dispute";
  /** QC-R06: this party agrees to 互碰自赔 if its conditions hold. */
  readonly mutualConsent: boolean;
  readonly disputeReason: string | null;
  readonly at: string;
  readonly voided: boolean;
}

/** 定损: the adjuster's assessed loss of one party, in fen. */
export interface PartyLoss {
  readonly partyId: string;
  readonly vehicleFen: Fen;
  readonly otherPropertyFen: Fen;
  readonly medicalFen: Fen;
}

/** A party's insurance in force on the accident date (from the Insurer port). */
export interface PartyCoverage {
  readonly partyId: string;
  readonly compulsory: { readonly insurerId: string; readonly policyNo: string } | null;
  readonly commercialThirdParty: {
    readonly insurerId: string;
    readonly policyNo: string;
    readonly limitFen: Fen;
  } | null;
}

export interface Assessment {
  readonly by: string;
  readonly at: string;
  readonly losses: readonly PartyLoss[];
  readonly coverage: readonly PartyCoverage[];
  readonly plan: PayoutPlan;
}

export interface OfflineRecord {
  readonly at: string;
  readonly by: string;
  readonly ruleId: string;
  readonly reasons: readonly string[];
  /** Status the case had when it left remote handling. */
  readonly fromStatus: CaseStatus;
}
