import { type Principal, regionContains } from "../../core/kernel/mod.ts";
import { createMarketplaceUseCases, type MarketplaceDeps } from "../../core/marketplace/mod.ts";
import type { OutboxSubscription } from "../composition/outbox-subscriptions.ts";
import type { Platform } from "../composition/platform.ts";
import type { OutboxEvent } from "../platform/outbox-dispatcher.ts";
import { marketplaceDeps } from "./marketplace-deps.ts";

const MK = "marketplace";

function depsOf(platform: Platform, ev: OutboxEvent): MarketplaceDeps {
  for (const r of platform.regions.values()) {
    if (r.modules.includes(MK) && regionContains(r.code, ev.regionCode)) return marketplaceDeps(platform, r.code);
  }
  throw new Error(`no region with the marketplace module contains ${ev.regionCode}`);
}

const system = (region: string): Principal => ({
  id: "system:marketplace-outbox",
  roles: ["platform_admin"],
  regionCodes: [region],
});

function registrationId(ev: OutboxEvent): string {
  const v = ev.payload.registrationId;
  if (typeof v !== "string") throw new Error(`event ${ev.id} (${ev.type}) has no registrationId`);
  return v;
}

/**
 * 抵押登记云办理 to the real-estate registry (KRN-R09/R10). When the borrower has signed at the
 * branch, the registration is filed with the region's registry; when it is filed, the registry
 * is asked for its answer. A registry that fails or has not answered yet throws, so the
 * dispatcher retries with backoff (and after its last attempt keeps the event dead and
 * re-queueable); meanwhile the registration waits visibly with its attempts and last error, and
 * staff can file or ask again through the API. Redeliveries are harmless: each handler acts only
 * while the registration is still in the state the event left it in.
 */
export const mortgageFilingSubscription: OutboxSubscription = {
  type: "marketplace.mortgage-registration.signed",
  handler: (platform) => async (ev) => {
    const deps = depsOf(platform, ev);
    const id = registrationId(ev);
    const current = await deps.uow.run((tx) => tx.mortgageRegistrations.get(id));
    if (current?.state !== "SIGNED_AT_BRANCH") return;
    const after = await createMarketplaceUseCases(deps).submitMortgageRegistration.submit(
      { registrationId: id },
      system(deps.regionCode),
    );
    if (after.state === "SIGNED_AT_BRANCH") {
      throw new Error(`registry did not accept registration ${id} (attempt ${after.attempts}): ${after.lastError}`);
    }
  },
};

export const mortgageAnswerSubscription: OutboxSubscription = {
  type: "marketplace.mortgage-registration.submitted",
  handler: (platform) => async (ev) => {
    const deps = depsOf(platform, ev);
    const id = registrationId(ev);
    const current = await deps.uow.run((tx) => tx.mortgageRegistrations.get(id));
    if (current?.state !== "SUBMITTED") return;
    const after = await createMarketplaceUseCases(deps).submitMortgageRegistration.sync(
      { registrationId: id },
      system(deps.regionCode),
    );
    if (after.state === "SUBMITTED") {
      throw new Error(
        `registry has not answered registration ${id} yet${after.lastError ? ` (last error: ${after.lastError})` : ""}`,
      );
    }
  },
};

/** The marketplace's outbox subscriptions (adapters/composition/outbox-subscriptions.ts). */
export const marketplaceOutboxSubscriptions: readonly OutboxSubscription[] = [
  mortgageFilingSubscription,
  mortgageAnswerSubscription,
];
