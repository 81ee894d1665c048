import type { Party, PartyItems, QuickClaimCase } from "../../core/quickclaim/mod.ts";
import { insurersOf } from "../../core/quickclaim/mod.ts";
import type { C2Codec } from "./c2-codec.ts";
import { iso, isoOrNull } from "./sql-helpers.ts";

/** A row of quickclaim.cases as written. */
export interface CaseRowValues {
  id: string;
  region_code: string;
  centre_id: string;
  status: string;
  version: number;
  reported_at: string;
  accident_at: string;
  accident_date: string;
  evidence_submitted_at: string | null;
  determined_at: string | null;
  agreed_at: string | null;
  disputed_at: string | null;
  paid_at: string | null;
  letter_number: string | null;
  plates: string[];
  insurer_ids: string[];
  flagged_photos: number;
  parties: StoredParty[];
  doc: CaseDoc;
}

/** A row as read (timestamps come back as Date, the date as text via the select list). */
export type CaseRow = Omit<CaseRowValues, `${string}_at`> & {
  reported_at: Date | string;
  accident_at: Date | string;
  evidence_submitted_at: Date | string | null;
  determined_at: Date | string | null;
  agreed_at: Date | string | null;
  disputed_at: Date | string | null;
  paid_at: Date | string | null;
};

/** A party as stored: mobile, licence number and the items' mobile sealed (C2). */
interface StoredParty {
  id: string;
  plate: string;
  mobile: string;
  subjectRef: string;
  items: (Omit<PartyItems, "driverLicenceNo" | "mobile"> & { driverLicenceNo: string; mobile: string }) | null;
}

type CaseDoc = Pick<
  QuickClaimCase,
  | "place"
  | "circumstances"
  | "reporterPartyId"
  | "photos"
  | "videoLookups"
  | "determination"
  | "letter"
  | "letterHistory"
  | "signatures"
  | "assessment"
  | "offline"
>;

/** The select list that reads a case row (the date as text, never a driver-made Date). */
export const CASE_COLUMNS = [
  "id",
  "region_code",
  "centre_id",
  "status",
  "version",
  "reported_at",
  "accident_at",
  "evidence_submitted_at",
  "determined_at",
  "agreed_at",
  "disputed_at",
  "paid_at",
  "letter_number",
  "plates",
  "insurer_ids",
  "flagged_photos",
  "parties",
  "doc",
] as const;

function sealParty(p: Party, codec: C2Codec): StoredParty {
  return {
    id: p.id,
    plate: p.plate,
    mobile: codec.seal(p.mobile),
    subjectRef: p.subjectRef,
    items: p.items && {
      ...p.items,
      driverLicenceNo: codec.seal(p.items.driverLicenceNo),
      mobile: codec.seal(p.items.mobile),
    },
  };
}

function openParty(p: StoredParty, codec: C2Codec): Party {
  return {
    id: p.id,
    plate: p.plate,
    mobile: codec.open(p.mobile),
    subjectRef: p.subjectRef,
    items: p.items && {
      ...p.items,
      driverLicenceNo: codec.open(p.items.driverLicenceNo),
      mobile: codec.open(p.items.mobile),
    },
  };
}

export function toCaseRow(c: QuickClaimCase, codec: C2Codec): CaseRowValues {
  return {
    id: c.id,
    region_code: c.regionCode,
    centre_id: c.centreId,
    status: c.status,
    version: c.version,
    reported_at: c.reportedAt,
    accident_at: c.accidentAt,
    accident_date: c.accidentDate,
    evidence_submitted_at: c.evidenceSubmittedAt,
    determined_at: c.determinedAt,
    agreed_at: c.agreedAt,
    disputed_at: c.disputedAt,
    paid_at: c.paidAt,
    letter_number: c.letter?.number ?? null,
    plates: c.parties.map((p) => p.plate),
    insurer_ids: [...insurersOf(c)].sort(),
    flagged_photos: c.photos.filter((p) => p.flags.length > 0).length,
    parties: c.parties.map((p) => sealParty(p, codec)),
    doc: {
      place: c.place,
      circumstances: c.circumstances,
      reporterPartyId: c.reporterPartyId,
      photos: c.photos,
      videoLookups: c.videoLookups,
      determination: c.determination,
      letter: c.letter,
      letterHistory: c.letterHistory,
      signatures: c.signatures,
      assessment: c.assessment,
      offline: c.offline,
    },
  };
}

export function fromCaseRow(r: CaseRow, codec: C2Codec): QuickClaimCase {
  const d = r.doc;
  return {
    id: r.id,
    regionCode: r.region_code,
    centreId: r.centre_id,
    status: r.status as QuickClaimCase["status"],
    version: r.version,
    reportedAt: iso(r.reported_at),
    accidentAt: iso(r.accident_at),
    accidentDate: r.accident_date,
    place: d.place,
    circumstances: d.circumstances,
    reporterPartyId: d.reporterPartyId,
    parties: r.parties.map((p) => openParty(p, codec)),
    photos: d.photos,
    evidenceSubmittedAt: isoOrNull(r.evidence_submitted_at),
    videoLookups: d.videoLookups,
    determination: d.determination,
    letter: d.letter,
    letterHistory: d.letterHistory,
    signatures: d.signatures,
    determinedAt: isoOrNull(r.determined_at),
    agreedAt: isoOrNull(r.agreed_at),
    disputedAt: isoOrNull(r.disputed_at),
    assessment: d.assessment,
    offline: d.offline,
    paidAt: isoOrNull(r.paid_at),
  };
}
