import { businessDateOf, type Fen } from "../../kernel/mod.ts";
import type { DashboardFigures, DashboardQuery } from "../domain/dashboard.ts";
import type { FundClaim, FundClaimsQuery } from "../domain/fund-ledger.ts";
import type { FactorsStatistics } from "../factors.ports.ts";
import type { FactorsState } from "./in-memory-factors.ts";

function add(map: Record<string, Fen>, key: string, amount: Fen): void {
  map[key] = (map[key] ?? 0) + amount;
}

/**
 * The dashboard figures computed over the in-memory store: the reference the SQL adapter's
 * aggregates must agree with. A loan's balance on the period's last day is its principal (when
 * booked by then) plus its principal movements dated by then; loans, borrowers and products
 * "with a balance" are those whose balance on that day is above zero.
 */
export class InMemoryStatistics implements FactorsStatistics {
  readonly #state: () => FactorsState;
  constructor(state: () => FactorsState) {
    this.#state = state;
  }

  async figures(q: DashboardQuery): Promise<DashboardFigures> {
    const s = this.#state();
    const inScope = (r: { regionCode: string; countyCode: string }) =>
      r.regionCode === q.regionCode && (q.countyCode === null || r.countyCode === q.countyCode);
    const loans = [...s.loans.values()].filter(inScope);
    const booked = loans.filter((l) => l.startedOn >= q.from && l.startedOn <= q.to);
    // The balance as of `to`: principal booked by then plus the principal movements dated by then.
    const moved = new Map<string, Fen>();
    for (const m of s.movements) if (m.on <= q.to) moved.set(m.loanId, (moved.get(m.loanId) ?? 0) + m.change);
    const open = loans
      .filter((l) => l.startedOn <= q.to)
      .map((l) => ({ loan: l, balance: l.principal + (moved.get(l.id) ?? 0) }))
      .filter((x) => x.balance > 0);
    const typeOfUnit = (unitId: string): string => {
      const b = s.bundles.get(unitId);
      if (b) return "bundle";
      return s.factors.get(unitId)?.typeCode ?? "unknown";
    };
    const balanceByCounty: Record<string, Fen> = {};
    const balanceByType: Record<string, Fen> = {};
    const balanceByProduct: Record<string, Fen> = {};
    for (const { loan: l, balance } of open) {
      add(balanceByCounty, l.countyCode, balance);
      add(balanceByType, typeOfUnit(l.unitIds[0] ?? ""), balance);
      add(balanceByProduct, l.productId, balance);
    }
    const factorsByStatus: Record<string, number> = {};
    for (const f of s.factors.values())
      if (inScope(f)) factorsByStatus[f.status] = (factorsByStatus[f.status] ?? 0) + 1;
    // KRN-R03: a disposal counts on the Asia/Shanghai business date it completed.
    const completedOn = (d: { completedAt: string | null }) =>
      d.completedAt === null ? "" : businessDateOf(new Date(d.completedAt));
    const disposals = [...s.disposals.values()].filter(
      (d) => inScope(d) && d.status === "completed" && completedOn(d) >= q.from && completedOn(d) <= q.to,
    );
    const losses = [...s.losses.values()].filter((l) => inScope(l) && l.allocatedOn >= q.from && l.allocatedOn <= q.to);
    return {
      entitiesFinanced: new Set(booked.map((l) => l.borrowerRef)).size,
      loansBooked: booked.length,
      amountBooked: booked.reduce((sum, l) => sum + l.principal, 0),
      balance: open.reduce((sum, x) => sum + x.balance, 0),
      balanceByCounty,
      balanceByType,
      balanceByProduct,
      factorsByStatus,
      entitiesWithBalance: new Set(open.map((x) => x.loan.borrowerRef)).size,
      // KRN-R03: a product counts from the Asia/Shanghai business date it was defined.
      productsOffered: [...s.products.values()].filter(
        (p) => p.regionCode === q.regionCode && p.status === "active" && businessDateOf(new Date(p.createdAt)) <= q.to,
      ).length,
      productsWithBalance: new Set(open.map((x) => x.loan.productId)).size,
      disposals: { completed: disposals.length, proceeds: disposals.reduce((sum, d) => sum + (d.proceeds ?? 0), 0) },
      lossesByParty: {
        bank: losses.reduce((sum, l) => sum + l.parts.bank, 0),
        guarantor: losses.reduce((sum, l) => sum + l.parts.guarantor, 0),
        insurer: losses.reduce((sum, l) => sum + l.parts.insurer, 0),
        governmentFund: losses.reduce((sum, l) => sum + l.parts.governmentFund, 0),
      },
    };
  }

  async fundClaims(q: FundClaimsQuery): Promise<readonly FundClaim[]> {
    const s = this.#state();
    return [...s.losses.values()]
      .filter(
        (a) =>
          a.regionCode === q.regionCode &&
          a.year === q.year &&
          a.parts.governmentFund > 0 &&
          (q.countyCodes === null || q.countyCodes.includes(a.countyCode)),
      )
      .sort(
        (a, b) =>
          a.allocatedOn.localeCompare(b.allocatedOn) ||
          a.createdAt.localeCompare(b.createdAt) ||
          a.id.localeCompare(b.id),
      )
      .map((a) => {
        const loan = s.loans.get(a.loanId);
        return {
          allocationId: a.id,
          loanId: a.loanId,
          countyCode: a.countyCode,
          bankId: a.bankId,
          productId: loan?.productId ?? "",
          guarantorId: a.guarantorId,
          insurerId: a.insurerId,
          principal: loan?.principal ?? 0,
          startedOn: loan?.startedOn ?? "",
          loss: a.loss,
          fundPart: a.parts.governmentFund,
          allocatedOn: a.allocatedOn,
        };
      });
  }
}
