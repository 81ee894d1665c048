import type { Principal } from "../../kernel/mod.ts";
import type { QuickClaimTx } from "../quickclaim.ports.ts";

/**
 * Writes the audit entry (KRN-R07) and the outgoing event (KRN-R09) of one state change, in the
 * transaction of the change. Details and payloads never carry C2 data.
 */
export async function recordChange(
  tx: Pick<QuickClaimTx, "audit" | "outbox">,
  p: Principal,
  change: {
    readonly regionCode: string;
    readonly action: string;
    readonly objectType: "quickclaim.case" | "quickclaim.claim" | "quickclaim.survey";
    readonly objectId: string;
    readonly detail?: Readonly<Record<string, unknown>>;
    readonly event: {
      readonly type: string;
      readonly aggregateId: string;
      readonly payload: Readonly<Record<string, unknown>>;
    };
  },
): Promise<void> {
  await tx.audit.append({
    regionCode: change.regionCode,
    actor: p.id,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    outcome: "ok",
    ...(change.detail === undefined ? {} : { detail: change.detail }),
  });
  await tx.outbox.enqueue({
    regionCode: change.regionCode,
    type: change.event.type,
    aggregateId: change.event.aggregateId,
    payload: change.event.payload,
  });
}
