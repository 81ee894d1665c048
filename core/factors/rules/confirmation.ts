import { DomainError, valueAsOf } from "../../kernel/mod.ts";
import type { FactorTypeCode } from "../domain/catalogue.ts";
import type { FactorsPolicy } from "../policy.ts";

const RULE = "FAC-R01";

/** Who confirms a factor of a type in a county (FAC-R01). */
export interface ConfirmingAuthority {
  /** "registry": a certified type, confirmed by certificate number; "department": a 无证 type. */
  readonly kind: "registry" | "department";
  /** Registry kind the adapter routes on (real_estate, forest, sea_area, …), or "department". */
  readonly registryKind: string;
  readonly departmentId: string | null;
  readonly name: { readonly zh: string; readonly en: string };
}

/** The registry or department that confirms `typeCode` in `countyCode` on `onDate`. */
export function confirmingAuthority(
  policy: FactorsPolicy,
  typeCode: FactorTypeCode,
  countyCode: string,
  onDate: string,
): ConfirmingAuthority {
  const type = policy.catalogue[typeCode];
  if (!type)
    throw new DomainError(`factor type ${typeCode} is not in the catalogue`, { ruleId: RULE, field: "typeCode" });
  const county = policy.counties[countyCode];
  if (!county) {
    throw new DomainError(`county ${countyCode} is not a county of this region's platform`, {
      ruleId: RULE,
      field: "countyCode",
    });
  }
  const dept = county.confirmingDepartments[typeCode];
  if (dept) {
    const d = valueAsOf(dept, onDate, `factors.counties.${countyCode}.confirmingDepartments.${typeCode}`);
    return { kind: "department", registryKind: "department", departmentId: d.departmentId, name: d.name };
  }
  return { kind: "registry", registryKind: type.registry.kind, departmentId: null, name: type.registry.name };
}

/** A certified type is confirmed by its certificate number; a 无证 type by its department's filing. */
export function assertEvidenceFor(authority: ConfirmingAuthority, certificateNo: string | null): void {
  if (authority.kind === "registry" && (certificateNo === null || certificateNo.trim() === "")) {
    throw new DomainError(`a certificate number is needed: ${authority.name.zh} confirms this type by certificate`, {
      ruleId: RULE,
      field: "certificateNo",
    });
  }
}

/** What the confirming registry reports, with the holder's ID already blind-indexed. */
export type RegistryFinding =
  | {
      readonly status: "found";
      readonly holderRef: string;
      readonly typeCode: FactorTypeCode;
      readonly quantityMilli: number;
      readonly recordNo: string;
      readonly termEndsOn: string | null;
    }
  | { readonly status: "pending" }
  | { readonly status: "not_found" };

export interface RegistryClaim {
  readonly holderRef: string;
  readonly typeCode: FactorTypeCode;
}

export type ConfirmationVerdict =
  | {
      readonly verdict: "confirmed";
      readonly quantityMilli: number;
      readonly recordNo: string;
      readonly termEndsOn: string | null;
    }
  | { readonly verdict: "pending" }
  | {
      readonly verdict: "rejected";
      readonly reason: "holder_mismatch" | "not_found" | "type_mismatch";
      readonly field: string;
      readonly message: string;
    };

/**
 * FAC-R01: the registry's record decides. A different holder rejects the submission; so does a
 * record of another type or no record at all. The registry's quantity and term replace the claimed.
 */
export function judgeRegistryFinding(claim: RegistryClaim, finding: RegistryFinding): ConfirmationVerdict {
  if (finding.status === "pending") return { verdict: "pending" };
  if (finding.status === "not_found") {
    return {
      verdict: "rejected",
      reason: "not_found",
      field: "certificateNo",
      message: "the confirming registry has no record of this factor",
    };
  }
  if (finding.typeCode !== claim.typeCode) {
    return {
      verdict: "rejected",
      reason: "type_mismatch",
      field: "typeCode",
      message: `the registry records a factor of type ${finding.typeCode}, not ${claim.typeCode}`,
    };
  }
  if (finding.holderRef !== claim.holderRef) {
    return {
      verdict: "rejected",
      reason: "holder_mismatch",
      field: "holder",
      message: "the registry records a different holder for this factor",
    };
  }
  return {
    verdict: "confirmed",
    quantityMilli: finding.quantityMilli,
    recordNo: finding.recordNo,
    termEndsOn: finding.termEndsOn,
  };
}

/** Turns a rejection verdict into the DomainError a submission answers with (422, naming FAC-R01). */
export function rejectionError(v: Extract<ConfirmationVerdict, { verdict: "rejected" }>): DomainError {
  return new DomainError(v.message, { ruleId: RULE, field: v.field, detail: { reason: v.reason } });
}
