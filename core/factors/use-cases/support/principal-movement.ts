import type { Fen } from "../../../kernel/mod.ts";
import type { Loan, PrincipalMovementKind } from "../../domain/lending.ts";
import type { FactorsTx } from "../../factors.ports.ts";
import type { Act } from "./record.ts";

/**
 * Appends the dated movement of a loan's outstanding principal that `loan` (the version just
 * written) carries, in the same transaction: the dashboards compute a past date's balance from
 * these. A change of zero (a servicing report that moved only interest) records nothing.
 */
export async function recordPrincipalMovement(
  tx: FactorsTx,
  loan: Loan,
  kind: PrincipalMovementKind,
  change: Fen,
  act: Act,
): Promise<void> {
  if (change === 0) return;
  await tx.loans.appendMovement({
    regionCode: loan.regionCode,
    countyCode: loan.countyCode,
    loanId: loan.id,
    loanVersion: loan.version,
    kind,
    change,
    on: act.today,
    at: act.at,
    actor: act.principal.id,
  });
}
