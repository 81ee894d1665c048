import * as v from "valibot";
import { DomainError, type Principal, requireRole } from "../../kernel/mod.ts";
import { type Application, applyApplicationEvent } from "../domain/application.ts";
import type { DataSubject } from "../domain/data-subject.ts";
import type { Product } from "../domain/product.ts";
import type { PushRecord } from "../domain/push-record.ts";
import type { LenderDecisionRequest } from "../marketplace.ports.ts";
import { INSTANT_DECISION_RULE, instantDecisionBudgetMs, instantDecisionEffect } from "../rules/instant-decision.ts";
import type { PushContent } from "../rules/push-log.ts";
import { openDataSubject } from "./data-subject.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type ApplicationView, applicationView } from "./views.ts";
import { withinBudget } from "./within-budget.ts";

/**
 * MKT-R06 instant decision. Asks the direct-connect institution's LenderGateway within the
 * budget in force on the submission date; approves or rejects at once on a valid answer, and on a
 * timeout, failure or malformed answer leaves the application in the manual queue, marked as
 * fallen back (counted against the institution). The gateway call happens outside any
 * transaction; the outcome is written in one. Asking again after an answer is recorded changes
 * nothing.
 */
export type RequestInstantDecisionDeps = Pick<
  MarketplaceDeps,
  "uow" | "clock" | "timer" | "cipher" | "lenders" | "policy" | "regionCode"
>;

export interface DecisionContext {
  readonly app: Application;
  readonly product: Product;
  readonly push: PushRecord;
  readonly content: PushContent;
  readonly applicant: DataSubject;
}

export class RequestInstantDecision {
  readonly #deps: RequestInstantDecisionDeps;

  constructor(deps: RequestInstantDecisionDeps) {
    this.#deps = deps;
  }

  /** Retry entry point for operators and jobs (platform admin): loads what `decide` needs. */
  async execute(input: unknown, principal: Principal): Promise<ApplicationView> {
    requireRole(principal, "platform_admin");
    const { applicationId } = parseInput(v.strictObject({ applicationId: idSchema }), input, INSTANT_DECISION_RULE);
    const d = this.#deps;
    const ctx = await d.uow.run(async (tx) => {
      const app = await tx.applications.get(applicationId);
      if (!app || app.regionCode !== d.regionCode) {
        throw new DomainError("application not found", { ruleId: INSTANT_DECISION_RULE, kind: "not_found" });
      }
      const product = await tx.products.get(app.productId);
      const push = await tx.pushes.get(app.pushId);
      if (!product || !push)
        throw new DomainError("application data missing", { ruleId: INSTANT_DECISION_RULE, kind: "conflict" });
      return { app, product, push };
    });
    if (ctx.push.payloadCipher === null) {
      throw new DomainError("the pushed data is past its data life; the application stays in the manual queue", {
        ruleId: INSTANT_DECISION_RULE,
        kind: "conflict",
      });
    }
    const content = JSON.parse(d.cipher.decrypt(ctx.push.payloadCipher)) as PushContent;
    const decided = await this.decide(
      { ...ctx, content, applicant: openDataSubject(ctx.app.applicant, d.cipher) },
      principal,
    );
    return applicationView(decided, d.cipher, principal);
  }

  async decide(ctx: DecisionContext, principal: Principal | "system"): Promise<Application> {
    const d = this.#deps;
    const { app, product } = ctx;
    if (product.channel !== "direct" || app.state !== "SUBMITTED" || app.instantDecision !== null) {
      throw new DomainError("only a submitted direct-connect application without an answer can be decided instantly", {
        ruleId: INSTANT_DECISION_RULE,
        kind: "conflict",
      });
    }
    const budgetMs = instantDecisionBudgetMs(d.policy, app.submittedOn);
    const request: LenderDecisionRequest = {
      applicationId: app.id,
      regionCode: app.regionCode,
      institutionId: app.institutionId,
      productId: app.productId,
      applicant: { ...ctx.applicant, name: app.applicantName },
      amountRequested: app.amountRequested,
      termMonths: app.termMonths,
      firstLoan: app.firstLoan,
      push: {
        pushId: ctx.push.id,
        contentHash: ctx.push.contentHash,
        categories: ctx.content.categories,
        dataPeriod: ctx.content.dataPeriod,
        records: ctx.content.records,
      },
    };
    const started = d.clock.now();
    const attempt = await withinBudget(d.timer, budgetMs, (signal) =>
      d.lenders.requestDecision(request, { signal, budgetMs }),
    );
    const at = d.clock.now();
    const effect = instantDecisionEffect(attempt, product, at, Math.max(0, at.getTime() - started.getTime()));
    return d.uow.run(async (tx) => {
      const current = await tx.applications.getForUpdate(app.id);
      if (!current)
        throw new DomainError("application not found", { ruleId: INSTANT_DECISION_RULE, kind: "not_found" });
      if (current.instantDecision !== null) return current;
      let next: Application = { ...current, instantDecision: effect.record, fellBackToManual: effect.fellBackToManual };
      if (effect.event && next.state === "SUBMITTED")
        next = applyApplicationEvent(next, effect.event, at, effect.details);
      await tx.applications.update(next);
      const type = effect.fellBackToManual
        ? "marketplace.application.instant-fallback"
        : effect.event === "approve"
          ? "marketplace.application.approved"
          : effect.event === "reject"
            ? "marketplace.application.rejected"
            : "marketplace.application.referred";
      await recordChange(tx, {
        regionCode: next.regionCode,
        principal,
        action: "marketplace.application.instant-decision",
        objectType: "application",
        objectId: next.id,
        detail: { outcome: effect.record.outcome, latencyMs: effect.record.latencyMs, error: effect.record.error },
        event: {
          type,
          payload: {
            applicationId: next.id,
            institutionId: next.institutionId,
            outcome: effect.record.outcome,
            state: next.state,
            latencyMs: effect.record.latencyMs,
          },
        },
      });
      return next;
    });
  }
}
