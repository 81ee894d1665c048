import type { Principal } from "../../kernel/mod.ts";
import type { MarketplaceTx } from "../marketplace.ports.ts";

/**
 * Writes the audit entry (KRN-R07) and, when given, the outbox event (KRN-R09) of one state
 * change, inside the use case's transaction. Details and payloads never carry class-C2 values.
 */
export async function recordChange(
  tx: Pick<MarketplaceTx, "audit" | "outbox">,
  change: {
    readonly regionCode: string;
    readonly principal: Principal | "system";
    readonly action: string;
    readonly objectType: string;
    readonly objectId: string;
    readonly detail?: Readonly<Record<string, unknown>>;
    readonly event?: { readonly type: string; readonly payload: Readonly<Record<string, unknown>> };
  },
): Promise<void> {
  await tx.audit.append({
    regionCode: change.regionCode,
    actor: change.principal === "system" ? "system" : change.principal.id,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    outcome: "ok",
    ...(change.detail ? { detail: change.detail } : {}),
  });
  if (change.event) {
    await tx.outbox.enqueue({
      regionCode: change.regionCode,
      type: change.event.type,
      aggregateId: change.objectId,
      payload: change.event.payload,
    });
  }
}
