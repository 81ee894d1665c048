import type { Platform } from "../../adapters/composition/platform.ts";
import { Tokens } from "../../adapters/composition/tokens.ts";
import { HmacBlindIndexer } from "../../adapters/crypto/hmac-blind-indexer.ts";
import { type Keyring, loadKeyring } from "../../adapters/crypto/keyring.ts";
import type { JsonLogger } from "../../adapters/logging/json-logger.ts";
import {
  type BlindIndexer,
  DomainError,
  type FieldCipher,
  type IdentityVerifier,
  type Notifier,
  portToken,
} from "../../core/kernel/mod.ts";

/** The token regions' notifier plugins provide (same symbol as plugins/_framework/kernel-tokens.ts). */
export const NOTIFIER_TOKEN = portToken("kernel.Notifier");
/** The token of regions' real-name verifier plugins (plugins/_framework/kernel-tokens.ts IdentityVerifierPort). */
export const IDENTITY_VERIFIER_TOKEN = portToken("kernel.IdentityVerifier");

/**
 * The platform's blind indexer (root container), else one over its keyring, else over the
 * keyring read from the environment (development keys outside production).
 */
export function blindIndexerFor(
  platform: Platform,
  env: Readonly<Record<string, string | undefined>>,
  logger: JsonLogger,
): BlindIndexer {
  if (platform.container.isRegistered(Tokens.BlindIndexer, true)) {
    return platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  }
  const keyring = platform.container.isRegistered(Tokens.Keyring, true)
    ? platform.container.resolve<Keyring>(Tokens.Keyring)
    : loadKeyring(env, { warn: (m) => logger.warn(m) });
  return new HmacBlindIndexer(keyring.blindIndexKey);
}

/** The region's Notifier (from its plugins); a 503 problem when the region has none. */
export function notifierResolver(platform: Platform): (regionCode: string) => Notifier {
  return (regionCode) => {
    const region = platform.region(regionCode);
    if (region.container.isRegistered(NOTIFIER_TOKEN, true)) return region.container.resolve<Notifier>(NOTIFIER_TOKEN);
    throw new DomainError(`region ${regionCode} has no notifier configured, so no sign-in code can be sent`, {
      ruleId: "KRN-R13",
      kind: "unavailable",
    });
  };
}

/** The region's IdentityVerifier (实名核验, from its plugins); a 503 problem when the region has none. */
export function identityVerifierResolver(platform: Platform): (regionCode: string) => IdentityVerifier {
  return (regionCode) => {
    const region = platform.region(regionCode);
    if (region.container.isRegistered(IDENTITY_VERIFIER_TOKEN, true)) {
      return region.container.resolve<IdentityVerifier>(IDENTITY_VERIFIER_TOKEN);
    }
    throw new DomainError(`region ${regionCode} has no real-name verifier configured`, {
      ruleId: "KRN-R13",
      kind: "unavailable",
    });
  };
}

/** The platform's field cipher (root container), when it has one. */
export function fieldCipherOf(platform: Platform): FieldCipher | undefined {
  return platform.container.isRegistered(Tokens.FieldCipher, true)
    ? platform.container.resolve<FieldCipher>(Tokens.FieldCipher)
    : undefined;
}
