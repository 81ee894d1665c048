import * as v from "valibot";
import { type Principal, valueAsOf } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { Lien, Loan, MortgageApplication } from "../domain/lending.ts";
import type { DisposalChannel, LossAllocation } from "../domain/market.ts";
import { daysOverdue, disposalChannels } from "../rules/disposal.ts";
import { rankLiens } from "../rules/lien-ranking.ts";
import { canSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf } from "./support/record.ts";
import { type DisposalView, disposalView, type FactorView, factorView } from "./support/views.ts";

export const getLoanInput = v.object({ loanId: id("loanId") });

export interface LoanDetail {
  readonly loan: Loan;
  readonly application: MortgageApplication | null;
  readonly product: CreditProduct | null;
  /** The loan's liens, each with its rank among the active liens of its unit (null once ended). */
  readonly liens: readonly (Lien & { readonly rank: number | null })[];
  readonly factors: readonly FactorView[];
  readonly disposals: readonly DisposalView[];
  /** FAC-R09 how its loss was shared, once it was. */
  readonly loss: LossAllocation | null;
  /** FAC-R08 as of today: days overdue, the pack's trigger, and the channels the county offers. */
  readonly trigger: {
    readonly daysOverdue: number;
    readonly triggerDays: number;
    readonly channels: readonly DisposalChannel[];
  };
}

/**
 * A loan with its liens (ranked, FAC-R06), collateral, disposals and loss allocation, for
 * whoever may see its collateral: the holder, the bank, guarantor and insurer, the county's
 * regulators (KRN-R06; anyone else reads "not found").
 */
export async function getLoan(deps: FactorsDeps, principal: Principal, input: unknown): Promise<LoanDetail> {
  const i = parseInput(getLoanInput, input);
  const act = actOf(principal, deps.clock.now());
  const detail = await deps.uow.run(async (tx) => {
    const loan = await tx.loans.get(deps.regionCode, i.loanId);
    if (!loan) throw notFound("loan", "loanId");
    const unitLiens = await Promise.all(loan.unitIds.map((u) => tx.liens.listByUnit(deps.regionCode, u)));
    const ranked = new Map(unitLiens.flatMap((ls) => rankLiens(ls).map((l, k) => [l.id, k + 1] as const)));
    const liens = unitLiens.flat().filter((l) => l.loanId === loan.id);
    const ids = [...new Set(liens.flatMap((l) => l.factorIds))].sort();
    const factors = await tx.factors.getMany(deps.regionCode, ids);
    if (!factors.some((f) => canSeeFactor(principal, f))) throw notFound("loan", "loanId");
    const [application, product, loss] = await Promise.all([
      tx.applications.get(deps.regionCode, loan.applicationId),
      tx.products.get(deps.regionCode, loan.productId),
      tx.losses.forLoan(deps.regionCode, loan.id),
    ]);
    return {
      loan,
      application,
      product,
      liens: liens.map((l) => ({ ...l, rank: l.status === "active" ? (ranked.get(l.id) ?? null) : null })),
      factors: factors.map((f) => factorView(principal, f)),
      loss,
    };
  });
  const disposals = await deps.queries.disposals({ regionCode: deps.regionCode, loanId: detail.loan.id, limit: 20 });
  const policy = deps.policyFor(detail.loan.countyCode);
  return {
    ...detail,
    disposals: disposals.map(disposalView),
    trigger: {
      daysOverdue: daysOverdue(detail.loan.overdueSince, act.today),
      triggerDays: valueAsOf(policy.disposal.overdueDaysTrigger, act.today, "factors.disposal.overdueDaysTrigger"),
      channels: disposalChannels(policy, detail.loan.countyCode, act.today),
    },
  };
}
