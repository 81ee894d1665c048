import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { APPLICATION_LIFECYCLE, type Application, applyApplicationEvent } from "../domain/application.ts";
import { approvalOutsideTerms } from "../rules/instant-decision.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { bpSchema, idSchema, monthsSchema, positiveFenSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type ApplicationView, applicationView } from "./views.ts";

/**
 * Outcome backflow (数据回流): the institution the application is addressed to records contact,
 * approval (amount, rate, term within the product's terms), rejection (with a reason),
 * disbursement (at most the approved amount) or the applicant declining the approved offer. Its
 * queue and the real-time report follow at once. Used by staff pages and by verified gateway
 * callbacks alike.
 */
export const recordOutcomeInput = v.variant("event", [
  v.strictObject({
    applicationId: idSchema,
    event: v.literal("contact"),
    institutionReference: v.optional(textSchema(100)),
  }),
  v.strictObject({
    applicationId: idSchema,
    event: v.literal("approve"),
    amountGranted: positiveFenSchema,
    rateBp: bpSchema,
    grantedTermMonths: monthsSchema,
    institutionReference: v.optional(textSchema(100)),
  }),
  v.strictObject({
    applicationId: idSchema,
    event: v.literal("reject"),
    reason: textSchema(500),
    institutionReference: v.optional(textSchema(100)),
  }),
  v.strictObject({ applicationId: idSchema, event: v.literal("disburse"), amountDisbursed: positiveFenSchema }),
  v.strictObject({ applicationId: idSchema, event: v.literal("decline"), reason: v.optional(textSchema(500)) }),
]);

export class RecordApplicationOutcome {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<ApplicationView> {
    const d = this.#deps;
    const p = parseInput(recordOutcomeInput, input, APPLICATION_LIFECYCLE);
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const app = await tx.applications.getForUpdate(p.applicationId);
      if (!app || app.regionCode !== d.regionCode) {
        throw new DomainError("application not found", { ruleId: "MKT-R09", kind: "not_found" });
      }
      assertActsFor(principal, app.institutionId, app.regionCode, "application");
      let next: Application;
      switch (p.event) {
        case "approve": {
          const product = await tx.products.get(app.productId);
          const wrong = product
            ? approvalOutsideTerms(
                { amountGranted: p.amountGranted, rateBp: p.rateBp, termMonths: p.grantedTermMonths },
                product,
              )
            : "product missing";
          if (wrong) throw new DomainError(wrong, { ruleId: APPLICATION_LIFECYCLE, field: "amountGranted" });
          next = applyApplicationEvent(app, "approve", now, {
            amountGranted: p.amountGranted,
            rateBp: p.rateBp,
            grantedTermMonths: p.grantedTermMonths,
            ...(p.institutionReference ? { institutionReference: p.institutionReference } : {}),
          });
          break;
        }
        case "disburse":
          if (app.amountGranted !== null && p.amountDisbursed > app.amountGranted) {
            throw new DomainError("the disbursed amount is above the approved amount", {
              ruleId: APPLICATION_LIFECYCLE,
              field: "amountDisbursed",
            });
          }
          next = applyApplicationEvent(app, "disburse", now, { amountDisbursed: p.amountDisbursed });
          break;
        case "reject":
          next = applyApplicationEvent(app, "reject", now, {
            reason: p.reason,
            ...(p.institutionReference ? { institutionReference: p.institutionReference } : {}),
          });
          break;
        case "contact":
          next = applyApplicationEvent(
            app,
            "contact",
            now,
            p.institutionReference ? { institutionReference: p.institutionReference } : {},
          );
          break;
        case "decline":
          next = applyApplicationEvent(app, "decline", now, p.reason ? { reason: p.reason } : {});
          break;
      }
      await tx.applications.update(next);
      const eventType = {
        contact: "contacted",
        approve: "approved",
        reject: "rejected",
        disburse: "disbursed",
        decline: "declined-by-applicant",
      }[p.event];
      await recordChange(tx, {
        regionCode: next.regionCode,
        principal,
        action: `marketplace.application.${p.event}`,
        objectType: "application",
        objectId: next.id,
        detail: { from: app.state, to: next.state },
        event: {
          type: `marketplace.application.${eventType}`,
          payload: {
            applicationId: next.id,
            institutionId: next.institutionId,
            state: next.state,
            amountGranted: next.amountGranted,
            amountDisbursed: next.amountDisbursed,
            contactedLate: next.contactedAt !== null && next.contactedAt.getTime() >= next.contactDueAt.getTime(),
          },
        },
      });
      return applicationView(next, d.cipher, principal);
    });
  }
}
