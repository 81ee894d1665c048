import { proveDemoIdentities } from "../../support/prove-identities.ts";
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { buildPlatform } from "../../../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../../../adapters/composition/platform.ts";
import { Tokens } from "../../../../adapters/composition/tokens.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import { marketplaceDeps } from "../../../../adapters/marketplace/marketplace-deps.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../../adapters/platform/random-ids.ts";
import type { BlindIndexer, Role } from "../../../../core/kernel/mod.ts";
import type { MarketplaceDeps } from "../../../../core/marketplace/mod.ts";
import { institutions, products } from "../../../../core/marketplace/testing/test-catalogue.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import { registerMarketplacePages } from "../../../../http/marketplace/pages/register-pages.tsx";
import type { HttpModule } from "../../../../http/modules.ts";
import { silentLogger } from "../../../../plugins/_framework/logger.ts";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import { createTestDatabase, type TestDatabase } from "../../../support/test-database.ts";

export const LONGYAN = "350800";

/** The pages alone, mounted the way http-module.ts mounts them (the JSON API is slice A's). */
export const marketplacePagesModule: HttpModule = {
  id: "marketplace",
  title: { zh: "数字普惠金融服务平台", en: "Digital inclusive-finance marketplace" },
  registerApi() {},
  registerPages: (app, platform) => registerMarketplacePages(app, platform),
};

/** The Longyan region with the marketplace module and its simulators (zero latency for tests). */
export function marketplaceRegionConfig(lender: Record<string, unknown> = {}) {
  return {
    code: LONGYAN,
    name: { zh: "龙岩", en: "Longyan" },
    modules: ["marketplace"],
    policyPack: { id: "longyan-region", config: {} },
    plugins: [
      { id: "dev-notifier", config: { keepLast: 50 } },
      { id: "identity-verifier-sim", config: {} },
      { id: "marketplace-credit-data-sim", config: {} },
      { id: "marketplace-lender-sim", config: { latencyMs: 0, ...lender } },
      { id: "marketplace-estate-registry-sim", config: {} },
    ],
  };
}

export interface MarketplacePageApp {
  readonly platform: ComposedPlatform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly deps: MarketplaceDeps;
  readonly blindIndexer: BlindIndexer;
  readonly app: App;
  /** Receives the one-time sign-in codes. */
  readonly codes: RecordingNotifier;
  /** A staff API key (Bearer) with these roles. */
  staffKey(roles: Role[], institutionId?: string): Promise<string>;
  /** A citizen session token (Bearer) after signing in by one-time code. */
  citizenToken(mobile: string): Promise<string>;
  close(): Promise<void>;
}

export interface MarketplacePageOptions {
  readonly clock?: FixedClock;
  /** marketplace-lender-sim config (e.g. hangingInstitutions). */
  readonly lender?: Record<string, unknown>;
}

/**
 * A composed platform (buildPlatform with the real plugins and the Longyan pack) on a fresh
 * migrated test database — Postgres when DATABASE_URL is set, else PGlite — with a settable
 * clock (Monday 2026-03-02 10:00 Beijing), the core's test catalogue loaded (农行兴林贷, 建行智慧快贷,
 * 兴业兴闪贷, 农信龙岩e贷 …) and the app with the marketplace pages.
 */
export async function createMarketplacePageApp(o: MarketplacePageOptions = {}): Promise<MarketplacePageApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "mk-test-"));
  const clock = o.clock ?? new FixedClock("2026-03-02T02:00:00.000Z");
  const config = parseDeploymentConfig(
    { dataDir, regions: [marketplaceRegionConfig(o.lender)] },
    {},
    "marketplace page test",
  );
  const platform = await buildPlatform(
    config,
    {},
    { database, clock, ids: new RandomIds(clock), logger: silentLogger },
  );
  const blindIndexer = platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const deps = marketplaceDeps(platform, LONGYAN);
  await deps.uow.run(async (tx) => {
    for (const i of Object.values(institutions)) await tx.institutions.insert(i);
    for (const p of Object.values(products)) await tx.products.insert(p);
  });
  const codes = new RecordingNotifier(LONGYAN);
  const app = createApp(platform, {
    env: {},
    logger: createJsonLogger({ write: () => {} }),
    modules: [marketplacePagesModule],
    blindIndexer,
    notifier: codes,
  });
  const keys = createApiKeyStore(database.db, clock, platform.ids);
  return {
    platform,
    database,
    clock,
    deps,
    blindIndexer,
    app,
    codes,
    async staffKey(roles, institutionId) {
      const { key } = await keys.create({
        roles,
        regionCodes: [LONGYAN],
        ...(institutionId ? { institutionId } : {}),
        label: `test ${roles.join(",")} ${institutionId ?? ""}`,
      });
      return key;
    },
    async citizenToken(mobile) {
      const json = { "Content-Type": "application/json" };
      const sent = await app.request("/auth/otp", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mobile, region: LONGYAN }),
      });
      if (sent.status >= 300) throw new Error(`OTP request failed: ${sent.status} ${await sent.text()}`);
      const res = await app.request("/auth/otp/verify", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mobile, code: lastCode([codes], mobile) }),
      });
      const body = (await res.json()) as { token?: string };
      if (!body.token) throw new Error(`OTP verify failed: ${res.status}`);
      await proveDemoIdentities((path, init) => app.request(path, init), body.token, mobile);
      return body.token;
    },
    async close() {
      await platform.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
