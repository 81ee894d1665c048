import * as v from "valibot";
import {
  businessDateOf,
  DomainError,
  type Principal,
  requireRole,
  validateMobile,
  valueAsOf,
} from "../../kernel/mod.ts";
import type { Application } from "../domain/application.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import { CATALOGUE_RULE, type Product } from "../domain/product.ts";
import { contactDueAt } from "../rules/contact-deadline.ts";
import { isFirstLoanApplicant } from "../rules/first-loan.ts";
import { concludeDueAt } from "../rules/long-unfinished.ts";
import { commitDataRelease } from "./commit-data-release.ts";
import { storeDataSubject, validDataSubject } from "./data-subject.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { productApplicationPurpose } from "./grant-consent.ts";
import { dataSubjectInputSchema, idSchema, monthsSchema, positiveFenSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { fetchReleaseRecords, prepareDataRelease } from "./prepare-data-release.ts";
import { recordChange } from "./record-change.ts";
import type { RequestInstantDecision } from "./request-instant-decision.ts";
import { verifyApplyCode } from "./verify-apply-code.ts";
import { type ApplicationView, applicationView } from "./views.ts";

/**
 * Apply for a product, on the web or from a 码上贷 code. In order: input and identities
 * validated; product, amount and term checked; QR code verified (MKT-R08); consent checked
 * (MKT-R01) and categories minimised (MKT-R02); data fetched live and the first-loan flag found
 * (MKT-R07) — all before any write. Then one transaction: consent re-checked under lock,
 * application with its deadlines (MKT-R04/R05), push log (MKT-R03), code conversion, audit and
 * outbox. Finally a direct-connect product is decided at once (MKT-R06).
 */
export const submitApplicationInput = v.strictObject({
  productId: idSchema,
  consentId: idSchema,
  applicant: v.strictObject({ ...dataSubjectInputSchema.entries, name: textSchema(100) }),
  contactMobile: v.pipe(v.string("must be text"), v.maxLength(20, "is too long")),
  amount: positiveFenSchema,
  termMonths: monthsSchema,
  applyCodeToken: v.optional(v.pipe(v.string(), v.maxLength(512))),
});

export type SubmitApplicationDeps = Pick<
  MarketplaceDeps,
  | "uow"
  | "clock"
  | "ids"
  | "hasher"
  | "cipher"
  | "blindIndex"
  | "policy"
  | "calendar"
  | "regionCode"
  | "creditData"
  | "applyCodeSigner"
>;

export interface SubmittedApplication {
  readonly application: ApplicationView;
  readonly push: {
    readonly id: string;
    readonly categories: readonly string[];
    readonly contentHash: string;
    readonly recordCount: number;
  };
}

function invalid(message: string, field: string): never {
  throw new DomainError(message, { ruleId: CATALOGUE_RULE, field });
}

export class SubmitApplication {
  readonly #deps: SubmitApplicationDeps;
  readonly #instant: RequestInstantDecision;

  constructor(deps: SubmitApplicationDeps, instant: RequestInstantDecision) {
    this.#deps = deps;
    this.#instant = instant;
  }

  async execute(input: unknown, principal: Principal): Promise<SubmittedApplication> {
    const d = this.#deps;
    const parsed = parseInput(submitApplicationInput, input, CATALOGUE_RULE);
    requireRole(principal, "citizen");
    const now = d.clock.now();
    const subject = validDataSubject(parsed.applicant, now, "applicant.idNumber");
    const mobile = validateMobile(parsed.contactMobile, "contactMobile");

    const offered = await d.uow.run((tx) => tx.products.getWithInstitutionStatus(parsed.productId));
    const product = offered?.product;
    if (
      !product ||
      product.regionCode !== d.regionCode ||
      product.status !== "ACTIVE" ||
      offered?.institutionStatus !== "ACTIVE"
    ) {
      throw new DomainError("product not found", { ruleId: CATALOGUE_RULE, kind: "not_found", field: "productId" });
    }
    checkTerms(product, parsed.amount, parsed.termMonths);
    let code: ApplyCode | undefined;
    if (parsed.applyCodeToken !== undefined) {
      code = await verifyApplyCode(d, parsed.applyCodeToken, now);
      if (code.productId !== product.id) invalid("the QR code is for another product", "applyCodeToken");
    }

    const prepared = await prepareDataRelease(
      d,
      {
        consentId: parsed.consentId,
        subject,
        recipientInstitutionId: product.institutionId,
        purpose: productApplicationPurpose(product),
        needs: product.dataNeeds,
      },
      principal,
      now,
    );
    const today = businessDateOf(now);
    const loanCategories = valueAsOf(d.policy.firstLoan.loanCategories, today, "firstLoan.loanCategories");
    const [records, loanRecords] = await Promise.all([
      fetchReleaseRecords(d, prepared, (r) => d.creditData.fetch(r)),
      this.#loanRecords(subject, loanCategories, today),
    ]);
    const firstLoan = isFirstLoanApplicant(loanRecords, loanCategories, subject.idNumber);

    const committed = await d.uow.run(async (tx) => {
      const id = d.ids.next("app");
      const { push, content } = await commitDataRelease(tx, d, prepared, records, {
        principal,
        now,
        applicationId: id,
      });
      const app: Application = {
        id,
        regionCode: d.regionCode,
        productId: product.id,
        institutionId: product.institutionId,
        productType: product.type,
        channel: product.channel,
        specialActions: product.specialActions,
        subjectRef: principal.subjectRef as string,
        applicant: storeDataSubject(subject, d.blindIndex, d.cipher),
        applicantName: parsed.applicant.name,
        contactMobileCipher: d.cipher.encrypt(mobile),
        amountRequested: parsed.amount,
        termMonths: parsed.termMonths,
        consentId: prepared.consent.id,
        pushId: push.id,
        source: code ? "qr" : "web",
        applyCodeId: code?.id ?? null,
        branchId: code?.branchId ?? null,
        managerId: code?.managerId ?? null,
        firstLoan,
        state: "SUBMITTED",
        submittedAt: now,
        submittedOn: today,
        contactDueAt: contactDueAt(now, d.calendar, d.policy),
        concludeDueAt: concludeDueAt(now, d.calendar, d.policy),
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
      if (code) await tx.applyCodes.countApplication(code.id);
      await recordChange(tx, {
        regionCode: app.regionCode,
        principal,
        action: "marketplace.application.submit",
        objectType: "application",
        objectId: app.id,
        detail: { productId: app.productId, institutionId: app.institutionId, pushId: push.id, source: app.source },
        event: {
          type: "marketplace.application.submitted",
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
        },
      });
      return { app, push, content };
    });

    let app = committed.app;
    if (product.channel === "direct") {
      app = await this.#instant.decide(
        { app, product, push: committed.push, content: committed.content, applicant: subject },
        principal,
      );
    }
    const { push } = committed;
    return {
      application: applicationView(app, d.cipher, principal, mobile),
      push: { id: push.id, categories: push.categories, contentHash: push.contentHash, recordCount: push.recordCount },
    };
  }

  /** MKT-R07: the platform's own check of loan records; reduced to a flag, never stored or pushed. */
  async #loanRecords(
    subject: { idKind: "resident-id" | "uscc"; idNumber: string },
    categories: readonly string[],
    today: string,
  ) {
    try {
      return await this.#deps.creditData.fetch({
        regionCode: this.#deps.regionCode,
        subject,
        categories,
        period: { from: "1900-01-01", to: today },
        purpose: "first-loan-check",
      });
    } catch {
      throw new DomainError("the public-credit data source did not answer; nothing was submitted, please try again", {
        ruleId: "KRN-R10",
        kind: "unavailable",
      });
    }
  }
}

function checkTerms(product: Product, amount: number, termMonths: number): void {
  if (amount < product.amountMin || amount > product.amountMax) {
    invalid("the amount is outside the product's range", "amount");
  }
  if (termMonths < product.termMonthsMin || termMonths > product.termMonthsMax) {
    invalid("the term is outside the product's range", "termMonths");
  }
}
