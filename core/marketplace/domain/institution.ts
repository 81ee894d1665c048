import * as v from "valibot";

/** Kinds of institutions on the platform (seed: 33 banks, 13 government guarantors, 2 insurers). */
export const institutionKindSchema = v.picklist(["bank", "guarantor", "insurer"]);
export type InstitutionKind = v.InferOutput<typeof institutionKindSchema>;

/** A branch (网点) of an institution; QR codes and mortgage completion name one. */
export interface Branch {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** GB/T 2260 county or prefecture code where the branch sits. */
  readonly regionCode: string;
}

export type InstitutionStatus = "ACTIVE" | "SUSPENDED";

export interface Institution {
  readonly id: string;
  readonly regionCode: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: InstitutionKind;
  /** USCC of the institution (GB 32100), validated on registration. */
  readonly uscc: string;
  readonly branches: readonly Branch[];
  readonly status: InstitutionStatus;
  readonly registeredAt: Date;
}

export function findBranch(institution: Institution, branchId: string): Branch | undefined {
  for (const b of institution.branches) if (b.id === branchId) return b;
  return undefined;
}
