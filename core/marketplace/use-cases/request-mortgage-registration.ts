import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { MORTGAGE_REGISTRATION, type MortgageRegistration } from "../domain/mortgage-registration.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema, positiveFenSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * 抵押登记云办理: after approving a mortgage product, the lender opens the online registration
 * for the property. One registration per application; the secured amount is at most the amount
 * approved.
 */
export const requestMortgageRegistrationInput = v.strictObject({
  applicationId: idSchema,
  titleCertificateNo: textSchema(60),
  address: textSchema(300),
  securedAmount: positiveFenSchema,
});

export class RequestMortgageRegistration {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<MortgageRegistration> {
    const d = this.#deps;
    const p = parseInput(requestMortgageRegistrationInput, input, MORTGAGE_REGISTRATION);
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const app = await tx.applications.getForUpdate(p.applicationId);
      if (!app || app.regionCode !== d.regionCode) {
        throw new DomainError("application not found", { ruleId: "MKT-R09", kind: "not_found" });
      }
      assertActsFor(principal, app.institutionId, app.regionCode, "application");
      if (app.productType !== "mortgage") {
        throw new DomainError("only a mortgage product's application gets a mortgage registration", {
          ruleId: MORTGAGE_REGISTRATION,
          field: "applicationId",
        });
      }
      if (app.state !== "APPROVED") {
        throw new DomainError("a mortgage is registered after approval and before disbursement", {
          ruleId: MORTGAGE_REGISTRATION,
          kind: "conflict",
          field: "applicationId",
        });
      }
      if (app.amountGranted !== null && p.securedAmount > app.amountGranted) {
        throw new DomainError("the secured amount is above the approved amount", {
          ruleId: MORTGAGE_REGISTRATION,
          field: "securedAmount",
        });
      }
      if (await tx.mortgageRegistrations.findByApplication(app.id)) {
        throw new DomainError("this application already has a mortgage registration", {
          ruleId: MORTGAGE_REGISTRATION,
          kind: "conflict",
          field: "applicationId",
        });
      }
      const reg: MortgageRegistration = {
        id: d.ids.next("mreg"),
        regionCode: app.regionCode,
        applicationId: app.id,
        institutionId: app.institutionId,
        subjectRef: app.subjectRef,
        property: { titleCertificateNo: p.titleCertificateNo, address: p.address },
        securedAmount: p.securedAmount,
        state: "REQUESTED",
        requestedAt: now,
        branchId: null,
        signedAt: null,
        submittedAt: null,
        registryRef: null,
        registeredAt: null,
        registrationCertificateNo: null,
        refusedReason: null,
        attempts: 0,
        lastError: null,
      };
      await tx.mortgageRegistrations.insert(reg);
      await recordChange(tx, {
        regionCode: reg.regionCode,
        principal,
        action: "marketplace.mortgage-registration.request",
        objectType: "mortgage-registration",
        objectId: reg.id,
        detail: { applicationId: app.id, securedAmount: reg.securedAmount },
        event: {
          type: "marketplace.mortgage-registration.requested",
          payload: { registrationId: reg.id, applicationId: app.id, institutionId: app.institutionId },
        },
      });
      return reg;
    });
  }
}
