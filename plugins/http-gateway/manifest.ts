import { GatewayKeyringPort } from "../../adapters/gateway/gateway-keyring.ts";
import { LenderGatewayPort } from "../../core/marketplace/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { httpGatewayConfigSchema } from "./config.ts";
import { createHttpGateway } from "./create-http-gateway.ts";

/**
 * KRN-R14 generic HTTPS gateway: the region's direct-connect institutions join with
 * configuration only. One instance per region lists every institution it connects.
 */
export const manifest = definePlugin({
  id: "http-gateway",
  version: "1.0.0",
  title: { zh: "机构直连网关（HTTPS 签名报文）", en: "Institution gateway (signed HTTPS)" },
  description:
    "Connects banks and other institutions over HTTPS with signed JSON (HMAC-SHA256 over timestamp, nonce and body; ± 5-minute window; single-use nonces; rotatable keys). Provides the marketplace's LenderGateway for instant decisions (one connection per configured institution) and the keyring that verifies the institutions' callbacks.",
  kind: "gateway",
  regions: "*",
  provides: [LenderGatewayPort, GatewayKeyringPort],
  configSchema: httpGatewayConfigSchema,
  create(config, ctx) {
    return createHttpGateway(config, ctx, process.env);
  },
});
