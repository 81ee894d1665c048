import type { Fen } from "../../kernel/mod.ts";
import type { FactorCategory, FactorTypeCode } from "./catalogue.ts";

/** Lifecycle states of a factor (spec 10-factors.md, Lifecycle). */
export type FactorStatus =
  | "DRAFT"
  | "SUBMITTED"
  | "CONFIRMED"
  | "PUBLICISED"
  | "DISPUTED"
  | "ACTIVE"
  | "ENCUMBERED"
  | "TRANSFERRED"
  | "DISPOSING"
  | "DISPOSED"
  | "REJECTED";

/** A holder is named by a blind index of their ID (KRN-R04); the number itself is only stored encrypted. */
export interface Holder {
  readonly kind: "person" | "organisation";
  /** Blind index of the resident ID ("resident-id") or USCC ("uscc"). */
  readonly ref: string;
  /** The ID encrypted with the field cipher (class C2). */
  readonly idEncrypted: string;
  readonly name: string;
}

/** Quantity in thousandths of the type's unit (3.5 亩 = 3500), so that no float holds it. */
export interface Quantity {
  readonly milli: number;
  readonly unit: string;
}

/** An encumbrance the registry reports as recorded outside the platform (ranks after platform liens, FAC-R07). */
export interface OffPlatformClaim {
  readonly id: string;
  readonly creditor: string;
  readonly amount: Fen;
  readonly recordedOn: string;
}

export interface Lease {
  readonly listingId: string;
  readonly lesseeRef: string;
  readonly lesseeName: string;
  readonly from: string;
  readonly to: string;
}

/** A rural production factor (农村生产要素). Instants are ISO UTC strings, business dates YYYY-MM-DD. */
export interface Factor {
  readonly id: string;
  /** Prefecture whose platform holds it (e.g. 350900), the partition of its data. */
  readonly regionCode: string;
  /** County where it lies (e.g. 350981); its policy, registries and collection company apply. */
  readonly countyCode: string;
  readonly typeCode: FactorTypeCode;
  readonly category: FactorCategory;
  readonly status: FactorStatus;
  readonly holder: Holder;
  /** Who registered it: a citizen's subjectRef, or the institution acting for the holder. */
  readonly registrantRef: string | null;
  readonly registrantInstitutionId: string | null;
  /** Institutions that may see it (lenders, appraisers, the collection company) — KRN-R06. */
  readonly institutionIds: readonly string[];
  readonly title: string;
  readonly location: string;
  readonly quantity: Quantity;
  /** Certificate number for a certified type; absent for a non-standard (无证) type. */
  readonly certificateNo: string | null;
  /** Filing number the confirming department gave (无证 types), or the registry's record id. */
  readonly registryRecordNo: string | null;
  /** Site of a marine factor (sea-area site reference); members of a 三权合一 bundle share it. */
  readonly siteRef: string | null;
  readonly bundleId: string | null;
  /** Last day of the right's term (land contract, sea-area use), when the type has one. */
  readonly termEndsOn: string | null;
  readonly evidence: readonly string[];
  readonly offPlatformClaims: readonly OffPlatformClaim[];
  /** FAC-R02: last day objections are accepted (set on publication). */
  readonly noticeClosesOn: string | null;
  readonly lease: Lease | null;
  /** For a sale in progress (TRANSFERRED until the registry records the buyer). */
  readonly pendingHolder: Holder | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic concurrency: bumped on every change. */
  readonly version: number;
}
