import type { AuditEntryInput, OutboxEventInput } from "../../kernel/mod.ts";
import type { Application } from "../domain/application.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import type { Consent } from "../domain/consent.ts";
import type { Institution } from "../domain/institution.ts";
import type { MortgageRegistration } from "../domain/mortgage-registration.ts";
import type { Product } from "../domain/product.ts";
import type { PushRecord } from "../domain/push-record.ts";
import type { MarketplaceQueries, MarketplaceTx, MarketplaceUnitOfWork } from "../marketplace.ports.ts";
import { computeFigures } from "../rules/figures.ts";
import { buildInstitutionReport, inReportColumn, type ReportSnapshot } from "../rules/institution-report.ts";
import { searchProducts } from "../rules/product-filter.ts";

/**
 * In-memory persistence for the core's use-case tests: one state, transactions that run one at
 * a time and roll back on a throw (writes, audit entries and outbox events alike), and the
 * read-side queries answered with the core's own pure rules.
 */
interface State {
  institutions: Map<string, Institution>;
  products: Map<string, Product>;
  consents: Map<string, Consent>;
  pushes: Map<string, PushRecord>;
  applications: Map<string, Application>;
  applyCodes: Map<string, ApplyCode>;
  mortgageRegistrations: Map<string, MortgageRegistration>;
  reportSnapshots: Map<string, ReportSnapshot>;
  audit: AuditEntryInput[];
  outbox: OutboxEventInput[];
}

const emptyState = (): State => ({
  institutions: new Map(),
  products: new Map(),
  consents: new Map(),
  pushes: new Map(),
  applications: new Map(),
  applyCodes: new Map(),
  mortgageRegistrations: new Map(),
  reportSnapshots: new Map(),
  audit: [],
  outbox: [],
});

function byNewest<T>(items: T[], at: (t: T) => Date): T[] {
  return items.sort((a, b) => at(b).getTime() - at(a).getTime());
}

function table<T extends { id: string }>(m: () => Map<string, T>, what: string) {
  return {
    get: async (id: string) => structuredClone(m().get(id)),
    getForUpdate: async (id: string) => structuredClone(m().get(id)),
    insert: async (row: T) => {
      if (m().has(row.id)) throw new Error(`duplicate ${what} id ${row.id}`);
      m().set(row.id, structuredClone(row));
    },
    update: async (row: T) => {
      if (!m().has(row.id)) throw new Error(`no ${what} ${row.id} to update`);
      m().set(row.id, structuredClone(row));
    },
  };
}

export class InMemoryMarketplaceStore implements MarketplaceUnitOfWork, MarketplaceQueries {
  #state: State = emptyState();
  #queue: Promise<unknown> = Promise.resolve();
  /** Set to make the next transaction throw just before it commits (rollback tests). */
  failNextCommit: Error | undefined;

  get state(): Readonly<State> {
    return this.#state;
  }

  get audit(): readonly AuditEntryInput[] {
    return this.#state.audit;
  }

  get outbox(): readonly OutboxEventInput[] {
    return this.#state.outbox;
  }

