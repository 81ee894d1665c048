import * as v from "valibot";
import { absoluteUrl, keyIdField, pathField, secretEnvField } from "../../adapters/gateway/config-fields.ts";
import { DEFAULT_REPLAY_WINDOW_SECONDS, INSTITUTION_ID_PATTERN } from "../../adapters/gateway/gateway-protocol.ts";

const keyIdSchema = keyIdField("the institution");
const secretEnvSchema = secretEnvField("FIF_GW_CCB_SECRET");

export const institutionConnectionSchema = v.pipe(
  v.strictObject({
    institutionId: v.pipe(
      v.string(),
      v.regex(INSTITUTION_ID_PATTERN, "an institution id is 1-100 of A-Z a-z 0-9 . _ : -"),
      v.description("the institution's id in the marketplace catalogue; sent and expected in X-FIF-Institution"),
    ),
    baseUrl: v.pipe(
      v.string(),
      v.check((s) => absoluteUrl(s) !== undefined, "must be an absolute https:// URL"),
      v.check((s) => {
        const u = absoluteUrl(s);
        return u === undefined || (u.search === "" && u.hash === "" && u.username === "" && u.password === "");
      }, "must not carry a query, a fragment or credentials"),
      v.description("the institution's gateway endpoint root, e.g. https://fif-gw.bank.example.cn/api"),
    ),
    decisionPath: pathField("/fif/v1/decisions", "path under baseUrl that takes instant-decision requests (秒批)"),

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
        "during a key rotation: the old key, still accepted on answers and callbacks (our requests use keyId); remove it once the institution has switched",
      ),
    ),
    timeoutMs: v.pipe(
      v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(60_000)), 5000),
      v.description("give up on one decision request after this many milliseconds (the core's budget also applies)"),
    ),
    allowHttpForTesting: v.pipe(
      v.optional(v.boolean(), false),
      v.description("accept a plain http:// baseUrl (a loopback test bank); refused when NODE_ENV=production"),
    ),
  }),
  v.forward(
    v.partialCheck(
      [["baseUrl"], ["allowHttpForTesting"]],
      (c) => absoluteUrl(c.baseUrl)?.protocol !== "http:" || c.allowHttpForTesting === true,
      "an http:// URL is refused: institutions connect over https (allowHttpForTesting is for a loopback test bank only)",
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

export type InstitutionConnection = v.InferOutput<typeof institutionConnectionSchema>;

export const httpGatewayConfigSchema = v.strictObject({
  replayWindowSeconds: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(900)), DEFAULT_REPLAY_WINDOW_SECONDS),
    v.description(
      "signed timestamps must lie within ± this many seconds of our clock, and nonces are single-use for as long (KRN-R14: 300)",
    ),
  ),
  institutions: v.pipe(
    v.array(institutionConnectionSchema),
    v.minLength(1, "connect at least one institution"),
    v.check((list) => new Set(list.map((i) => i.institutionId)).size === list.length, "an institution is listed twice"),
    v.description("the institutions of this region connected over HTTPS, one entry each"),
  ),
});

export type HttpGatewayConfig = v.InferOutput<typeof httpGatewayConfigSchema>;

/** The URL decision requests go to: baseUrl joined with decisionPath. */
export function decisionUrl(c: Pick<InstitutionConnection, "baseUrl" | "decisionPath">): URL {
  const base = new URL(c.baseUrl);
  const root = base.pathname.replace(/\/+$/, "");
  return new URL(`${root}${c.decisionPath}`, base.origin);
}
