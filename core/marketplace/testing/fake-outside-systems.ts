import type { CreditDataRecord } from "../domain/credit-data.ts";
import type {
  CreditDataRequest,
  CreditDataSource,
  LenderDecision,
  LenderDecisionRequest,
  LenderGateway,
  RealEstateRegistry,
  RegistryStatus,
  RegistrySubmission,
} from "../marketplace.ports.ts";

/** Test doubles of the outside systems, with call logs and switchable behaviour. */

/**
 * Returns one record per requested category and month of the period for the asked subject,
 * plus (when `leaky`) records a careless source might add: another subject, an unasked
 * category and a date outside the period. Loan records come from `loansBySubject`.
 */
export class FakeCreditDataSource implements CreditDataSource {
  readonly calls: CreditDataRequest[] = [];
  leaky = false;
  failWith: Error | undefined;
  loansBySubject = new Map<string, number>();

  async fetch(req: CreditDataRequest): Promise<readonly CreditDataRecord[]> {
    this.calls.push(req);
    if (this.failWith) throw this.failWith;
    const out: CreditDataRecord[] = [];
    const id = req.subject.idNumber;
    for (const category of req.categories) {
      if (category === "finance.loan-records") {
        const n = this.loansBySubject.get(id) ?? 0;
        for (let i = 0; i < n; i++)
          out.push({ category, subjectId: id, observedOn: req.period.to, fields: { loan: i + 1 } });
        continue;
      }
      out.push({
        category,
        subjectId: id,
        observedOn: req.period.to,
        fields: { value: `${category}@${req.period.to}` },
      });
      out.push({
        category,
        subjectId: id,
        observedOn: req.period.from,
        fields: { value: `${category}@${req.period.from}` },
      });
    }
    if (this.leaky) {
      out.push({
        category: req.categories[0] ?? "x",
        subjectId: "OTHER-SUBJECT",
        observedOn: req.period.to,
        fields: { leak: 1 },
      });
      out.push({ category: "court.dishonest", subjectId: id, observedOn: req.period.to, fields: { leak: 2 } });
      out.push({ category: req.categories[0] ?? "x", subjectId: id, observedOn: "1999-01-01", fields: { leak: 3 } });
    }
    return out;
  }
}

export type LenderBehaviour =
  | { readonly kind: "answer"; readonly answer: LenderDecision }
  | { readonly kind: "hang" }
  | { readonly kind: "fail"; readonly error: string };

export class FakeLenderGateway implements LenderGateway {
  readonly calls: LenderDecisionRequest[] = [];
  behaviour: LenderBehaviour = {
    kind: "answer",
    answer: { decision: "approved", amountGranted: 10_000_000, rateBp: 425, termMonths: 12, reference: "BANK-1" },
  };

  requestDecision(req: LenderDecisionRequest, options: { signal: AbortSignal }): Promise<LenderDecision> {
    this.calls.push(req);
    const b = this.behaviour;
    if (b.kind === "answer") return Promise.resolve(b.answer);
    if (b.kind === "fail") return Promise.reject(new Error(b.error));
    return new Promise((_resolve, reject) => {
      options.signal.addEventListener("abort", () => reject(new Error("aborted")));
    });
  }
}

export class FakeRealEstateRegistry implements RealEstateRegistry {
  readonly submissions: RegistrySubmission[] = [];
  failWith: Error | undefined;
  statusByRef = new Map<string, RegistryStatus>();

  async submit(s: RegistrySubmission): Promise<{ registryRef: string }> {
    if (this.failWith) throw this.failWith;
    this.submissions.push(s);
    return { registryRef: `REG-${s.registrationId}` };
  }

  async status(ref: string): Promise<RegistryStatus> {
    if (this.failWith) throw this.failWith;
    return this.statusByRef.get(ref) ?? { state: "pending" };
  }
}
