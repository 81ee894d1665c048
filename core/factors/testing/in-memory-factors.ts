import type { AuditEntryInput, Fen, OutboxEventInput } from "../../kernel/mod.ts";
import type { MarineBundle, Objection, Valuation } from "../domain/collateral.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { Factor } from "../domain/factor.ts";
import type { FactorEvent } from "../domain/factor-event.ts";
import type { Lien, Loan, MortgageApplication, PrincipalMovement } from "../domain/lending.ts";
import type { Disposal, LossAllocation, TransferListing } from "../domain/market.ts";
import type { FactorsTx, FactorsUnitOfWork } from "../factors.ports.ts";

/** Everything the in-memory store holds; tests read it to check what was (not) written. */
export interface FactorsState {
  factors: Map<string, Factor>;
  events: FactorEvent[];
  bundles: Map<string, MarineBundle>;
  objections: Map<string, Objection>;
  valuations: Valuation[];
  products: Map<string, CreditProduct>;
  applications: Map<string, MortgageApplication>;
  liens: Map<string, Lien>;
  loans: Map<string, Loan>;
  /** Dated principal movements, in the order appended. */
  movements: PrincipalMovement[];
  listings: Map<string, TransferListing>;
  disposals: Map<string, Disposal>;
  losses: Map<string, LossAllocation>;
  audit: AuditEntryInput[];
  outbox: OutboxEventInput[];
}

export function emptyFactorsState(): FactorsState {
  return {
    factors: new Map(),
    events: [],
    bundles: new Map(),
    objections: new Map(),
    valuations: [],
    products: new Map(),
    applications: new Map(),
    liens: new Map(),
    loans: new Map(),
    movements: [],
    listings: new Map(),
    disposals: new Map(),
    losses: new Map(),
    audit: [],
    outbox: [],
  };
}

type Versioned = { id: string; regionCode: string; version: number };

function versioned<T extends Versioned>(map: Map<string, T>) {
  return {
    get: async (regionCode: string, id: string) => {
      const row = map.get(id);
      return row && row.regionCode === regionCode ? row : null;
    },
    insert: async (row: T) => {
      if (map.has(row.id)) throw new Error(`duplicate id ${row.id}`);
      map.set(row.id, row);
    },
    update: async (row: T) => {
      const cur = map.get(row.id);
      if (!cur || cur.version !== row.version - 1) return false;
      map.set(row.id, row);
      return true;
    },
  };
}

function txOver(s: FactorsState): FactorsTx {
  const factors = versioned(s.factors);
  const inRegion = <T extends { regionCode: string }>(rows: Iterable<T>, regionCode: string) =>
    [...rows].filter((r) => r.regionCode === regionCode);
  return {
    factors: {
      ...factors,
      getMany: async (regionCode, ids) =>
        ids.map((id) => s.factors.get(id)).filter((f): f is Factor => f !== undefined && f.regionCode === regionCode),
      appendEvent: async (e) => {
        if (s.events.some((x) => x.factorId === e.factorId && x.seq === e.seq)) throw new Error("duplicate event seq");
        s.events.push(e);
      },
      history: async (regionCode, factorId) =>
        s.events.filter((e) => e.factorId === factorId && e.regionCode === regionCode).sort((a, b) => a.seq - b.seq),
    },
    bundles: {
      get: async (regionCode, id) => {
        const b = s.bundles.get(id);
        return b && b.regionCode === regionCode ? b : null;
      },
      insert: async (b) => {
        s.bundles.set(b.id, b);
      },
    },
    objections: {
      insert: async (o) => {
        s.objections.set(o.id, o);
      },
      update: async (o) => {
        s.objections.set(o.id, o);
      },
      listByFactor: async (regionCode, factorId) =>
        inRegion(s.objections.values(), regionCode).filter((o) => o.factorId === factorId),
    },
    valuations: {
      insert: async (v) => {
        s.valuations.push(v);
      },
      latestForUnit: async (regionCode, unitId) =>
        inRegion(s.valuations, regionCode)
          .filter((v) => v.unitId === unitId)
          .sort((a, b) =>
            a.valuedOn === b.valuedOn ? a.createdAt.localeCompare(b.createdAt) : a.valuedOn.localeCompare(b.valuedOn),
          )
          .at(-1) ?? null,
    },
    products: versioned(s.products),
    applications: versioned(s.applications),
    liens: {
      listByUnit: async (regionCode, unitId) =>
        inRegion(s.liens.values(), regionCode).filter((l) => l.unitId === unitId),
      insert: async (l) => {
        s.liens.set(l.id, l);
      },
      update: async (l) => {
        s.liens.set(l.id, l);
      },
    },
    loans: {
      ...versioned(s.loans),
      getMany: async (regionCode, ids) =>
        ids.map((id) => s.loans.get(id)).filter((l): l is Loan => l !== undefined && l.regionCode === regionCode),
      appendMovement: async (m) => {
        if (s.movements.some((x) => x.loanId === m.loanId && x.loanVersion === m.loanVersion)) {
          throw new Error(`duplicate principal movement ${m.loanId}@${m.loanVersion}`);
        }
        s.movements.push(m);
      },
    },
    listings: {
      ...versioned(s.listings),
      openForUnit: async (regionCode, unitId) =>
        inRegion(s.listings.values(), regionCode).find((l) => l.unitId === unitId && l.status === "open") ?? null,
    },
    disposals: {
      ...versioned(s.disposals),
      openForUnit: async (regionCode, unitId) =>
        inRegion(s.disposals.values(), regionCode).find((d) => d.unitId === unitId && d.status === "open") ?? null,
    },
    losses: {
      forLoan: async (regionCode, loanId) =>
        inRegion(s.losses.values(), regionCode).find((l) => l.loanId === loanId) ?? null,
      fundTotalForYear: async (regionCode, countyCode, year) =>
        inRegion(s.losses.values(), regionCode)
          .filter((l) => l.year === year && l.countyCode === countyCode)
          .reduce((sum: Fen, l) => sum + l.parts.governmentFund, 0),
      insert: async (l) => {
        s.losses.set(l.id, l);
      },
    },
    audit: {
      append: async (e) => {
        s.audit.push(e);
      },
    },
    outbox: {
      enqueue: async (e) => {
        s.outbox.push(e);
      },
    },
  };
}

/**
 * A unit of work over an in-memory store with real all-or-nothing semantics: the work runs on a
 * copy, which replaces the store only when the work completes; an error leaves the store as it was.
 */
export class InMemoryFactorsStore implements FactorsUnitOfWork {
  state: FactorsState = emptyFactorsState();
  /** Transactions committed, for tests that check nothing was written. */
  commits = 0;

  async run<T>(work: (tx: FactorsTx) => Promise<T>): Promise<T> {
    const copy = structuredClone(this.state);
    const result = await work(txOver(copy));
    this.state = copy;
    this.commits++;
    return result;
  }
}
