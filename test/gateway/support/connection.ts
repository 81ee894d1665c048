import * as v from "valibot";
import { type LenderGateway, LenderGatewayPort } from "../../../core/marketplace/mod.ts";
import { createHttpGateway } from "../../../plugins/http-gateway/create-http-gateway.ts";
import { manifest } from "../../../plugins/http-gateway/manifest.ts";
import { FakeBank } from "./fake-bank.ts";
import { newSecret, pluginContext } from "./gateway-fixtures.ts";

/**
 * 建行 (inst_ccb) on a loopback fake bank, connected through the http-gateway plugin with a key
 * rotation under way: "k2" is current, "k1" is still accepted.
 */
export async function connectFakeBank(options: { timeoutMs?: number; platformSecretK2?: string } = {}) {
  const secrets = { k1: newSecret(), k2: newSecret() };
  const bank = await FakeBank.start({ institutionId: "inst_ccb", keys: secrets, signWith: "k2" });
  const config = v.parse(manifest.configSchema, {
    institutions: [
      {
        institutionId: "inst_ccb",
        baseUrl: `${bank.url}/api`,
        keyId: "k2",
        secretEnv: "FIF_GW_CCB",
        previousKey: { keyId: "k1", secretEnv: "FIF_GW_CCB_OLD" },
        timeoutMs: options.timeoutMs ?? 3000,
        allowHttpForTesting: true,
      },
    ],
  });
  const { ctx, lines } = pluginContext();
  const provision = createHttpGateway(config, ctx, {
    FIF_GW_CCB: options.platformSecretK2 ?? secrets.k2,
    FIF_GW_CCB_OLD: secrets.k1,
  });
  const lenders = provision.get(LenderGatewayPort) as LenderGateway;
  return { bank, secrets, lenders, provision, lines };
}
