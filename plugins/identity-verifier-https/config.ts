import * as v from "valibot";
import { absoluteUrl, keyIdField, pathField, secretEnvField } from "../../adapters/gateway/config-fields.ts";
import { DEFAULT_REPLAY_WINDOW_SECONDS, INSTITUTION_ID_PATTERN } from "../../adapters/gateway/gateway-protocol.ts";

const keyIdSchema = keyIdField("the verification service");
const secretEnvSchema = secretEnvField("FIF_IDV_SECRET");

/**
 * Config of the identity-verifier-https plugin: one real-name verification service (KRN-R06)
 * reached over signed HTTPS (KRN-R14), the same fields and checks as one institution of the
 * http-gateway plugin.
 */
export const identityVerifierHttpsConfigSchema = v.pipe(
  v.strictObject({
    serviceId: v.pipe(
      v.string(),
      v.regex(INSTITUTION_ID_PATTERN, "a service id is 1-100 of A-Z a-z 0-9 . _ : -"),
      v.description(
        "the verification service's id as counterparty; sent in X-FIF-Institution and expected on its signed answers",
      ),
    ),
    baseUrl: v.pipe(
      v.string(),
      v.check((s) => absoluteUrl(s) !== undefined, "must be an absolute https:// URL"),
      v.check((s) => {
        const u = absoluteUrl(s);
        return u === undefined || (u.search === "" && u.hash === "" && u.username === "" && u.password === "");
      }, "must not carry a query, a fragment or credentials"),
      v.description("the service's endpoint root, e.g. https://idv.gat.example.cn/api"),
    ),
    personPath: pathField(
      "/fif/v1/identity/person",
      "path under baseUrl of the person check (name + resident ID + mobile, 三要素)",
    ),
    enterprisePath: pathField(
      "/fif/v1/identity/enterprise-agent",
      "path under baseUrl of the enterprise check (the person is its legal representative or authorised agent)",
    ),
    keyId: keyIdSchema,
    secretEnv: secretEnvSchema,
    previousKey: v.pipe(
      v.optional(
        v.strictObject({
          keyId: keyIdSchema,
          secretEnv: secretEnvSchema,
        }),
      ),
      v.description(
        "during a key rotation: the old key, still accepted on the service's answers (our requests use keyId); remove it once the service has switched",
      ),
    ),
    timeoutMs: v.pipe(
      v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(60_000)), 5000),
      v.description("give up on one check after this many milliseconds; the citizen then sees 503 and may retry"),
    ),
    allowHttpForTesting: v.pipe(
      v.optional(v.boolean(), false),
      v.description("accept a plain http:// baseUrl (a loopback test service); refused when NODE_ENV=production"),
    ),
    replayWindowSeconds: v.pipe(
      v.optional(v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(900)), DEFAULT_REPLAY_WINDOW_SECONDS),
      v.description(
        "signed timestamps on answers must lie within ± this many seconds of our clock, and their nonces are single-use for as long (KRN-R14: 300)",
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [["baseUrl"], ["allowHttpForTesting"]],
      (c) => absoluteUrl(c.baseUrl)?.protocol !== "http:" || c.allowHttpForTesting === true,
      "an http:// URL is refused: the verification service is reached over https (allowHttpForTesting is for a loopback test service only)",
    ),
    ["baseUrl"],
  ),
  v.forward(
    v.partialCheck(
      [["keyId"], ["previousKey"]],
      (c) => c.previousKey === undefined || c.previousKey.keyId !== c.keyId,
      "the previous key needs its own key id",
    ),
    ["previousKey"],
  ),
);

export type IdentityVerifierHttpsConfig = v.InferOutput<typeof identityVerifierHttpsConfigSchema>;

/** baseUrl joined with one of the paths (a trailing slash on baseUrl is ignored). */
export function serviceUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  const root = base.pathname.replace(/\/+$/, "");
  return new URL(`${root}${path}`, base.origin);
}
