import { type Principal, requireRole } from "../../kernel/mod.ts";
import { expireConsent } from "../domain/consent.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { recordChange } from "./record-change.ts";

/**
 * Sweep (a scheduled job): marks ACTIVE consents past their expiry as EXPIRED. Checks never
 * depend on it — an expired consent is refused at its expiry instant either way (MKT-R01) —
 * but the stored status then says what is true.
 */
export class ExpireConsents {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: { readonly batch?: number } | undefined, principal: Principal): Promise<{ expired: number }> {
    requireRole(principal, "platform_admin");
    const d = this.#deps;
    const now = d.clock.now();
    const batch = input?.batch ?? 500;
    return d.uow.run(async (tx) => {
      const due = await tx.consents.listExpired(d.regionCode, now, batch);
      let expired = 0;
      for (const c of due) {
        const locked = await tx.consents.getForUpdate(c.id);
        if (!locked) continue;
        const next = expireConsent(locked, now);
        if (next === locked || next.status === locked.status) continue;
        await tx.consents.update(next);
        await recordChange(tx, {
          regionCode: next.regionCode,
          principal,
          action: "marketplace.consent.expire",
          objectType: "consent",
          objectId: next.id,
          event: { type: "marketplace.consent.expired", payload: { consentId: next.id } },
        });
        expired++;
      }
      return { expired };
    });
  }
}
