import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlatform } from "../../../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../../../adapters/composition/platform.ts";
import { Tokens } from "../../../../adapters/composition/tokens.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../../adapters/platform/random-ids.ts";
import { type QuickClaimPlatformDeps, quickClaimDeps } from "../../../../adapters/quickclaim/quickclaim-deps.ts";
import type { BlindIndexer, Principal } from "../../../../core/kernel/mod.ts";
import { InsurerPort, PaymentGatewayPort, PoliceDeskPort } from "../../../../core/quickclaim/mod.ts";
import { CHEN, WU } from "../../../../core/quickclaim/testing/test-world.ts";
import { silentLogger } from "../../../../plugins/_framework/logger.ts";
import type { RoutingInsurer } from "../../../../plugins/quickclaim-insurers-sim/routing-insurer.ts";
import type { SimulatedPaymentGateway } from "../../../../plugins/quickclaim-payment-sim/simulated-payment-gateway.ts";
import type { SimulatedPoliceDesk } from "../../../../plugins/quickclaim-police-desk-sim/simulated-police-desk.ts";
import { createTestDatabase, type TestDatabase } from "../../../support/test-database.ts";

export const NINGDE = "350900";

/** A demo driver as the simulated real-name registry knows them (name, resident ID, mobile). */
const registered = (d: { readonly name: string; readonly residentId: string; readonly mobile: string }) => ({
  name: d.name,
  residentId: d.residentId,
  mobile: d.mobile,
});

/** The Ningde region with the quickclaim module and its simulators, as the default deployment has it. */
export function quickClaimRegionConfig(payment: Record<string, unknown> = {}) {
  return {
    code: NINGDE,
    name: { zh: "宁德", en: "Ningde" },
    modules: ["quickclaim"],
    policyPack: { id: "ningde-region", config: {} },
    plugins: [
      { id: "dev-notifier", config: { keepLast: 50 } },
      { id: "identity-verifier-sim", config: { unlisted: "mismatch", people: [CHEN, WU].map(registered) } },
      { id: "quickclaim-police-desk-sim", config: {} },
      { id: "quickclaim-traffic-video-sim", config: {} },
      { id: "quickclaim-insurers-sim", config: {} },
      { id: "quickclaim-payment-sim", config: payment },
      { id: "quickclaim-photo-store-local", config: {} },
    ],
  };
}

export interface QuickClaimTestPlatform {
  readonly platform: ComposedPlatform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly dataDir: string;
  readonly deps: QuickClaimPlatformDeps;
  readonly gateway: SimulatedPaymentGateway;
  readonly insurer: RoutingInsurer;
  readonly police: SimulatedPoliceDesk;
  readonly blindIndexer: BlindIndexer;
  citizen(mobile: string): Principal;
  /** An officer of the 福鼎 brigade (the police desk simulator knows the institution). */
  readonly officer: Principal;
  readonly clerk: Principal;
  adjuster(insurerId: string): Principal;
  readonly regulator: Principal;
  readonly system: Principal;
  close(): Promise<void>;
}

export interface QuickClaimTestOptions {
  /** Share a database (e.g. with a child process); else a fresh one is made and dropped. */
  readonly database?: TestDatabase;
  readonly dataDir?: string;
  readonly clock?: FixedClock;
  /** quickclaim-payment-sim config. */
  readonly payment?: Record<string, unknown>;
}

/**
 * A composed platform (buildPlatform, the real plugins and the Ningde pack) on a fresh migrated
 * test database — Postgres when DATABASE_URL is set, else PGlite — with a settable clock and a
 * temporary data folder for photos and the payment simulator's ledger.
 */
export async function createQuickClaimTestPlatform(o: QuickClaimTestOptions = {}): Promise<QuickClaimTestPlatform> {
  const ownDb = o.database === undefined;
  const database = o.database ?? (await createTestDatabase());
  const ownDir = o.dataDir === undefined;
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), "qc-test-"));
  const clock = o.clock ?? new FixedClock("2026-03-01T05:45:00.000Z");
  const config = parseDeploymentConfig(
    { dataDir, regions: [quickClaimRegionConfig(o.payment)] },
    {},
    "quickclaim test",
  );
  const platform = await buildPlatform(
    config,
    {},
    { database, clock, ids: new RandomIds(clock), logger: silentLogger },
  );
  const region = platform.region(NINGDE);
  const blindIndexer = platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  return {
    platform,
    database,
    clock,
    dataDir,
    deps: quickClaimDeps(platform, NINGDE),
    gateway: region.adapter<SimulatedPaymentGateway>(PaymentGatewayPort),
    insurer: region.adapter<RoutingInsurer>(InsurerPort),
    police: region.adapter<SimulatedPoliceDesk>(PoliceDeskPort),
    blindIndexer,
    citizen: (mobile) => ({
      id: `citizen:${mobile.slice(-4)}`,
      roles: ["citizen"],
      regionCodes: [NINGDE],
      subjectRef: blindIndexer.index("mobile", mobile),
      // The demo drivers have done 实名认证 (KRN-R06) on their own mobile's account.
      identities: [CHEN, WU]
        .filter((d) => d.mobile === mobile)
        .map((d) => blindIndexer.index("resident-id", d.residentId)),
    }),
    officer: {
      id: "inst:fuding-traffic-police/key_test1",
      roles: ["police"],
      institutionId: "fuding-traffic-police",
      regionCodes: ["350982"],
    },
    clerk: { id: "staff:key_clerk1", roles: ["clerk"], regionCodes: ["350982"] },
    adjuster: (insurerId) => ({
      id: `inst:${insurerId}/key_adj1`,
      roles: ["adjuster"],
      institutionId: insurerId,
      regionCodes: [NINGDE],
    }),
    regulator: { id: "staff:key_reg1", roles: ["regulator"], regionCodes: [NINGDE] },
    system: { id: "system", roles: ["platform_admin"], regionCodes: [NINGDE] },
    async close() {
      await platform.close();
      if (ownDb) await database.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
