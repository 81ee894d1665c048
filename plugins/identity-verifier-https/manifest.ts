import { IdentityVerifierPort } from "../_framework/kernel-tokens.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { identityVerifierHttpsConfigSchema } from "./config.ts";
import { createIdentityVerifierHttps } from "./create-identity-verifier.ts";

/**
 * KRN-R06 实名核验 over the KRN-R14 signed-HTTPS protocol: the real path an integrator uses in
 * place of `identity-verifier-sim`. Configuration only: the service's URL, key id and the name
 * of the environment variable holding the shared secret.
 */
export const manifest = definePlugin({
  id: "identity-verifier-https",
  version: "1.0.0",
  title: { zh: "实名核验服务（HTTPS 签名报文）", en: "Real-name verification (signed HTTPS)" },
  description:
    "Calls a real-name verification service over HTTPS with signed JSON (KRN-R14: HMAC-SHA256 over timestamp, nonce and body; ± 5-minute window; single-use nonces; rotatable keys): the person check (name + resident ID + mobile) and the enterprise representative/agent check. Any failure of the service is an error, so the citizen sees 503 and nothing is stored.",
  kind: "gateway",
  regions: "*",
  provides: [IdentityVerifierPort],
  configSchema: identityVerifierHttpsConfigSchema,
  create(config, ctx) {
    return createIdentityVerifierHttps(config, ctx, process.env);
  },
});
