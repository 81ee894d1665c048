import * as v from "valibot";
import {
  actsForSubject,
  DomainError,
  hasRole,
  type Principal,
  requireRole,
  validateResidentId,
  validateUscc,
} from "../../kernel/mod.ts";
import { categoryOf } from "../domain/catalogue.ts";
import type { Factor, Holder } from "../domain/factor.ts";
import { parseQuantity } from "../domain/quantity.ts";
import { assertEvidenceFor, confirmingAuthority } from "../rules/confirmation.ts";
import { bundleMemberTypes } from "../rules/marine-bundle.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput, text } from "./support/parse-input.ts";
import { actOf, audit } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const holderInput = v.object({
  kind: v.picklist(["person", "organisation"], "holder.kind is person or organisation"),
  idNumber: v.pipe(v.string(), v.description("resident ID (person) or unified social credit code (organisation)")),
  name: text("holder name", 100),
});

export const registerFactorInput = v.object({
  countyCode: v.pipe(v.string(), v.regex(/^\d{6}$/, "countyCode is a 6-digit GB/T 2260 code")),
  typeCode: v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/, "typeCode is a catalogue code such as A01")),
  holder: holderInput,
  title: text("title", 120),
  location: text("location", 200),
  quantity: v.pipe(v.string(), v.description('quantity in the type\'s unit, e.g. "12" or "3.5"')),
  certificateNo: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(100))), null),
  siteRef: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(100))), null),
  evidence: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(20)), []),
});
export type RegisterFactorInput = v.InferInput<typeof registerFactorInput>;

/** Validates and protects the holder's identity: blind index to find, cipher to keep (KRN-R04). */
export function holderOf(
  deps: Pick<FactorsDeps, "blindIndex" | "cipher">,
  h: v.InferOutput<typeof holderInput>,
  today: string,
  field = "holder.idNumber",
): Holder {
  const id =
    h.kind === "person" ? validateResidentId(h.idNumber, { asOf: today, field }) : validateUscc(h.idNumber, field);
  const kind = h.kind === "person" ? "resident-id" : "uscc";
  return { kind: h.kind, ref: deps.blindIndex.index(kind, id), idEncrypted: deps.cipher.encrypt(id), name: h.name };
}

/**
 * Registers a factor as a DRAFT (登记): the holder (or a station clerk / bank acting for them)
 * describes it and attaches evidence. Nothing is asked of a registry yet: that is submission.
 */
export async function registerFactor(deps: FactorsDeps, principal: Principal, input: unknown): Promise<FactorView> {
  requireRole(principal, "citizen", "clerk", "institution_staff", "platform_admin");
  const i = parseInput(registerFactorInput, input);
  const act = actOf(principal, deps.clock.now());
  if (!i.countyCode.startsWith(deps.regionCode.slice(0, 4))) {
    throw new DomainError(`county ${i.countyCode} is not in region ${deps.regionCode}`, {
      ruleId: "FAC-R01",
      field: "countyCode",
    });
  }
  const policy = deps.policyFor(i.countyCode);
  const type = policy.catalogue[i.typeCode];
  if (!type)
    throw new DomainError(`type ${i.typeCode} is not in the catalogue`, { ruleId: "FAC-R01", field: "typeCode" });
  const authority = confirmingAuthority(policy, i.typeCode, i.countyCode, act.today);
  assertEvidenceFor(authority, i.certificateNo);
  if (bundleMemberTypes(policy, act.today).includes(i.typeCode) && !i.siteRef) {
    throw new DomainError("a 三权合一 member (sea area, fish raft, aquaculture right) names its sea-area site", {
      ruleId: "FAC-R03",
      field: "siteRef",
    });
  }
  const quantityMilli = parseQuantity(i.quantity, "quantity");
  const holder = holderOf(deps, i.holder, act.today);
  const citizen = hasRole(principal, "citizen") && principal.subjectRef !== undefined;
  if (citizen && !actsForSubject(principal, holder.ref)) {
    // KRN-R06 实名认证, as MKT-R01 and QC-R07: a phone alone cannot put someone else's land or sea
    // right on the platform (and later pledge it); staff and clerks act for holders they checked.
    throw new DomainError(
      "a holder registers their own factor: prove this ID on your account first (实名认证, /identity)",
      { ruleId: "FAC-R01", kind: "forbidden", field: "holder.idNumber" },
    );
  }
  const factor: Factor = {
    id: deps.ids.next("fac"),
    regionCode: deps.regionCode,
    countyCode: i.countyCode,
    typeCode: i.typeCode,
    category: categoryOf(i.typeCode),
    status: "DRAFT",
    holder,
    registrantRef: citizen ? (principal.subjectRef ?? null) : null,
    registrantInstitutionId: citizen ? null : (principal.institutionId ?? null),
    institutionIds: [],
    title: i.title,
    location: i.location,
    quantity: { milli: quantityMilli, unit: type.unit?.zh ?? "" },
    certificateNo: i.certificateNo,
    registryRecordNo: null,
    siteRef: i.siteRef,
    bundleId: null,
    termEndsOn: null,
    evidence: i.evidence,
    offPlatformClaims: [],
    noticeClosesOn: null,
    lease: null,
    pendingHolder: null,
    createdAt: act.at,
    updatedAt: act.at,
    version: 1,
  };
  return deps.uow.run(async (tx) => {
    await tx.factors.insert(factor);
    await tx.factors.appendEvent({
      factorId: factor.id,
      regionCode: factor.regionCode,
      seq: 1,
      kind: "registered",
      fromStatus: "DRAFT",
      toStatus: "DRAFT",
      at: act.at,
      actor: principal.id,
      reason: "registered by the holder",
      ruleId: null,
      data: { typeCode: factor.typeCode, countyCode: factor.countyCode, confirmedBy: authority.name.zh },
    });
    await audit(tx, act, factor.regionCode, "factor.registered", "factor", factor.id, { typeCode: factor.typeCode });
    await tx.outbox.enqueue({
      regionCode: factor.regionCode,
      type: "factors.factor.registered",
      aggregateId: factor.id,
      payload: { factorId: factor.id, countyCode: factor.countyCode, typeCode: factor.typeCode, at: act.at },
    });
    return factorView(principal, factor);
  });
}
