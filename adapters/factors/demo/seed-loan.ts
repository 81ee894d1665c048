import { sql } from "kysely";
import { acceptMortgage, applyForMortgage, registerLien } from "../../../core/factors/mod.ts";
import type { Principal } from "../../../core/kernel/mod.ts";
import type { SeedWorld } from "./seed-world.ts";

export interface DemoLoan {
  readonly borrower: string;
  /** Who applies: the citizen, or the bank's staff serving the holder (代办). */
  readonly applicant: Principal;
  readonly product: string;
  readonly units: readonly (readonly string[])[];
  readonly amountFen: number;
  readonly termMonths: number;
  readonly rateBp: number;
  readonly labourFactorIds?: readonly string[];
}

/**
 * A mortgage loan of the demo, carried as far as it has got: applied, accepted by the bank,
 * liens registered and the loan booked. Each step looks first at what is stored, so a second
 * run continues where the first stopped. Returns the loan id.
 */
export async function demoLoan(w: SeedWorld, l: DemoLoan): Promise<string> {
  const productId = await w.product(l.product);
  const borrowerRef = w.holderRef(l.borrower);
  const find = async () =>
    (
      await sql<{ id: string; status: string; bank_id: string }>`select id, status, bank_id from factors.applications
        where region_code = ${w.deps.regionCode} and product_id = ${productId} and borrower_ref = ${borrowerRef}
          and status <> 'DECLINED' order by created_at limit 1`.execute(w.db)
    ).rows[0];
  let app = await find();
  if (!app) {
    const made = await applyForMortgage(w.deps, l.applicant, {
      productId,
      collateral: l.units.map((factorIds) => ({ factorIds: [...factorIds] })),
      amountFen: l.amountFen,
      termMonths: l.termMonths,
      labourFactorIds: [...(l.labourFactorIds ?? [])],
    });
    app = { id: made.id, status: made.status, bank_id: made.bankId };
  }
  const bank = w.staff(app.bank_id);
  if (app.status === "APPLIED") {
    await acceptMortgage(w.deps, bank, { applicationId: app.id, decision: "accept", rateBp: l.rateBp });
    app = { ...app, status: "ACCEPTED" };
  }
  if (app.status === "ACCEPTED") {
    const { loan } = await registerLien(w.deps, bank, { applicationId: app.id });
    w.note(`loan ${loan.id}: ${(loan.principal / 100).toFixed(2)} yuan to ${l.borrower} (${l.product})`);
    return loan.id;
  }
  const loan = await sql<{ id: string }>`select id from factors.loans where application_id = ${app.id}`.execute(w.db);
  const id = loan.rows[0]?.id;
  if (!id) throw new Error(`seed: application ${app.id} is ${app.status} without a loan`);
  return id;
}

export async function loanState(
  w: SeedWorld,
  loanId: string,
): Promise<{ status: string; hasLoss: boolean; openDisposal: string | null }> {
  const r = await sql<{ status: string; loss: string | null; disposal: string | null }>`
    select l.status,
      (select a.id from factors.loss_allocations a where a.loan_id = l.id) as loss,
      (select d.id from factors.disposals d where d.loan_id = l.id and d.status = 'open' limit 1) as disposal
    from factors.loans l where l.id = ${loanId}`.execute(w.db);
  const row = r.rows[0];
  if (!row) throw new Error(`seed: loan ${loanId} vanished`);
  return { status: row.status, hasLoss: row.loss !== null, openDisposal: row.disposal };
}
