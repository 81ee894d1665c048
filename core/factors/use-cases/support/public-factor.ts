import { maskName } from "../../../kernel/mod.ts";
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

/** FAC-R02 a factor on public notice (公示): what anyone may read, and object to until it closes. */
export interface PublicNotice extends PublicFactor {
  /** The holder's name, masked (e.g. 林**): a notice names the holder without identifying them. */
  readonly holderName: string;
  readonly certificateNo: string | null;
  readonly noticeClosesOn: string | null;
}

export function publicNotice(f: Factor): PublicNotice {
  return {
    ...publicFactor(f),
    holderName: maskName(f.holder.name),
    certificateNo: f.certificateNo,
    noticeClosesOn: f.noticeClosesOn,
  };
}
