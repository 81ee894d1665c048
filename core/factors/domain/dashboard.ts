import type { Fen } from "../../kernel/mod.ts";
import type { SharingParty } from "../policy-schemas.ts";

/** What a county or city dashboard asks for: a region (prefecture or county) and a period. */
export interface DashboardQuery {
  readonly regionCode: string;
  /** A county of the region, or null for the whole prefecture. */
  readonly countyCode: string | null;
  /** Business dates, inclusive. Balances are as of `to`. */
  readonly from: string;
  readonly to: string;
}

/** Figures computed from the platform's own data (seed 一(三): entities financed, balance, …). */
export interface DashboardFigures {
  /** Distinct borrowers with a loan booked in the period. */
  readonly entitiesFinanced: number;
  readonly loansBooked: number;
  readonly amountBooked: Fen;
  /** Distinct borrowers with a principal balance above zero at the end of `to` (seed: 4.79万户 with a balance). */
  readonly entitiesWithBalance: number;
  /**
   * Principal balance at the end of `to`: each loan booked by then, its principal less what was
   * repaid, recovered from disposal proceeds or written off on or before `to` (dated principal
   * movements), so a loan repaid after `to` still counts.
   */
  readonly balance: Fen;
  readonly balanceByCounty: Readonly<Record<string, Fen>>;
  readonly balanceByType: Readonly<Record<string, Fen>>;
  readonly balanceByProduct: Readonly<Record<string, Fen>>;
  readonly factorsByStatus: Readonly<Record<string, number>>;
  /** The region's active products defined by `to` (the catalogue is region-wide; seed: 57 products). */
  readonly productsOffered: number;
  /** Distinct products with a balance above zero in the scope (county or prefecture) at the end of `to`. */
  readonly productsWithBalance: number;
  readonly disposals: { readonly completed: number; readonly proceeds: Fen };
  readonly lossesByParty: Readonly<Record<SharingParty, Fen>>;
}

/** The dashboard as the use case returns it: the figures plus what the policy pack says. */
export interface Dashboard extends DashboardFigures {
  readonly query: DashboardQuery;
  readonly factorTypes: number;
  readonly factorCategories: number;
  readonly counties: number;
  readonly countiesWithCollectionCompany: number;
}
