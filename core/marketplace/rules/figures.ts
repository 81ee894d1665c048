import { businessDateOf, divRoundHalfUp, type Fen } from "../../kernel/mod.ts";
import type { Application } from "../domain/application.ts";

/**
 * Outcome figures (seed: 9,192 financings, 2,869 first-loan borrowers, 2.783 billion yuan,
 * 302,700 yuan average): financings, first-loan borrowers, amount granted and average per
 * financing, per institution / product / special action / month of decision.
 *
 * A financing is an application the institution approved with an amount (APPROVED or
 * DISBURSED; an approval the applicant declined is not a financing). Special-action groups
 * overlap (a product may sit in several columns) so they need not add up to the total; the
 * other groupings partition the financings exactly.
 */
export type FiguresGroupBy = "institution" | "product" | "special-action" | "month";

export interface FiguresQuery {
  readonly regionCode: string;
  /** Business dates (YYYY-MM-DD) of decision, both ends included. */
  readonly from?: string;
  readonly to?: string;
  readonly groupBy?: FiguresGroupBy;
  readonly institutionId?: string;
}

export interface FigureLine {
  readonly key: string;
  readonly financings: number;
  /** Distinct borrowers whose financing was their first loan (MKT-R07). */
  readonly firstLoanBorrowers: number;
  readonly amountGranted: Fen;
  /** amountGranted ÷ financings rounded half-up to the fen; null with no financing. */
  readonly averagePerFinancing: Fen | null;
}

export interface FiguresResult {
  readonly total: FigureLine;
  readonly groups: readonly FigureLine[];
}

export function isFinancing(app: Pick<Application, "state" | "amountGranted">): boolean {
  return (app.state === "APPROVED" || app.state === "DISBURSED") && app.amountGranted !== null;
}

class Acc {
  financings = 0;
  amount = 0n;
  readonly firstLoan = new Set<string>();
  add(app: Application): void {
    this.financings++;
    this.amount += BigInt(app.amountGranted ?? 0);
    if (app.firstLoan) this.firstLoan.add(app.applicant.idIndex);
  }
  line(key: string): FigureLine {
    const amountGranted = Number(this.amount);
    return {
      key,
      financings: this.financings,
      firstLoanBorrowers: this.firstLoan.size,
      amountGranted,
      averagePerFinancing: this.financings === 0 ? null : Number(divRoundHalfUp(this.amount, BigInt(this.financings))),
    };
  }
}

function keysOf(app: Application, by: FiguresGroupBy, decidedOn: string): readonly string[] {
  switch (by) {
    case "institution":
      return [app.institutionId];
    case "product":
      return [app.productId];
    case "special-action":
      return app.specialActions;
    case "month":
      return [decidedOn.slice(0, 7)];
  }
}

export function computeFigures(apps: Iterable<Application>, q: FiguresQuery): FiguresResult {
  const total = new Acc();
  const groups = new Map<string, Acc>();
  for (const app of apps) {
    if (app.regionCode !== q.regionCode || !isFinancing(app) || app.decidedAt === null) continue;
    if (q.institutionId !== undefined && app.institutionId !== q.institutionId) continue;
    const decidedOn = businessDateOf(app.decidedAt, "decidedAt");
    if ((q.from !== undefined && decidedOn < q.from) || (q.to !== undefined && decidedOn > q.to)) continue;
    total.add(app);
    if (q.groupBy === undefined) continue;
    for (const key of keysOf(app, q.groupBy, decidedOn)) {
      let acc = groups.get(key);
      if (!acc) {
        acc = new Acc();
        groups.set(key, acc);
      }
      acc.add(app);
    }
  }
  const lines = [...groups]
    .map(([key, acc]) => acc.line(key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: total.line("total"), groups: lines };
}
