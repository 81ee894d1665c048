import * as v from "valibot";
import { DomainError, hasRole, type Principal } from "../../kernel/mod.ts";
import {
  MORTGAGE_REGISTRATION,
  type MortgageRegistration,
  moveMortgageRegistration,
} from "../domain/mortgage-registration.ts";
import type { RegistryStatus } from "../marketplace.ports.ts";
import { assertActsFor } from "../rules/institution-isolation.ts";
import { openDataSubject } from "./data-subject.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * Sends a signed registration to the real-estate registry (`submit`) and follows it to the
 * registry's answer (`sync`). Registry calls happen outside any transaction; when the registry
 * does not answer, the registration stays where it was with the attempt and error recorded
 * (KRN-R10) and the call can be repeated — the registry treats the same registration id as one
 * request.
 */
type Deps = Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "registry" | "regionCode">;

function allowed(p: Principal, reg: MortgageRegistration): void {
  if (hasRole(p, "platform_admin")) return;
  assertActsFor(p, reg.institutionId, reg.regionCode, "mortgage registration");
}

export class SubmitMortgageRegistration {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async submit(input: unknown, principal: Principal): Promise<MortgageRegistration> {
    const d = this.#deps;
    const { registrationId } = parseInput(v.strictObject({ registrationId: idSchema }), input, MORTGAGE_REGISTRATION);
    const { reg, app } = await this.#load(registrationId, principal);
    if (reg.state !== "SIGNED_AT_BRANCH") moveMortgageRegistration(reg, "submit");
    let ref: string;
    try {
      ({ registryRef: ref } = await d.registry.submit({
        registrationId: reg.id,
        regionCode: reg.regionCode,
        institutionId: reg.institutionId,
        branchId: reg.branchId as string,
        titleCertificateNo: reg.property.titleCertificateNo,
        address: reg.property.address,
        securedAmount: reg.securedAmount,
        mortgagor: openDataSubject(app.applicant, d.cipher),
      }));
    } catch (e) {
      return this.#failed(reg.id, principal, e);
    }
    return this.#update(reg.id, principal, "submitted", (r) => ({
      ...r,
      state: moveMortgageRegistration(r, "submit"),
      registryRef: ref,
      submittedAt: d.clock.now(),
      attempts: r.attempts + 1,
      lastError: null,
    }));
  }

  async sync(input: unknown, principal: Principal): Promise<MortgageRegistration> {
    const d = this.#deps;
    const { registrationId } = parseInput(v.strictObject({ registrationId: idSchema }), input, MORTGAGE_REGISTRATION);
    const { reg } = await this.#load(registrationId, principal);
    if (reg.state !== "SUBMITTED" || reg.registryRef === null) return reg;
    let status: RegistryStatus;
    try {
      status = await d.registry.status(reg.registryRef);
    } catch (e) {
      return this.#failed(reg.id, principal, e);
    }
    if (status.state === "pending") return reg;
    if (status.state === "registered") {
      return this.#update(reg.id, principal, "registered", (r) => ({
        ...r,
        state: moveMortgageRegistration(r, "register"),
        registeredAt: status.registeredAt,
        registrationCertificateNo: status.registrationCertificateNo,
        lastError: null,
      }));
    }
    return this.#update(reg.id, principal, "refused", (r) => ({
      ...r,
      state: moveMortgageRegistration(r, "refuse"),
      refusedReason: status.reason,
      lastError: null,
    }));
  }

  async #load(id: string, principal: Principal) {
    const d = this.#deps;
    const found = await d.uow.run(async (tx) => {
      const reg = await tx.mortgageRegistrations.get(id);
      const app = reg ? await tx.applications.get(reg.applicationId) : undefined;
      return { reg, app };
    });
    if (!found.reg || !found.app || found.reg.regionCode !== d.regionCode) {
      throw new DomainError("mortgage registration not found", { ruleId: "MKT-R09", kind: "not_found" });
    }
    allowed(principal, found.reg);
    return { reg: found.reg, app: found.app };
  }

  async #failed(id: string, principal: Principal, e: unknown): Promise<MortgageRegistration> {
    const error = e instanceof Error ? e.message.slice(0, 200) : "registry call failed";
    return this.#update(id, principal, "registry-failed", (r) => ({
      ...r,
      attempts: r.attempts + 1,
      lastError: error,
    }));
  }

  async #update(
    id: string,
    principal: Principal,
    verb: string,
    change: (r: MortgageRegistration) => MortgageRegistration,
  ): Promise<MortgageRegistration> {
    const d = this.#deps;
    return d.uow.run(async (tx) => {
      const current = await tx.mortgageRegistrations.getForUpdate(id);
      if (!current) throw new DomainError("mortgage registration not found", { ruleId: "MKT-R09", kind: "not_found" });
      const next = change(current);
      await tx.mortgageRegistrations.update(next);
      await recordChange(tx, {
        regionCode: next.regionCode,
        principal,
        action: `marketplace.mortgage-registration.${verb}`,
        objectType: "mortgage-registration",
        objectId: next.id,
        detail: { from: current.state, to: next.state, attempts: next.attempts, error: next.lastError },
        event: {
          type: `marketplace.mortgage-registration.${verb}`,
          payload: { registrationId: next.id, applicationId: next.applicationId, state: next.state },
        },
      });
      return next;
    });
  }
}
