import type { InstitutionNotice } from "../../../core/factors/mod.ts";
import type { OutboxSubscription } from "../../composition/outbox-subscriptions.ts";
import type { Platform } from "../../composition/platform.ts";
import type { OutboxEvent, OutboxHandler } from "../../platform/outbox-dispatcher.ts";
import { adapterFor } from "../region-adapters.ts";
import { routeNotice } from "./notice-recipients.ts";

/** The factors events that must reach outside systems (banks, guarantors, insurers). */
export const FACTORS_NOTICE_EVENTS = [
  "factors.loan.booked",
  "factors.mortgage.accepted",
  "factors.loan.defaulted",
  "factors.transfer.consent_requested",
  "factors.transfer.awarded",
  "factors.disposal.completed",
  "factors.loss.claim",
  "factors.loss.allocated",
] as const;

interface Deliverer {
  deliver(notice: InstitutionNotice): Promise<void>;
}

/**
 * KRN-R09/R10 delivery of one factors event to the institutions it concerns, through the region's
 * plugins (a county's own plugin first). Every recipient gets the same event id, by which it
 * dedupes; if any delivery fails the handler throws, the dispatcher retries the event with
 * backoff (recipients that already have it ignore the repeat) and the event stays visible as
 * waiting on the case (FactorsPlatformDeps.deliveries) until it is delivered or a person acts.
 */
export function factorsNoticeHandler(platform: Platform): OutboxHandler {
  return async (event: OutboxEvent) => {
    const region = platform.regions.get(event.regionCode);
    if (!region?.modules.includes("factors")) {
      throw new Error(`region ${event.regionCode} does not run the factors module here`);
    }
    const routed = await routeNotice(platform.database.db, event);
    const failures: string[] = [];
    for (const r of routed.recipients) {
      const notice: InstitutionNotice = {
        eventId: event.id,
        type: event.type,
        institutionId: r.institutionId,
        payload: { ...event.payload, regionCode: event.regionCode, countyCode: routed.countyCode ?? null },
      };
      try {
        await adapterFor<Deliverer>(region, r.port, routed.countyCode).deliver(notice);
      } catch (e) {
        failures.push(`${r.institutionId}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (failures.length > 0) throw new Error(`not delivered to ${failures.join("; ")}`);
  };
}

/** One outbox subscription per event type (adapters/composition/outbox-subscriptions.ts lists them). */
export const factorsOutboxSubscriptions: readonly OutboxSubscription[] = FACTORS_NOTICE_EVENTS.map((type) => ({
  type,
  handler: factorsNoticeHandler,
}));
