import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { APPLICATION_LIFECYCLE, applyApplicationEvent } from "../domain/application.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";
import { type ApplicationView, applicationView } from "./views.ts";

/**
 * The applicant withdraws an open application (SUBMITTED or CONTACTED). A concluded one cannot
 * be withdrawn: a conflict naming the lifecycle, and nothing changes.
 */
export class WithdrawApplication {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<ApplicationView> {
    const d = this.#deps;
    const p = parseInput(
      v.strictObject({ applicationId: idSchema, reason: v.optional(textSchema(500)) }),
      input,
      APPLICATION_LIFECYCLE,
    );
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const app = await tx.applications.getForUpdate(p.applicationId);
      if (
        !app ||
        app.regionCode !== d.regionCode ||
        principal.subjectRef === undefined ||
        app.subjectRef !== principal.subjectRef
      ) {
        throw new DomainError("application not found", { ruleId: "MKT-R09", kind: "not_found" });
      }
      const next = applyApplicationEvent(app, "withdraw", now, p.reason ? { reason: p.reason } : {});
      await tx.applications.update(next);
      await recordChange(tx, {
        regionCode: next.regionCode,
        principal,
        action: "marketplace.application.withdraw",
        objectType: "application",
        objectId: next.id,
        detail: { from: app.state },
        event: {
          type: "marketplace.application.withdrawn",
          payload: { applicationId: next.id, institutionId: next.institutionId },
        },
      });
      return applicationView(next, d.cipher, principal);
    });
  }
}
