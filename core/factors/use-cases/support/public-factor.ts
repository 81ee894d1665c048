import type { Factor } from "../../domain/factor.ts";

/** What a public notice or listing shows of a factor: no holder, no claims, no identities. */
export interface PublicFactor {
  readonly id: string;
  readonly countyCode: string;
  readonly typeCode: string;
  readonly title: string;
  readonly location: string;
  readonly quantity: Factor["quantity"];
  readonly status: Factor["status"];
  readonly termEndsOn: string | null;
}

export function publicFactor(f: Factor): PublicFactor {
  return {
    id: f.id,
    countyCode: f.countyCode,
    typeCode: f.typeCode,
    title: f.title,
    location: f.location,
    quantity: f.quantity,
    status: f.status,
    termEndsOn: f.termEndsOn,
  };
}