  run<T>(work: (tx: MarketplaceTx) => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      const before = structuredClone(this.#state);
      try {
        const result = await work(this.#tx());
        if (this.failNextCommit) {
          const e = this.failNextCommit;
          this.failNextCommit = undefined;
          throw e;
        }
        return result;
      } catch (e) {
        this.#state = before;
        throw e;
      }
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #tx(): MarketplaceTx {
    const s = () => this.#state;
    const products = table(() => s().products, "product");
    const consents = table(() => s().consents, "consent");
    const pushes = table(() => s().pushes, "push");
    const codes = table(() => s().applyCodes, "apply code");
    const regs = table(() => s().mortgageRegistrations, "mortgage registration");
    const snaps = table(() => s().reportSnapshots, "report snapshot");
    const bump = (id: string, field: "scans" | "applications") => {
      const c = s().applyCodes.get(id);
      if (!c) throw new Error(`no apply code ${id}`);
      s().applyCodes.set(id, { ...c, [field]: c[field] + 1 });
    };
    return {
      institutions: {
        ...table(() => s().institutions, "institution"),
        listByRegion: async (regionCode) =>
          structuredClone([...s().institutions.values()].filter((i) => i.regionCode === regionCode)),
      },
      products: {
        ...products,
        getWithInstitutionStatus: async (id) => {
          const product = s().products.get(id);
          if (!product) return undefined;
          return {
            product: structuredClone(product),
            institutionStatus: s().institutions.get(product.institutionId)?.status,
          };
        },
        search: async (q) => structuredClone(searchProducts([...s().products.values()], q)),
      },
      consents: {
        ...consents,
        listBySubject: async (subjectRef, regionCode) =>
          structuredClone(
            byNewest(
              [...s().consents.values()].filter((c) => c.subjectRef === subjectRef && c.regionCode === regionCode),
              (c) => c.grantedAt,
            ),
          ),
        listExpired: async (regionCode, now, limit) =>
          structuredClone(
            [...s().consents.values()]
              .filter((c) => c.regionCode === regionCode && c.status === "ACTIVE" && c.expiresAt <= now)
              .slice(0, limit),
          ),
      },
      pushes: {
        ...pushes,
        listBySubject: async (subjectRef, regionCode) =>
          structuredClone(
            byNewest(
              [...s().pushes.values()].filter((p) => p.subjectRef === subjectRef && p.regionCode === regionCode),
              (p) => p.pushedAt,
            ),
          ),
        listByRecipient: async (institutionId, regionCode, applicationId) =>
          structuredClone(
            byNewest(
              [...s().pushes.values()].filter(
                (p) =>
                  p.recipientInstitutionId === institutionId &&
                  p.regionCode === regionCode &&
                  (applicationId === undefined || p.applicationId === applicationId),
              ),
              (p) => p.pushedAt,
            ),
          ),
        listPastDataLife: async (regionCode, now, limit) =>
          structuredClone(
            [...s().pushes.values()]
              .filter((p) => p.regionCode === regionCode && p.payloadCipher !== null && p.retainUntil <= now)
              .slice(0, limit),
          ),
      },
      applications: table(() => s().applications, "application"),
      applyCodes: {
        get: codes.get,
        insert: codes.insert,
        setStatus: async (id, status) => {
          const c = s().applyCodes.get(id);
          if (!c) throw new Error(`no apply code ${id}`);
          s().applyCodes.set(id, { ...c, status });
        },
        countScan: async (id) => bump(id, "scans"),
        countApplication: async (id) => bump(id, "applications"),
      },
      mortgageRegistrations: {
        ...regs,
        findByApplication: async (applicationId) =>
          structuredClone([...s().mortgageRegistrations.values()].find((r) => r.applicationId === applicationId)),
      },
      reportSnapshots: {
        insert: snaps.insert,
        get: snaps.get,
        list: async (regionCode, limit) =>
          structuredClone(
            byNewest(
              [...s().reportSnapshots.values()].filter((r) => r.regionCode === regionCode),
              (r) => r.takenAt,
            ).slice(0, limit),
          ),
      },
      audit: { append: async (e) => void s().audit.push(structuredClone(e)) },
      outbox: { enqueue: async (e) => void s().outbox.push(structuredClone(e)) },
    };
  }

  async institutionReport(q: { regionCode: string; now: Date; institutionId?: string }) {
    const ids = q.institutionId
      ? [q.institutionId]
      : [...this.#state.institutions.values()].filter((i) => i.regionCode === q.regionCode).map((i) => i.id);
    return buildInstitutionReport(q.regionCode, this.#state.applications.values(), q.now, ids);
  }

  async reportList(q: Parameters<MarketplaceQueries["reportList"]>[0]) {
    const all = [...this.#state.applications.values()]
      .filter(
        (a) =>
          a.regionCode === q.regionCode &&
          (q.institutionId === undefined || a.institutionId === q.institutionId) &&
          inReportColumn(a, q.column, q.now),
      )
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1));
    return { items: structuredClone(all.slice(q.offset, q.offset + q.limit)), total: all.length };
  }

  async figures(q: Parameters<MarketplaceQueries["figures"]>[0]) {
    return computeFigures(this.#state.applications.values(), q);
  }
}
