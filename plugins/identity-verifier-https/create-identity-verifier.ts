import { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import { MIN_SECRET_BYTES } from "../../adapters/gateway/gateway-protocol.ts";
import { MemoryReplayGuard } from "../../adapters/gateway/memory-replay-guard.ts";
import { IdentityVerifierPort } from "../_framework/kernel-tokens.ts";
import type { PluginContext, PluginProvision } from "../_framework/plugin-manifest.ts";
import { type IdentityVerifierHttpsConfig, serviceUrl } from "./config.ts";
import { HttpsIdentityVerifier } from "./https-identity-verifier.ts";

export type SecretEnv = Readonly<Record<string, string | undefined>>;

export interface IdentityVerifierHttpsExtras {
  /** Replaces the global fetch (tests). */
  readonly fetch?: typeof fetch;
}

function secretFrom(env: SecretEnv, name: string, serviceId: string, field: string): Uint8Array {
  const value = env[name];
  if (value === undefined || value === "") {
    throw new Error(
      `verification service ${serviceId}: the environment variable ${name} (${field}) holding its shared secret is not set`,
    );
  }
  const bytes = new TextEncoder().encode(value);
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new Error(
      `verification service ${serviceId}: the secret in ${name} (${field}) is shorter than ${MIN_SECRET_BYTES} bytes`,
    );
  }
  return bytes;
}

/**
 * The service's keyring from the config: each secret is read from the environment variable the
 * config names (the UTF-8 bytes of its value). A missing or short secret stops start-up with a
 * message naming the service and the variable, never the value.
 */
export function loadIdentityServiceKeyring(config: IdentityVerifierHttpsConfig, env: SecretEnv): GatewayKeyring {
  const id = config.serviceId;
  return new GatewayKeyring(
    [
      {
        institutionId: id,
        current: { keyId: config.keyId, secret: secretFrom(env, config.secretEnv, id, "secretEnv") },
        previous: config.previousKey
          ? [
              {
                keyId: config.previousKey.keyId,
                secret: secretFrom(env, config.previousKey.secretEnv, id, "previousKey.secretEnv"),
              },
            ]
          : [],
      },
    ],
    config.replayWindowSeconds,
  );
}

/**
 * Builds the plugin's provision: `kernel.IdentityVerifier` as an `HttpsIdentityVerifier` for the
 * configured service. Refuses `allowHttpForTesting` in production; secrets come from `env`.
 */
export function createIdentityVerifierHttps(
  config: IdentityVerifierHttpsConfig,
  ctx: PluginContext,
  env: SecretEnv,
  extras: IdentityVerifierHttpsExtras = {},
): PluginProvision {
  if (ctx.production && config.allowHttpForTesting) {
    throw new Error(
      `allowHttpForTesting is refused when NODE_ENV=production (verification service ${config.serviceId})`,
    );
  }
  const keyring = loadIdentityServiceKeyring(config, env);
  const personUrl = serviceUrl(config.baseUrl, config.personPath);
  const enterpriseUrl = serviceUrl(config.baseUrl, config.enterprisePath);
  const verifier = new HttpsIdentityVerifier({
    serviceId: config.serviceId,
    personUrl,
    enterpriseUrl,
    timeoutMs: config.timeoutMs,
    keyring,
    clock: ctx.clock,
    ids: ctx.ids,
    replayGuard: new MemoryReplayGuard(ctx.clock, config.replayWindowSeconds),
    logger: ctx.logger,
    ...(extras.fetch ? { fetch: extras.fetch } : {}),
  });
  ctx.logger.info("real-name verification service connected over signed https", {
    serviceId: config.serviceId,
    endpoint: personUrl.origin,
    keyIds: keyring.keyIds(config.serviceId),
    timeoutMs: config.timeoutMs,
    replayWindowSeconds: config.replayWindowSeconds,
  });
  return new Map<symbol, unknown>([[IdentityVerifierPort, verifier]]);
}
