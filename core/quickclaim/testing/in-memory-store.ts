import {
  type AuditEntryInput,
  businessDateOf,
  DomainError,
  inRegion,
  type OutboxEventInput,
} from "../../kernel/mod.ts";
import type { Claim } from "../domain/claim.ts";
import type { PaymentAttempt } from "../domain/payment-attempt.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import type { Survey } from "../domain/survey.ts";
import type {
  CaseSummary,
  ClaimSummary,
  FigureGroup,
  FigureQuery,
  QuickClaimQueries,
  QuickClaimTx,
  QuickClaimUnitOfWork,
} from "../quickclaim.ports.ts";
import { aggregateFigureInputs } from "../rules/figures.ts";

interface State {
  cases: Map<string, QuickClaimCase>;
  claims: Map<string, Claim>;
  payments: Map<string, PaymentAttempt>;
  surveys: Map<string, Survey>;
  serials: Map<string, number>;
  audit: AuditEntryInput[];
  outbox: OutboxEventInput[];
}

const conflict = (message: string) => new DomainError(message, { ruleId: "KRN-R09", kind: "conflict" });

function checkedUpdate<T extends { version: number }>(map: Map<string, T>, key: string, next: T, what: string): void {
  const stored = map.get(key);
  if (!stored) throw new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found" });
  if (stored.version !== next.version - 1) throw conflict(`${what} was changed by someone else`);
  map.set(key, next);
}

/**
 * In-memory fake of the quick-claim persistence for use-case tests: `run` serialises units of
 * work (like row locks would) and restores the previous state when the work throws, so a failed
 * use case leaves nothing behind. `crashNextCommit` makes the next commit fail after the work
 * ran, as a process kill before COMMIT would.
 */
