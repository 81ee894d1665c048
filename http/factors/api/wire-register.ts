import { z } from "@hono/zod-openapi";
import type { FactorEvent, FactorView, MarineBundle, Objection, Valuation } from "../../../core/factors/mod.ts";
import { formatQuantity } from "../../../core/factors/mod.ts";
import { moneyKeysToYuan, publicActor, yuan } from "./wire-money.ts";

/** Wire views of the register (factors, history, objections, valuations, bundles): yuan strings, no identities. */
export const FactorWire = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    countyCode: z.string(),
    typeCode: z.string(),
    category: z.string(),
    status: z.string(),
    holder: z.object({ kind: z.string(), name: z.string().openapi({ description: "masked unless it is yours" }) }),
    registrantInstitutionId: z.string().nullable(),
    institutionIds: z.array(z.string()),
    title: z.string(),
    location: z.string(),
    quantity: z.object({ value: z.string().openapi({ example: "12" }), unit: z.string() }),
    certificateNo: z.string().nullable(),
    registryRecordNo: z.string().nullable(),
    siteRef: z.string().nullable(),
    bundleId: z.string().nullable(),
    termEndsOn: z.string().nullable(),
    evidence: z.array(z.string()),
    offPlatformClaims: z.array(
      z.object({ id: z.string(), creditor: z.string(), amountYuan: z.string(), recordedOn: z.string() }),
    ),
    noticeClosesOn: z.string().nullable(),
    lease: z.object({ listingId: z.string(), lesseeName: z.string(), from: z.string(), to: z.string() }).nullable(),
    pendingHolder: z.object({ name: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Factor");
export type FactorWireT = z.infer<typeof FactorWire>;

export function factorWire(f: FactorView): FactorWireT {
  return {
    id: f.id,
    regionCode: f.regionCode,
    countyCode: f.countyCode,
    typeCode: f.typeCode,
    category: f.category,
    status: f.status,
    holder: { kind: f.holder.kind, name: f.holder.name },
    registrantInstitutionId: f.registrantInstitutionId,
    institutionIds: [...f.institutionIds],
    title: f.title,
    location: f.location,
    quantity: { value: formatQuantity(f.quantity.milli), unit: f.quantity.unit },
    certificateNo: f.certificateNo,
    registryRecordNo: f.registryRecordNo,
    siteRef: f.siteRef,
    bundleId: f.bundleId,
    termEndsOn: f.termEndsOn,
    evidence: [...f.evidence],
    offPlatformClaims: f.offPlatformClaims.map((c) => ({
      id: c.id,
      creditor: c.creditor,
      amountYuan: yuan(c.amount),
      recordedOn: c.recordedOn,
    })),
    noticeClosesOn: f.noticeClosesOn,
    lease: f.lease ? { ...f.lease } : null,
    pendingHolder: f.pendingHolder ? { name: f.pendingHolder.name } : null,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    version: f.version,
  };
}

export const EventWire = z
  .object({
    seq: z.number().int(),
    kind: z.string(),
    fromStatus: z.string(),
    toStatus: z.string(),
    at: z.string(),
    actor: z.string(),
    reason: z.string(),
    ruleId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("FactorEvent", { description: "one entry of a factor's history (never rewritten)" });

export function eventWire(e: FactorEvent): z.infer<typeof EventWire> {
  return {
    seq: e.seq,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    at: e.at,
    actor: publicActor(e.actor),
    reason: e.reason,
    ruleId: e.ruleId,
    data: moneyKeysToYuan(e.data) as Record<string, unknown>,
  };
}

export const ObjectionWire = z
  .object({
    id: z.string(),
    factorId: z.string(),
    lodgedBy: z.string(),
    grounds: z.string(),
    lodgedAt: z.string(),
    status: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .openapi("Objection");

export function objectionWire(o: Objection): z.infer<typeof ObjectionWire> {
  return {
    id: o.id,
    factorId: o.factorId,
    lodgedBy: publicActor(o.lodgedBy),
    grounds: o.grounds,
    lodgedAt: o.lodgedAt,
    status: o.status,
    decidedAt: o.decidedAt,
    decidedBy: o.decidedBy,
    decisionReason: o.decisionReason,
  };
}

export const ValuationWire = z
  .object({
    id: z.string(),
    unitId: z.string(),
    factorIds: z.array(z.string()),
    method: z.string(),
    valueYuan: z.string(),
    valuedOn: z.string(),
    expiresOn: z.string().openapi({ description: "first day it no longer backs a new mortgage (FAC-R04)" }),
    appraiserId: z.string().nullable(),
    reportRef: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("Valuation");

export function valuationWire(v: Valuation): z.infer<typeof ValuationWire> {
  return {
    id: v.id,
    unitId: v.unitId,
    factorIds: [...v.factorIds],
    method: v.method,
    valueYuan: yuan(v.value),
    valuedOn: v.valuedOn,
    expiresOn: v.expiresOn,
    appraiserId: v.appraiserId,
    reportRef: v.reportRef,
    detail: moneyKeysToYuan(v.detail) as Record<string, unknown>,
    createdAt: v.createdAt,
  };
}

export const BundleWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    siteRef: z.string(),
    memberIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("MarineBundle");

export function bundleWire(b: MarineBundle): z.infer<typeof BundleWire> {
  return {
    id: b.id,
    countyCode: b.countyCode,
    siteRef: b.siteRef,
    memberIds: [...b.memberIds],
    createdAt: b.createdAt,
  };
}
