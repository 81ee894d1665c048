import type { Factor, FactorEvent } from "../../core/factors/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText, iso } from "./sql-values.ts";

/** factors.factors as written (C2: the holder's ID only as ciphertext, found by blind index). */
export interface FactorRowValues {
  id: string;
  region_code: string;
  county_code: string;
  type_code: string;
  category: string;
  status: string;
  holder_kind: string;
  holder_ref: string;
  holder_id_enc: string;
  holder_name: string;
  registrant_ref: string | null;
  registrant_institution_id: string | null;
  institution_ids: string[];
  title: string;
  location: string;
  quantity_milli: number;
  quantity_unit: string;
  certificate_no: string | null;
  registry_record_no: string | null;
  site_ref: string | null;
  bundle_id: string | null;
  term_ends_on: string | null;
  evidence: string[];
  off_platform_claims: Factor["offPlatformClaims"];
  notice_closes_on: string | null;
  lease: Factor["lease"];
  pending_holder: Factor["pendingHolder"];
  created_at: string;
  updated_at: string;
  version: number;
}

export type FactorRow = Omit<FactorRowValues, "created_at" | "updated_at"> & {
  created_at: Date | string;
  updated_at: Date | string;
};

const PLAIN_COLUMNS = [
  "id",
  "region_code",
  "county_code",
  "type_code",
  "category",
  "status",
  "holder_kind",
  "holder_ref",
  "holder_id_enc",
  "holder_name",
  "registrant_ref",
  "registrant_institution_id",
  "institution_ids",
  "title",
  "location",
  "quantity_milli",
  "quantity_unit",
  "certificate_no",
  "registry_record_no",
  "site_ref",
  "bundle_id",
  "evidence",
  "off_platform_claims",
  "lease",
  "pending_holder",
  "created_at",
  "updated_at",
  "version",
] as const;

/** A select of whole factor rows (dates as text). */
export function selectFactors(db: AnyDb, alias = "f") {
  return db
    .selectFrom(`factors.factors as ${alias}`)
    .select(PLAIN_COLUMNS.map((c) => `${alias}.${c}` as const))
    .select([
      dateText(`${alias}.term_ends_on`, "term_ends_on"),
      dateText(`${alias}.notice_closes_on`, "notice_closes_on"),
    ]);
}

export function toFactorRow(f: Factor): FactorRowValues {
  return {
    id: f.id,
    region_code: f.regionCode,
    county_code: f.countyCode,
    type_code: f.typeCode,
    category: f.category,
    status: f.status,
    holder_kind: f.holder.kind,
    holder_ref: f.holder.ref,
    holder_id_enc: f.holder.idEncrypted,
    holder_name: f.holder.name,
    registrant_ref: f.registrantRef,
    registrant_institution_id: f.registrantInstitutionId,
    institution_ids: [...f.institutionIds],
    title: f.title,
    location: f.location,
    quantity_milli: f.quantity.milli,
    quantity_unit: f.quantity.unit,
    certificate_no: f.certificateNo,
    registry_record_no: f.registryRecordNo,
    site_ref: f.siteRef,
    bundle_id: f.bundleId,
    term_ends_on: f.termEndsOn,
    evidence: [...f.evidence],
    off_platform_claims: f.offPlatformClaims,
    notice_closes_on: f.noticeClosesOn,
    lease: f.lease,
    pending_holder: f.pendingHolder,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    version: f.version,
  };
}

export function fromFactorRow(r: FactorRow): Factor {
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    typeCode: r.type_code,
    category: r.category as Factor["category"],
    status: r.status as Factor["status"],
    holder: {
      kind: r.holder_kind as Factor["holder"]["kind"],
      ref: r.holder_ref,
      idEncrypted: r.holder_id_enc,
      name: r.holder_name,
    },
    registrantRef: r.registrant_ref,
    registrantInstitutionId: r.registrant_institution_id,
    institutionIds: r.institution_ids,
    title: r.title,
    location: r.location,
    quantity: { milli: Number(r.quantity_milli), unit: r.quantity_unit },
    certificateNo: r.certificate_no,
    registryRecordNo: r.registry_record_no,
    siteRef: r.site_ref,
    bundleId: r.bundle_id,
    termEndsOn: r.term_ends_on,
    evidence: r.evidence,
    offPlatformClaims: r.off_platform_claims,
    noticeClosesOn: r.notice_closes_on,
    lease: r.lease,
    pendingHolder: r.pending_holder,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** factors.factor_events as written. */
export function toEventRow(e: FactorEvent) {
  return {
    factor_id: e.factorId,
    region_code: e.regionCode,
    seq: e.seq,
    kind: e.kind,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    at: e.at,
    actor: e.actor,
    reason: e.reason,
    rule_id: e.ruleId,
    data: e.data,
  };
}

export interface EventRow {
  factor_id: string;
  region_code: string;
  seq: number;
  kind: string;
  from_status: string;
  to_status: string;
  at: Date | string;
  actor: string;
  reason: string;
  rule_id: string | null;
  data: Record<string, unknown>;
}

export function fromEventRow(r: EventRow): FactorEvent {
  return {
    factorId: r.factor_id,
    regionCode: r.region_code,
    seq: r.seq,
    kind: r.kind as FactorEvent["kind"],
    fromStatus: r.from_status as FactorEvent["fromStatus"],
    toStatus: r.to_status as FactorEvent["toStatus"],
    at: iso(r.at),
    actor: r.actor,
    reason: r.reason,
    ruleId: r.rule_id,
    data: r.data,
  };
}
