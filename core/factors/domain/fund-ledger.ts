import type { Fen } from "../../kernel/mod.ts";

/**
 * FAC-R09 one claim on a county's government risk-compensation fund (风险补偿资金): the fund's
 * part of one defaulted loan's loss. The fund has no system of its own to deliver to: the county
 * finance bureau (县财政局) reads these on the fund ledger and files them.
 */
export interface FundClaim {
  readonly allocationId: string;
  readonly loanId: string;
  readonly countyCode: string;
  readonly bankId: string;
  readonly productId: string;
  readonly guarantorId: string | null;
  readonly insurerId: string | null;
  /** The loan's principal lent and the business date it was booked. */
  readonly principal: Fen;
  readonly startedOn: string;
  /** The whole loss and the fund's part of it. */
  readonly loss: Fen;
  readonly fundPart: Fen;
  readonly allocatedOn: string;
}

/** What the fund ledger reads: a region's (or some of its counties') claims of one calendar year. */
export interface FundClaimsQuery {
  readonly regionCode: string;
  /** null = every county of the region. */
  readonly countyCodes: readonly string[] | null;
  readonly year: number;
}

/** One county fund's year: its annual cap (null = none), what it has taken, what is left. */
export interface CountyFundYear {
  readonly countyCode: string;
  readonly annualCap: Fen | null;
  readonly used: Fen;
  readonly remaining: Fen | null;
  readonly claims: number;
}

export interface FundLedger {
  readonly regionCode: string;
  readonly countyCode: string | null;
  readonly year: number;
  /** The date the caps were read at: the year's last day, or today for the current year. */
  readonly capsAsOf: string;
  readonly counties: readonly CountyFundYear[];
  readonly claims: readonly FundClaim[];
  readonly total: Fen;
}
