import { DomainError, type Principal, requireRole } from "../../kernel/mod.ts";
import { CONSENT_RULE } from "../rules/consent-before-data.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { type ConsentView, consentView, type PushView, pushView } from "./views.ts";

/**
 * "My data" (MKT-R03): the signed-in account's consents (with the status in force now) and
 * every push made under them — who received which categories, for which period, when, with
 * the content hash — so the subject can see who received what and revoke.
 */
export interface MyData {
  readonly consents: readonly (ConsentView & { readonly recipientName: { zh: string; en: string } })[];
  readonly pushes: readonly (PushView & { readonly recipientName: { zh: string; en: string } })[];
}

export class ListMyData {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(_input: unknown, principal: Principal): Promise<MyData> {
    requireRole(principal, "citizen");
    const subjectRef = principal.subjectRef;
    if (subjectRef === undefined) {
      throw new DomainError("sign in as a citizen to see your data", { ruleId: CONSENT_RULE, kind: "unauthenticated" });
    }
    const d = this.#deps;
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const consents = await tx.consents.listBySubject(subjectRef, d.regionCode);
      const pushes = await tx.pushes.listBySubject(subjectRef, d.regionCode);
      const names = new Map<string, { zh: string; en: string }>();
      for (const id of new Set([
        ...consents.map((c) => c.recipientInstitutionId),
        ...pushes.map((p) => p.recipientInstitutionId),
      ])) {
        const inst = await tx.institutions.get(id);
        names.set(id, inst?.name ?? { zh: id, en: id });
      }
      const nameOf = (id: string) => names.get(id) ?? { zh: id, en: id };
      return {
        consents: consents.map((c) => ({ ...consentView(c, now), recipientName: nameOf(c.recipientInstitutionId) })),
        pushes: pushes.map((p) => ({ ...pushView(p), recipientName: nameOf(p.recipientInstitutionId) })),
      };
    });
  }
}
