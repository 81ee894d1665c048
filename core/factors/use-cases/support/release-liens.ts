import type { Lien, Loan } from "../../domain/lending.ts";
import type { FactorsTx } from "../../factors.ports.ts";
import type { FactorsDeps } from "./deps.ts";
import { loadUnit } from "./load.ts";
import { type Act, recordFactorEvent } from "./record.ts";

/**
 * A repaid loan's liens are released (FAC-R06): each unit's factors are ACTIVE again once no
 * other lien remains on them.
 */
export async function releaseLoanLiens(
  deps: Pick<FactorsDeps, "policyFor">,
  tx: FactorsTx,
  loan: Loan,
  act: Act,
): Promise<void> {
  for (const unitId of loan.unitIds) {
    const liens = await tx.liens.listByUnit(loan.regionCode, unitId);
    const lien = liens.find((l) => l.loanId === loan.id && l.status === "active");
    if (!lien) continue;
    const released: Lien = { ...lien, status: "released", endedAt: act.at };
    await tx.liens.update(released);
    const othersActive = liens.some((l) => l.id !== lien.id && l.status === "active");
    const { factors } = await loadUnit(tx, loan.regionCode, deps.policyFor, lien.factorIds, act.today, true);
    for (const f of factors) {
      if (f.status !== "ENCUMBERED") continue;
      await recordFactorEvent(
        tx,
        f,
        "lien_released",
        {
          to: othersActive ? "ENCUMBERED" : "ACTIVE",
          reason: "loan repaid in full; lien released",
          ruleId: "FAC-R06",
          data: { lienId: lien.id, loanId: loan.id },
        },
        act,
      );
    }
  }
}
