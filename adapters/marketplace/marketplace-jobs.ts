import type { Principal } from "../../core/kernel/mod.ts";
import { createMarketplaceUseCases } from "../../core/marketplace/mod.ts";
import type { Platform } from "../composition/platform.ts";
import { marketplaceDeps } from "./marketplace-deps.ts";

export interface MarketplaceJobsResult {
  readonly regionCode: string;
  readonly expired: number;
  readonly purged: number;
}

/**
 * The marketplace's housekeeping, for every region with the module: consents past their expiry
 * are marked EXPIRED (checks never wait for it) and pushed content past its data life is dropped
 * while the push-log line stays (MKT-R01/R03). Repeats until a batch comes back short.
 */
export async function runMarketplaceJobs(platform: Platform, batch = 500): Promise<MarketplaceJobsResult[]> {
  const out: MarketplaceJobsResult[] = [];
  for (const region of platform.regions.values()) {
    if (!region.modules.includes("marketplace")) continue;
    const uc = createMarketplaceUseCases(marketplaceDeps(platform, region.code));
    const system: Principal = { id: "system:marketplace-jobs", roles: ["platform_admin"], regionCodes: [region.code] };
    let expired = 0;
    let purged = 0;
    for (;;) {
      const r = await uc.expireConsents.execute({ batch }, system);
      expired += r.expired;
      if (r.expired < batch) break;
    }
    for (;;) {
      const r = await uc.purgeExpiredPushedData.execute({ batch }, system);
      purged += r.purged;
      if (r.purged < batch) break;
    }
    out.push({ regionCode: region.code, expired, purged });
  }
  return out;
}

/**
 * Runs the housekeeping every `intervalMs` (default 10 minutes) until the returned stop() is
 * awaited. Errors are reported and the next round runs anyway.
 */
export function startMarketplaceJobs(
  platform: Platform,
  options: { readonly intervalMs?: number; readonly onError?: (e: unknown) => void } = {},
): () => Promise<void> {
  const every = options.intervalMs ?? 10 * 60_000;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runMarketplaceJobs(platform)
      .catch((e) => (options.onError ?? ((x) => console.error("marketplace jobs:", x)))(e))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, every);
  timer.unref?.();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