export class InMemoryQuickClaimStore implements QuickClaimUnitOfWork, QuickClaimQueries {
  #state: State = {
    cases: new Map(),
    claims: new Map(),
    payments: new Map(),
    surveys: new Map(),
    serials: new Map(),
    audit: [],
    outbox: [],
  };
  #queue: Promise<void> = Promise.resolve();
  crashNextCommit = false;
  commits = 0;

  get audit(): readonly AuditEntryInput[] {
    return this.#state.audit;
  }
  get outbox(): readonly OutboxEventInput[] {
    return this.#state.outbox;
  }
  case(id: string): QuickClaimCase | undefined {
    return this.#state.cases.get(id);
  }
  claim(id: string): Claim | undefined {
    return this.#state.claims.get(id);
  }
  payment(claimId: string): PaymentAttempt | undefined {
    return this.#state.payments.get(claimId);
  }
  allClaims(): Claim[] {
    return [...this.#state.claims.values()];
  }
  allCases(): QuickClaimCase[] {
    return [...this.#state.cases.values()];
  }
  /** Counts of everything stored, to show that a refused use case wrote nothing. */
  counts(): Record<string, number> {
    const s = this.#state;
    return {
      cases: s.cases.size,
      claims: s.claims.size,
      payments: s.payments.size,
      surveys: s.surveys.size,
      audit: s.audit.length,
      outbox: s.outbox.length,
    };
  }

  async run<T>(work: (tx: QuickClaimTx) => Promise<T>): Promise<T> {
    let release: () => void = () => {};
    const turn = new Promise<void>((r) => {
      release = r;
    });
    const before = this.#queue;
    this.#queue = before.then(() => turn);
    await before;
    const snapshot = structuredClone(this.#state);
    try {
      const result = await work(this.#tx());
      if (this.crashNextCommit) {
        this.crashNextCommit = false;
        throw new Error("simulated crash before commit");
      }
      this.commits += 1;
      return result;
    } catch (e) {
      this.#state = snapshot;
      throw e;
    } finally {
      release();
    }
  }

  #tx(): QuickClaimTx {
    const s = () => this.#state;
    return {
      cases: {
        get: async (id) => s().cases.get(id),
        getForUpdate: async (id) => s().cases.get(id),
        insert: async (c) => {
          if (s().cases.has(c.id)) throw conflict("case exists");
          s().cases.set(c.id, c);
        },
        update: async (next) => checkedUpdate(s().cases, next.id, next, "case"),
        nextLetterSerial: async (prefecture, year) => {
          const key = `${prefecture}/${year}`;
          const n = (s().serials.get(key) ?? 0) + 1;
          s().serials.set(key, n);
          return n;
        },
      },
      claims: {
        get: async (id) => s().claims.get(id),
        getForUpdate: async (id) => s().claims.get(id),
        findByParty: async (caseId, partyId) =>
          [...s().claims.values()].find((c) => c.caseId === caseId && c.partyId === partyId),
        listByCase: async (caseId) => [...s().claims.values()].filter((c) => c.caseId === caseId),
        insert: async (c) => {
          if ([...s().claims.values()].some((x) => x.caseId === c.caseId && x.partyId === c.partyId)) {
            throw new DomainError("this party has already made its claim", { ruleId: "QC-R07", kind: "conflict" });
          }
          s().claims.set(c.id, c);
        },
        update: async (next) => checkedUpdate(s().claims, next.id, next, "claim"),
      },
      payments: {
        getForClaim: async (claimId) => s().payments.get(claimId),
        insert: async (a) => {
          if (s().payments.has(a.claimId))
            throw new DomainError("the claim already has a payment record", { ruleId: "QC-R07", kind: "conflict" });
          s().payments.set(a.claimId, a);
        },
        update: async (next) => checkedUpdate(s().payments, next.claimId, next, "payment record"),
      },
      surveys: {
        findByParty: async (caseId, partyId) =>
          [...s().surveys.values()].find((x) => x.caseId === caseId && x.partyId === partyId),
        insert: async (x) => {
          s().surveys.set(x.id, x);
        },
      },
      audit: { append: async (e) => void s().audit.push(e) },
      outbox: { enqueue: async (e) => void s().outbox.push(e) },
    };
  }

  // ───── queries ─────
  async policeQueue(q: { regionCodes: readonly string[]; limit: number }): Promise<CaseSummary[]> {
    const who = { id: "q", roles: [], regionCodes: q.regionCodes } as const;
    return [...this.#state.cases.values()]
      .filter((c) => (c.status === "EVIDENCE_SUBMITTED" || c.status === "DETERMINED") && inRegion(who, c.regionCode))
      .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))
      .slice(0, q.limit)
      .map((c) => ({
        caseId: c.id,
        regionCode: c.regionCode,
        centreId: c.centreId,
        status: c.status,
        reportedAt: c.reportedAt,
        plates: c.parties.map((x) => x.plate),
        flaggedPhotos: c.photos.filter((x) => x.flags.length > 0).length,
      }));
  }

  async adjusterQueue(q: {
    insurerId: string;
    regionCodes: readonly string[];
    limit: number;
  }): Promise<ClaimSummary[]> {
    const who = { id: "q", roles: [], regionCodes: q.regionCodes } as const;
    const open = new Set(["OPEN", "ASSESSED", "ACCEPTED", "PAYING", "PAYMENT_FAILED"]);
    return [...this.#state.claims.values()]
      .filter((cl) => {
        const c = this.#state.cases.get(cl.caseId);
        return (
          open.has(cl.status) &&
          c !== undefined &&
          inRegion(who, c.regionCode) &&
          c.parties.some((x) => x.items?.insurerId === q.insurerId)
        );
      })
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
      .slice(0, q.limit)
      .map((cl) => ({
        claimId: cl.id,
        caseId: cl.caseId,
        regionCode: cl.regionCode,
        partyId: cl.partyId,
        status: cl.status,
        openedAt: cl.openedAt,
        payoutFen: cl.payoutFen,
      }));
  }

  async stalePayments(q: { before: string; limit: number }): Promise<string[]> {
    return [...this.#state.payments.values()]
      .filter((a) => (a.state === "PENDING" || a.state === "UNKNOWN") && a.leaseUntil <= q.before)
      .slice(0, q.limit)
      .map((a) => a.claimId);
  }

  async figureInputs(q: FigureQuery): Promise<FigureGroup[]> {
    const who = { id: "q", roles: [], regionCodes: [q.regionCode] } as const;
    const inPeriod = (iso: string) => {
      const d = businessDateOf(new Date(iso));
      return d >= q.from && d <= q.to;
    };
    const cases = [...this.#state.cases.values()].filter((c) => inRegion(who, c.regionCode) && inPeriod(c.reportedAt));
    const ids = new Set(cases.map((c) => c.id));
    const keyOf = (x: { centreId: string; regionCode: string }) =>
      q.groupBy === "centre" ? x.centreId : q.groupBy === "county" ? x.regionCode : q.regionCode;
    const keys = [...new Set(cases.map(keyOf))].sort();
    return keys.map((key) => {
      const mine = cases.filter((c) => keyOf(c) === key);
      const claims = [...this.#state.claims.values()].filter((cl) => ids.has(cl.caseId) && keyOf(cl) === key);
      const surveys = [...this.#state.surveys.values()].filter((x) => ids.has(x.caseId) && keyOf(x) === key);
      const inputs = aggregateFigureInputs(
        mine.map((c) => ({
          centreId: c.centreId,
          countyCode: c.regionCode,
          reportedAt: c.reportedAt,
          determinedAt: c.determinedAt,
          disputed: c.disputedAt !== null,
        })),
        claims.map((cl) => ({
          centreId: cl.centreId,
          countyCode: cl.regionCode,
          openedAt: cl.openedAt,
          paidAt: cl.paidAt,
        })),
        surveys.map((x) => ({
          centreId: x.centreId,
          countyCode: x.regionCode,
          satisfied: x.satisfied,
          suggestion: x.suggestion,
        })),
      );
      const recentSuggestions = surveys
        .filter((x) => x.suggestion !== null)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 20)
        .map((x) => x.suggestion as string);
      return { key, inputs, recentSuggestions };
    });
  }
}
