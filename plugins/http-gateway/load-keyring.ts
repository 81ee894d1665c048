import { GatewayKeyring, type InstitutionKeys } from "../../adapters/gateway/gateway-keyring.ts";
import { MIN_SECRET_BYTES } from "../../adapters/gateway/gateway-protocol.ts";
import type { HttpGatewayConfig } from "./config.ts";

export type SecretEnv = Readonly<Record<string, string | undefined>>;

function secretFrom(env: SecretEnv, name: string, institutionId: string, field: string): Uint8Array {
  const value = env[name];
  if (value === undefined || value === "") {
    throw new Error(
      `institution ${institutionId}: the environment variable ${name} (${field}) holding its shared secret is not set`,
    );
  }
  const bytes = new TextEncoder().encode(value);
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new Error(
      `institution ${institutionId}: the secret in ${name} (${field}) is shorter than ${MIN_SECRET_BYTES} bytes`,
    );
  }
  return bytes;
}

/**
 * The region's gateway keyring from the plugin config: each secret is read from the environment
 * variable the config names (the UTF-8 bytes of its value). A missing or short secret stops
 * start-up with a message naming the institution and the variable, never the value.
 */
export function loadGatewayKeyring(config: HttpGatewayConfig, env: SecretEnv): GatewayKeyring {
  const entries: InstitutionKeys[] = config.institutions.map((c, i) => ({
    institutionId: c.institutionId,
    current: { keyId: c.keyId, secret: secretFrom(env, c.secretEnv, c.institutionId, `institutions.${i}.secretEnv`) },
    previous: c.previousKey
      ? [
          {
            keyId: c.previousKey.keyId,
            secret: secretFrom(
              env,
              c.previousKey.secretEnv,
              c.institutionId,
              `institutions.${i}.previousKey.secretEnv`,
            ),
          },
        ]
      : [],
  }));
  return new GatewayKeyring(entries, config.replayWindowSeconds);
}
