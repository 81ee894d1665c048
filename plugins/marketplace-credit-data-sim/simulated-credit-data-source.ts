import { addDays, addMonths, isIsoDate } from "../../core/kernel/mod.ts";
import type {
  CreditDataCatalogue,
  CreditDataRecord,
  CreditDataRequest,
  CreditDataSource,
} from "../../core/marketplace/mod.ts";
import { type CategorySim, categorySims, genericSim } from "./credit-record-fields.ts";
import { Seeded } from "./seeded.ts";

export interface CreditDataSimOptions {
  /** Simulated response time of the aggregation platform. */
  readonly latencyMs: number;
  /** Categories whose records are loans (one record per loan). */
  readonly loanCategories: readonly string[];
  /** Identity number → number of loans, overriding the drawn count (the demo story's people). */
  readonly loanCounts: Readonly<Record<string, number>>;
  /** The region's catalogue: a category its subjects kind does not cover returns nothing. */
  readonly catalogue?: CreditDataCatalogue;
}

const BANKS = ["农业银行", "建设银行", "兴业银行", "龙岩农商银行", "邮储银行", "工商银行"];
/** Monthly and yearly series never reach further back than this (a long period stays cheap). */
const MAX_SERIES_YEARS = 10;

/** Last day of the month of `date`. */
function monthEnd(date: string): string {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/**
 * SIMULATOR of the region's public-credit data-aggregation platform (龙岩市政务数据汇聚平台):
 * live, deterministic data per subject. Each category yields the observations its frequency
 * gives inside the asked period: one per month or year that has ended by the period's end, a
 * current status at the period's end, or a few dated events (drawn per subject, category and
 * year, so they do not depend on the period asked). Loan categories give one record per loan
 * (MKT-R07). Nothing is cached: every call computes afresh, as a live source answers.
 */
export class SimulatedCreditDataSource implements CreditDataSource {
  readonly #o: CreditDataSimOptions;

  constructor(options: CreditDataSimOptions) {
    this.#o = options;
  }

  async fetch(req: CreditDataRequest): Promise<readonly CreditDataRecord[]> {
    if (this.#o.latencyMs > 0) await new Promise((r) => setTimeout(r, this.#o.latencyMs));
    const { from, to } = req.period;
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) return [];
    const id = req.subject.idNumber;
    const organisation = req.subject.idKind === "uscc";
    const size = 0.2 + 4.8 * new Seeded(id, "size").next() ** 2;
    const out: CreditDataRecord[] = [];
    for (const category of new Set(req.categories)) {
      if (!this.#covers(category, organisation)) continue;
      if (this.#o.loanCategories.includes(category)) {
        out.push(...this.#loans(id, category, from, to));
        continue;
      }
      const sim = categorySims[category] ?? genericSim;
      for (const on of this.#observations(sim, id, category, from, to)) {
        out.push({
          category,
          subjectId: id,
          observedOn: on,
          fields: sim.fields(new Seeded(id, category, on), { on, size, organisation }),
        });
      }
    }
    return out;
  }

  #covers(category: string, organisation: boolean): boolean {
    const c = this.#o.catalogue?.categories.find((x) => x.code === category);
    return c === undefined || c.subjects.includes(organisation ? "organisation" : "person");
  }

  #observations(sim: CategorySim, id: string, category: string, from: string, to: string): string[] {
    const floor = addMonths(to, -12 * MAX_SERIES_YEARS);
    const start = from > floor ? from : floor;
    const out: string[] = [];
    switch (sim.frequency) {
      case "status":
        return [to];
      case "monthly":
        for (let m = monthEnd(start); m <= to; m = monthEnd(addDays(m, 1))) if (m >= start) out.push(m);
        return out;
      case "yearly":
        for (let y = Number(start.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
          const end = `${String(y).padStart(4, "0")}-12-31`;
          if (end >= start && end <= to) out.push(end);
        }
        return out;
      case "events": {
        const { max, chance } = sim.events ?? { max: 1, chance: 0.1 };
        for (let y = Number(start.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
          const r = new Seeded(id, category, "events", y);
          if (!r.chance(chance / 2)) continue;
          const n = r.int(1, max);
          for (let i = 0; i < n; i++) {
            const on = addDays(`${String(y).padStart(4, "0")}-01-01`, r.int(0, 364));
            if (on >= start && on <= to) out.push(on);
          }
        }
        return out.sort();
      }
    }
  }

  #loans(id: string, category: string, from: string, to: string): CreditDataRecord[] {
    const r = new Seeded(id, "loans");
    const count = this.#o.loanCounts[id] ?? (r.chance(0.35) ? 0 : r.int(1, 4));
    const out: CreditDataRecord[] = [];
    for (let i = 0; i < count; i++) {
      const l = new Seeded(id, "loan", i);
      const on = addDays("2015-01-01", l.int(0, 3650));
      if (on < from || on > to) continue;
      const termMonths = l.pick([12, 24, 36, 60]);
      out.push({
        category,
        subjectId: id,
        observedOn: on,
        fields: {
          lender: l.pick(BANKS),
          amountFen: l.int(2, 300) * 1_000_000,
          termMonths,
          status: addMonths(on, termMonths) < to ? "repaid" : "outstanding",
        },
      });
    }
    return out.sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0));
  }
}
