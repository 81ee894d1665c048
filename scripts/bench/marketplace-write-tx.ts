import { businessDateOf, type Principal } from "../../core/kernel/mod.ts";
import {
  type Application,
  type CreditDataRecord,
  commitDataRelease,
  concludeDueAt,
  contactDueAt,
  fetchReleaseRecords,
  type MarketplaceDeps,
  type PreparedRelease,
  prepareDataRelease,
  productApplicationPurpose,
} from "../../core/marketplace/mod.ts";
import type { Worker } from "./marketplace-write-path.ts";

/**
 * The write transaction of SubmitApplication on its own — what the issue calls the write path:
 * the consent read again under its row lock and checked (MKT-R01), the minimised records hashed,
 * sealed and logged as the push (MKT-R02/R03), the application with its deadlines (MKT-R04/R05)
 * and the identity and mobile sealed (KRN-R04), the audit entries and outbox events (KRN-R07/R09)
 * — built with the core's own exported steps, in the same order, in one unit of work. What the
 * use case does before it (input validation, the live data fetch, the first-loan check) is done
 * once per worker beforehand.
 */
export interface WriteTx {
  run(): Promise<void>;
}

export async function prepareWriteTx(deps: MarketplaceDeps, worker: Worker): Promise<WriteTx> {
  const input = worker.input as {
    productId: string;
    consentId: string;
    applicant: { idKind: "resident-id" | "uscc"; idNumber: string; name: string };
    contactMobile: string;
    amount: number;
    termMonths: number;
  };
  const p: Principal = worker.principal;
  const product = await deps.uow.run((tx) => tx.products.get(input.productId));
  if (!product) throw new Error(`bench product ${input.productId} missing`);
  const subject = { idKind: input.applicant.idKind, idNumber: input.applicant.idNumber };
  const now = deps.clock.now();
  const prepared: PreparedRelease = await prepareDataRelease(
    deps,
    {
      consentId: input.consentId,
      subject,
      recipientInstitutionId: product.institutionId,
      purpose: productApplicationPurpose(product),
      needs: product.dataNeeds,
    },
    p,
    now,
  );
  const records: CreditDataRecord[] = await fetchReleaseRecords(deps, prepared, (r) => deps.creditData.fetch(r));
  return {
    async run() {
      const at = deps.clock.now();
      await deps.uow.run(async (tx) => {
        const id = deps.ids.next("app");
        const { push } = await commitDataRelease(tx, deps, prepared, records, {
          principal: p,
          now: at,
          applicationId: id,
        });
        const app: Application = {
          id,
          regionCode: deps.regionCode,
          productId: product.id,
          institutionId: product.institutionId,
          productType: product.type,
          channel: product.channel,
          specialActions: product.specialActions,
          subjectRef: p.subjectRef as string,
          applicant: {
            idKind: subject.idKind,
            idIndex: deps.blindIndex.index(subject.idKind, subject.idNumber),
            idCipher: deps.cipher.encrypt(subject.idNumber),
          },
          applicantName: input.applicant.name,
          contactMobileCipher: deps.cipher.encrypt(input.contactMobile),
          amountRequested: input.amount,
          termMonths: input.termMonths,
          consentId: prepared.consent.id,
          pushId: push.id,
          source: "web",
          applyCodeId: null,
          branchId: null,
          managerId: null,
          firstLoan: false,
          state: "SUBMITTED",
          submittedAt: at,
          submittedOn: businessDateOf(at),
          contactDueAt: contactDueAt(at, deps.calendar, deps.policy),
          concludeDueAt: concludeDueAt(at, deps.calendar, deps.policy),
          contactedAt: null,
          decidedAt: null,
          concludedAt: null,
          amountGranted: null,
          rateBp: null,
          grantedTermMonths: null,
          amountDisbursed: null,
          disbursedAt: null,
          reason: null,
          institutionReference: null,
          instantDecision: null,
          fellBackToManual: false,
        };
        await tx.applications.insert(app);
        await tx.audit.append({
          regionCode: app.regionCode,
          actor: p.id,
          action: "marketplace.application.submit",
          objectType: "application",
          objectId: app.id,
          outcome: "ok",
          detail: { productId: app.productId, institutionId: app.institutionId, pushId: push.id, source: app.source },
        });
        await tx.outbox.enqueue({
          regionCode: app.regionCode,
          type: "marketplace.application.submitted",
          aggregateId: app.id,
          payload: {
            applicationId: app.id,
            productId: app.productId,
            institutionId: app.institutionId,
            channel: app.channel,
            amountRequested: app.amountRequested,
            firstLoan: app.firstLoan,
            applyCodeId: app.applyCodeId,
            contactDueAt: app.contactDueAt.toISOString(),
          },
        });
      });
    },
  };
}
