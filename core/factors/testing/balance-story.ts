import type { Fen } from "../../kernel/mod.ts";
import { allocateLoss } from "../use-cases/allocate-loss.ts";
import { completeDisposal } from "../use-cases/complete-disposal.ts";
import { recordLoanServicing } from "../use-cases/record-loan-servicing.ts";
import { reportDefault } from "../use-cases/report-default.ts";
import { startDisposal } from "../use-cases/start-disposal.ts";
import { valueCollateral } from "../use-cases/value-collateral.ts";
import { mortgageLoan, offer } from "./lending-scenarios.ts";
import { huangHolder, marineBundle, marineInputs } from "./scenarios.ts";
import { type FactorsTestbed, demoPrincipals as who } from "./testbed.ts";

export interface BalanceStory {
  readonly productId: string;
  /** 林阿伯's loan in 福安 (350981): 150,000 yuan booked 10 March, 50,000 repaid 20 April, the rest 15 June. */
  readonly linLoanId: string;
  /**
   * 黄先生's loan in 霞浦 (350921): 150,000 yuan booked 18 March, overdue from 1 June, defaulted;
   * the raft bundle bought out at 04:30 on 1 October (Asia/Shanghai; 20:30 UTC on 30 September)
   * for 112,500 yuan less 1,000 costs: 3,000 interest, 108,500 principal; the 41,500 yuan left
   * written off when the loss is shared on 20 October.
   */
  readonly huangLoanId: string;
}

/**
 * Two loans whose balances move over 2026, for the dashboard's balance as of a past period end:
 * run on the in-memory store and on the SQL store, the same cases must give the same figures.
 */
export async function balanceStory(tb: FactorsTestbed): Promise<BalanceStory> {
  tb.clock.set("2026-03-02T02:00:00.000Z");
  const productId = await offer(tb, "fish-raft-farming");
  const lin = await marineBundle(tb, who.lin); // activated 10 March
  await valueCollateral(tb.deps, who.lin, { factorIds: lin.factorIds });
  const linLoan = (await mortgageLoan(tb, who.lin, productId, lin.factorIds, 150_000_00)).loan;
  const huang = await marineBundle(tb, who.huang, marineInputs(huangHolder, "350921", "三沙-0002")); // 18 March
  await valueCollateral(tb.deps, who.huang, { factorIds: huang.factorIds });
  const huangLoan = (await mortgageLoan(tb, who.huang, productId, huang.factorIds, 150_000_00)).loan;

  tb.clock.set("2026-04-20T02:00:00.000Z");
  await recordLoanServicing(tb.deps, who.ruralBank, {
    loanId: linLoan.id,
    outstandingPrincipalFen: 100_000_00,
    interestArrearsFen: 0,
    overdueSince: null,
  });
  tb.clock.set("2026-06-15T02:00:00.000Z");
  await recordLoanServicing(tb.deps, who.ruralBank, {
    loanId: linLoan.id,
    outstandingPrincipalFen: 0,
    interestArrearsFen: 0,
    overdueSince: null,
  });
  // Overdue: only interest moves, so the principal balance does not.
  await recordLoanServicing(tb.deps, who.ruralBank, {
    loanId: huangLoan.id,
    outstandingPrincipalFen: 150_000_00,
    interestArrearsFen: 3_000_00,
    overdueSince: "2026-06-01",
  });
  tb.clock.set("2026-09-29T02:00:00.000Z");
  await reportDefault(tb.deps, who.ruralBank, { loanId: huangLoan.id });
  tb.appraiser.value = 150_000_00;
  await valueCollateral(tb.deps, who.ruralBank, { factorIds: huang.factorIds, requestAppraisal: true });
  const disposal = await startDisposal(tb.deps, who.ruralBank, { loanId: huangLoan.id, channel: "buy_out" });
  tb.clock.set("2026-09-30T20:30:00.000Z");
  await completeDisposal(tb.deps, who.ruralBank, { disposalId: disposal.id, costsFen: 1_000_00 });
  tb.clock.set("2026-10-20T02:00:00.000Z");
  await allocateLoss(tb.deps, who.ruralBank, { loanId: huangLoan.id });
  return { productId, linLoanId: linLoan.id, huangLoanId: huangLoan.id };
}

export interface BalanceCase {
  readonly title: string;
  readonly countyCode: string | null;
  /** The period's last day: the balance is as of its end. */
  readonly to: string;
  readonly balance: Fen;
  readonly balanceByCounty: Readonly<Record<string, Fen>>;
  readonly entitiesWithBalance: number;
  readonly productsWithBalance: number;
}

const FUAN = "350981";
const XIAPU = "350921";

/** What the dashboards of the balance story show at each period end (from 1 January 2026). */
export const balanceCases: readonly BalanceCase[] = [
  {
    title: "before any loan: no balance",
    countyCode: null,
    to: "2026-02-28",
    balance: 0,
    balanceByCounty: {},
    entitiesWithBalance: 0,
    productsWithBalance: 0,
  },
  {
    title: "March end: both loans at their full principal",
    countyCode: null,
    to: "2026-03-31",
    balance: 300_000_00,
    balanceByCounty: { [FUAN]: 150_000_00, [XIAPU]: 150_000_00 },
    entitiesWithBalance: 2,
    productsWithBalance: 1,
  },
  {
    title: "the day before the April repayment: still the full principal",
    countyCode: FUAN,
    to: "2026-04-19",
    balance: 150_000_00,
    balanceByCounty: { [FUAN]: 150_000_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "April end: 林阿伯's loan less the 50,000 yuan repaid on 20 April",
    countyCode: null,
    to: "2026-04-30",
    balance: 250_000_00,
    balanceByCounty: { [FUAN]: 100_000_00, [XIAPU]: 150_000_00 },
    entitiesWithBalance: 2,
    productsWithBalance: 1,
  },
  {
    title: "May end: the loan repaid in June still counts (福安)",
    countyCode: FUAN,
    to: "2026-05-31",
    balance: 100_000_00,
    balanceByCounty: { [FUAN]: 100_000_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "June end: the loan repaid on 15 June no longer counts (福安)",
    countyCode: FUAN,
    to: "2026-06-30",
    balance: 0,
    balanceByCounty: {},
    entitiesWithBalance: 0,
    productsWithBalance: 0,
  },
  {
    title: "June end, city: only 黄先生's overdue loan; interest arrears are not balance",
    countyCode: null,
    to: "2026-06-30",
    balance: 150_000_00,
    balanceByCounty: { [XIAPU]: 150_000_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "30 September: defaulted and being disposed of, the principal still outstanding (霞浦)",
    countyCode: XIAPU,
    to: "2026-09-30",
    balance: 150_000_00,
    balanceByCounty: { [XIAPU]: 150_000_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "1 October: the disposal's 108,500 yuan applied to principal that business date (霞浦)",
    countyCode: XIAPU,
    to: "2026-10-01",
    balance: 41_500_00,
    balanceByCounty: { [XIAPU]: 41_500_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "19 October: the shortfall is still owed until the loss is shared",
    countyCode: null,
    to: "2026-10-19",
    balance: 41_500_00,
    balanceByCounty: { [XIAPU]: 41_500_00 },
    entitiesWithBalance: 1,
    productsWithBalance: 1,
  },
  {
    title: "October end: the 41,500 yuan written off on 20 October leaves no balance",
    countyCode: null,
    to: "2026-10-31",
    balance: 0,
    balanceByCounty: {},
    entitiesWithBalance: 0,
    productsWithBalance: 0,
  },
];
