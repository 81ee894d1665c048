/**
 * MKT-R08 码上贷 QR code: a signed, expiring link to one product, optionally one branch or
 * customer manager. Scans and the applications they lead to are counted per code.
 */
export type ApplyCodeStatus = "ACTIVE" | "REVOKED";

export interface ApplyCode {
  readonly id: string;
  readonly regionCode: string;
  readonly productId: string;
  readonly institutionId: string;
  readonly branchId: string | null;
  readonly managerId: string | null;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Principal id of the issuer. */
  readonly issuedBy: string;
  readonly status: ApplyCodeStatus;
  readonly scans: number;
  readonly applications: number;
}

/** What a code's token carries (signed as a whole). */
export interface ApplyCodeClaims {
  readonly codeId: string;
  readonly regionCode: string;
  readonly productId: string;
  readonly branchId: string | null;
  readonly managerId: string | null;
  readonly expiresAt: Date;
}

export function applyCodeVisibility(c: ApplyCode): { regionCode: string; institutionId: string } {
  return { regionCode: c.regionCode, institutionId: c.institutionId };
}
