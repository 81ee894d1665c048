import { factorsOutboxSubscriptions } from "../factors/outbox/factors-subscriptions.ts";
import { marketplaceOutboxSubscriptions } from "../marketplace/marketplace-subscriptions.ts";
import { OutboxDispatcher, type OutboxHandler } from "../platform/outbox-dispatcher.ts";
import { quickClaimOutboxSubscriptions } from "../quickclaim/outbox-handlers.ts";
import type { Platform } from "./platform.ts";

/** One consumer of outbox events of one type (KRN-R09): e.g. a module's adapter call. */
export interface OutboxSubscription {
  readonly type: string;
  handler(platform: Platform): OutboxHandler;
}

// LEAD HOOK — outbox subscriptions. One line per event type a module delivers to an outside
// system (through a region's plugin), e.g. `factorsRegistrySubscription`. Until then events
// are delivered to nobody (the dispatcher marks them delivered with a note).
export const outboxSubscriptions: readonly OutboxSubscription[] = [
  ...quickClaimOutboxSubscriptions,
  ...factorsOutboxSubscriptions,
  ...marketplaceOutboxSubscriptions,
];

/** The dispatcher the server runs, with every subscription registered. */
export function createOutboxDispatcher(
  platform: Platform,
  subscriptions: readonly OutboxSubscription[] = outboxSubscriptions,
  onError: (error: unknown) => void = (e) => console.error("outbox dispatcher:", e),
): OutboxDispatcher {
  const dispatcher = new OutboxDispatcher(platform.database.db, { clock: platform.clock, onError });
  for (const s of subscriptions) dispatcher.subscribe(s.type, s.handler(platform));
  return dispatcher;
}
