import { portToken } from "../../core/kernel/mod.ts";

/**
 * DI tokens of the root container (shared by every region). Each is `Symbol.for(name)`, so a
 * kernel port token declared later in core under the same name is the same token. Region
 * child containers add the port tokens their plugins provide.
 */
export const Tokens = {
  /** `Clock` (core/kernel/ports.ts). */
  Clock: portToken("kernel.Clock"),
  /** `IdGenerator` (core/kernel/ports.ts). */
  IdGenerator: portToken("kernel.IdGenerator"),
  /** `Hasher` (core/kernel/ports.ts): SHA-256 for content hashes. */
  Hasher: portToken("kernel.Hasher"),
  /** `FieldCipher` (core/kernel/ports.ts): envelope encryption of C2 data (KRN-R04). */
  FieldCipher: portToken("kernel.FieldCipher"),
  /** `BlindIndexer` (core/kernel/ports.ts): keyed lookup hashes of C2 data (KRN-R04). */
  BlindIndexer: portToken("kernel.BlindIndexer"),
  /** `Database` (adapters/db/create-database.ts): the Kysely handle and its engine. */
  Database: portToken("platform.Database"),
  /** `Keyring` (adapters/crypto/keyring.ts): key material from the environment (KRN-R04). */
  Keyring: portToken("platform.Keyring"),
  /** `Logger` (plugins/_framework/logger.ts). */
  Logger: portToken("platform.Logger"),
  /** The validated `DeploymentConfig`. */
  DeploymentConfig: portToken("platform.DeploymentConfig"),
  /** In a region's child container: its `ComposedRegion`. */
  Region: portToken("platform.Region"),
} as const;
