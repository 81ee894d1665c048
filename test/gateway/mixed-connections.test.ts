import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { type LenderGateway, LenderGatewayPort } from "../../core/marketplace/mod.ts";
import { silentLogger } from "../../plugins/_framework/logger.ts";
import { LONGYAN, marketplaceRegionConfig } from "../marketplace/adapters/support/marketplace-platform.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { FakeBank } from "./support/fake-bank.ts";
import { approval, decisionRequest, newSecret } from "./support/gateway-fixtures.ts";

/**
 * A region where 建行 is connected over signed HTTPS (http-gateway) while the other direct-connect
 * banks stay simulated (marketplace-lender-sim, a demonstration or a pilot): both plugins provide
 * the LenderGateway port, the marketplace combines them by institution (combineLenderGateways).
 */
const SECRET_ENV = "FIF_TEST_MIXED_CCB_SECRET";
const clock = new FixedClock("2026-03-02T02:00:00.000Z");
let bank: FakeBank;
let database: TestDatabase;

beforeAll(async () => {
  const secret = newSecret();
  process.env[SECRET_ENV] = secret;
  bank = await FakeBank.start({ institutionId: "inst_ccb", keys: { k1: secret }, signWith: "k1", clock });
  database = await createTestDatabase();
});
afterAll(async () => {
  delete process.env[SECRET_ENV];
  await bank?.close();
  await database?.close();
});

function region(simulated: "*" | string[]) {
  const base = marketplaceRegionConfig({ lender: { institutions: simulated } });
  const https = {
    id: "http-gateway",
    config: {
      institutions: [
        { institutionId: "inst_ccb", baseUrl: bank.url, keyId: "k1", secretEnv: SECRET_ENV, allowHttpForTesting: true },
      ],
    },
  };
  return { ...base, plugins: [...base.plugins, https] };
}

const compose = (simulated: "*" | string[]) =>
  buildPlatform(
    parseDeploymentConfig({ regions: [region(simulated)] }, {}, "mixed connections test"),
    {},
    { database, clock, ids: new RandomIds(clock), logger: silentLogger },
  );

describe("MKT-R06 / KRN-R14: one bank over HTTPS, the others simulated, in one region", () => {
  it("建行 is asked over HTTPS; another bank's application is decided by the simulator, never sent to 建行", async () => {
    const platform = await compose("*");
    try {
      bank.reply = () => ({ kind: "json", body: approval() });
      const lenders = platform.region(LONGYAN).adapter<LenderGateway>(LenderGatewayPort);
      const options = { signal: new AbortController().signal, budgetMs: 3000 };
      const ccb = await lenders.requestDecision(decisionRequest(), options);
      expect(ccb).toMatchObject({ decision: "approved", reference: "CCB-2026-0001" });
      expect(bank.requests).toHaveLength(1);
      const cib = await lenders.requestDecision(
        decisionRequest({ applicationId: "app_0002", institutionId: "inst_cib", productId: "prd_cib_shandai" }),
        options,
      );
      expect(cib.reference).toMatch(/^SIM-/);
      expect(bank.requests).toHaveLength(1);
    } finally {
      await platform.close();
    }
  });

  it("refuses to start when both plugins claim 建行: the composition error names the institution and the plugins", async () => {
    await expect(compose(["inst_ccb", "inst_cib"])).rejects.toThrow(
      /marketplace\.LenderGateway cannot combine its plugins: institution inst_ccb is served by both marketplace-lender-sim and http-gateway/,
    );
  });
});
