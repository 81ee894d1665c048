import type { BlindIndexer } from "../../core/kernel/mod.ts";
import type { Claim } from "../../core/quickclaim/mod.ts";
import type { C2Codec } from "./c2-codec.ts";
import { iso, isoOrNull } from "./sql-helpers.ts";

/** The parts of a claim kept in `doc` (no C2: the ID and card numbers have sealed columns). */
type ClaimDoc = Pick<Claim, "openedBy" | "lines" | "acceptances" | "assessedAt" | "acceptedAt"> & {
  claimant: { name: string; idCardPhotoKey: string };
  bankCard: { holderName: string; bankName: string | null; photoKey: string };
};

export interface ClaimRowValues {
  id: string;
  case_id: string;
  region_code: string;
  centre_id: string;
  party_id: string;
  status: string;
  version: number;
  opened_at: string;
  paid_at: string | null;
  payout_fen: number | null;
  paid_fen: number;
  resident_id: string;
  resident_id_bidx: string;
  card_number: string;
  card_bidx: string;
  doc: ClaimDoc;
}

export type ClaimRow = Omit<ClaimRowValues, "opened_at" | "paid_at"> & {
  opened_at: Date | string;
  paid_at: Date | string | null;
};

export const CLAIM_COLUMNS = [
  "id",
  "case_id",
  "region_code",
  "centre_id",
  "party_id",
  "status",
  "version",
  "opened_at",
  "paid_at",
  "payout_fen",
  "paid_fen",
  "resident_id",
  "resident_id_bidx",
  "card_number",
  "card_bidx",
  "doc",
] as const;

/** The row of a claim; the resident ID and card number sealed and blind-indexed (KRN-R04). */
export function toClaimRow(c: Claim, codec: C2Codec, bidx: BlindIndexer): ClaimRowValues {
  return {
    id: c.id,
    case_id: c.caseId,
    region_code: c.regionCode,
    centre_id: c.centreId,
    party_id: c.partyId,
    status: c.status,
    version: c.version,
    opened_at: c.openedAt,
    paid_at: c.paidAt,
    payout_fen: c.payoutFen,
    paid_fen: c.paidFen,
    resident_id: codec.seal(c.claimant.residentId),
    resident_id_bidx: bidx.index("resident-id", c.claimant.residentId),
    card_number: codec.seal(c.bankCard.number),
    card_bidx: bidx.index("bank-card", c.bankCard.number),
    doc: {
      openedBy: c.openedBy,
      lines: c.lines,
      acceptances: c.acceptances,
      assessedAt: c.assessedAt,
      acceptedAt: c.acceptedAt,
      claimant: { name: c.claimant.name, idCardPhotoKey: c.claimant.idCardPhotoKey },
      bankCard: { holderName: c.bankCard.holderName, bankName: c.bankCard.bankName, photoKey: c.bankCard.photoKey },
    },
  };
}

export function fromClaimRow(r: ClaimRow, codec: C2Codec): Claim {
  const d = r.doc;
  return {
    id: r.id,
    caseId: r.case_id,
    regionCode: r.region_code,
    centreId: r.centre_id,
    partyId: r.party_id,
    status: r.status as Claim["status"],
    version: r.version,
    openedAt: iso(r.opened_at),
    openedBy: d.openedBy,
    claimant: {
      name: d.claimant.name,
      residentId: codec.open(r.resident_id),
      idCardPhotoKey: d.claimant.idCardPhotoKey,
    },
    bankCard: {
      number: codec.open(r.card_number),
      holderName: d.bankCard.holderName,
      bankName: d.bankCard.bankName,
      photoKey: d.bankCard.photoKey,
    },
    payoutFen: r.payout_fen,
    lines: d.lines,
    acceptances: d.acceptances,
    assessedAt: d.assessedAt,
    acceptedAt: d.acceptedAt,
    paidAt: isoOrNull(r.paid_at),
    paidFen: r.paid_fen,
  };
}
