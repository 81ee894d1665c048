import { people } from "../../../../core/marketplace/testing/test-world.ts";
import "reflect-metadata";
import { buildPlatform } from "../../../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../../../adapters/composition/platform.ts";
import { Tokens } from "../../../../adapters/composition/tokens.ts";
import { marketplaceDeps } from "../../../../adapters/marketplace/marketplace-deps.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../../adapters/platform/random-ids.ts";
import type { BlindIndexer, Principal } from "../../../../core/kernel/mod.ts";
import type { MarketplaceDeps } from "../../../../core/marketplace/mod.ts";
import { silentLogger } from "../../../../plugins/_framework/logger.ts";
import { createTestDatabase, type TestDatabase } from "../../../support/test-database.ts";

export const LONGYAN = "350800";

export interface MarketplaceRegionOptions {
  readonly creditData?: Record<string, unknown>;
  readonly lender?: Record<string, unknown>;
  readonly registry?: Record<string, unknown>;
  /** Another plugin for the LenderGateway port instead of the simulator (e.g. http-gateway). */
  readonly lenderPlugin?: { readonly id: string; readonly config: Record<string, unknown> };
}

/** The 龙岩 region with the marketplace module and its three simulators (zero latency by default). */
export function marketplaceRegionConfig(o: MarketplaceRegionOptions = {}) {
  return {
    code: LONGYAN,
    name: { zh: "龙岩", en: "Longyan" },
    modules: ["marketplace"],
    policyPack: { id: "longyan-region", config: {} },
    plugins: [
      { id: "dev-notifier", config: { keepLast: 50 } },
      { id: "identity-verifier-sim", config: {} },
      { id: "marketplace-credit-data-sim", config: { latencyMs: 0, ...o.creditData } },
      o.lenderPlugin ?? { id: "marketplace-lender-sim", config: { latencyMs: 0, ...o.lender } },
      { id: "marketplace-estate-registry-sim", config: { processingMs: 0, ...o.registry } },
    ],
  };
}

export interface MarketplaceTestPlatform {
  readonly platform: ComposedPlatform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly deps: MarketplaceDeps;
  readonly blindIndexer: BlindIndexer;
  /** A signed-in citizen (subjectRef = blind index of the mobile, as OTP sign-in makes it). */
  citizen(mobile: string): Principal;
  staff(institutionId: string, role?: "institution_staff" | "institution_admin"): Principal;
  readonly regulator: Principal;
  readonly admin: Principal;
  close(): Promise<void>;
}

/**
 * A composed platform (buildPlatform with the real plugins and the 龙岩 pack) on a fresh migrated
 * test database — Postgres when DATABASE_URL is set, else PGlite — and a settable clock
 * (default Monday 2026-03-02 10:00 in 龙岩).
 */
export async function createMarketplaceTestPlatform(
  o: MarketplaceRegionOptions & { readonly clock?: FixedClock; readonly database?: TestDatabase } = {},
): Promise<MarketplaceTestPlatform> {
  const ownDb = o.database === undefined;
  const database = o.database ?? (await createTestDatabase());
  const clock = o.clock ?? new FixedClock("2026-03-02T02:00:00.000Z");
  const config = parseDeploymentConfig({ regions: [marketplaceRegionConfig(o)] }, {}, "marketplace test");
  const platform = await buildPlatform(
    config,
    {},
    { database, clock, ids: new RandomIds(clock), logger: silentLogger },
  );
  const blindIndexer = platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  return {
    platform,
    database,
    clock,
    deps: marketplaceDeps(platform, LONGYAN),
    blindIndexer,
    citizen: (mobile) => ({
      id: `citizen:${mobile.slice(-4)}`,
      roles: ["citizen"],
      regionCodes: [LONGYAN],
      subjectRef: blindIndexer.index("mobile", mobile),
      // 实名认证: the demo people's IDs are proved on their own mobile's account.
      identities: Object.values(people)
        .filter((p) => p.mobile === mobile)
        .map((p) => blindIndexer.index(p.idKind, p.idNumber))
        .sort(),
    }),
    staff: (institutionId, role = "institution_staff") => ({
      id: `inst:${institutionId}/key_${role}`,
      roles: [role],
      institutionId,
      regionCodes: [LONGYAN],
    }),
    regulator: { id: "staff:key_regulator", roles: ["regulator"], regionCodes: [LONGYAN] },
    admin: { id: "system:test", roles: ["platform_admin"], regionCodes: [LONGYAN] },
    async close() {
      await platform.close();
      if (ownDb) await database.close();
    },
  };
}
