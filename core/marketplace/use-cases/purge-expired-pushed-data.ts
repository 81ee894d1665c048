import { type Principal, requireRole } from "../../kernel/mod.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { recordChange } from "./record-change.ts";

/**
 * Data life (MKT-R01): a scheduled job drops the content of pushes whose data life has ended.
 * The push-log line (who, what, when, hash) stays; the records themselves are gone.
 */
export class PurgeExpiredPushedData {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: { readonly batch?: number } | undefined, principal: Principal): Promise<{ purged: number }> {
    requireRole(principal, "platform_admin");
    const d = this.#deps;
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const due = await tx.pushes.listPastDataLife(d.regionCode, now, input?.batch ?? 500);
      for (const push of due) {
        await tx.pushes.update({ ...push, payloadCipher: null, purgedAt: now });
        await recordChange(tx, {
          regionCode: push.regionCode,
          principal,
          action: "marketplace.data.purge",
          objectType: "push",
          objectId: push.id,
          event: {
            type: "marketplace.data.purged",
            payload: { pushId: push.id, recipientInstitutionId: push.recipientInstitutionId },
          },
        });
      }
      return { purged: due.length };
    });
  }
}
