import "reflect-metadata";
import { container as globalContainer } from "tsyringe";
import {
  type Clock,
  DomainError,
  type IdGenerator,
  type ModuleDescriptor,
  regionContains,
} from "../../core/kernel/mod.ts";
import type { Logger } from "../../plugins/_framework/logger.ts";
import { type AnyPluginManifest, PluginRegistry } from "../../plugins/_framework/plugin-registry.ts";
import { installedPlugins } from "../../plugins/index.ts";
import { EnvelopeFieldCipher } from "../crypto/envelope-field-cipher.ts";
import { HmacBlindIndexer } from "../crypto/hmac-blind-indexer.ts";
import { type Keyring, loadKeyring } from "../crypto/keyring.ts";
import { nodeHasher } from "../crypto/node-hasher.ts";
import type { Database } from "../db/create-database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createJsonLogger, isLogLevel } from "../logging/json-logger.ts";
import { RandomIds } from "../platform/random-ids.ts";
import { SystemClock } from "../platform/system-clock.ts";
import { composeRegion } from "./compose-region.ts";
import { CompositionError } from "./composition-error.ts";
import type { DeploymentConfig, Env } from "./deployment-config.ts";
import { installedModules } from "./modules.ts";
import { openDatabase } from "./open-database.ts";
import type { ComposedPlatform, ComposedRegion, RegionPolicy } from "./platform.ts";
import { Tokens } from "./tokens.ts";

export interface BuildOptions {
  /** Apply pending migrations after opening the database. Default false. */
  readonly migrate?: boolean;
  /** An already open database (tests); the platform does not close it. */
  readonly database?: Database;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
  /** Installed plugins; default plugins/index.ts. */
  readonly plugins?: readonly AnyPluginManifest[];
  /** Installed modules; default adapters/composition/modules.ts. */
  readonly modules?: readonly ModuleDescriptor[];
}

function moduleMap(modules: readonly ModuleDescriptor[]): Map<string, ModuleDescriptor> {
  const map = new Map<string, ModuleDescriptor>();
  for (const m of modules) {
    if (map.has(m.id)) throw new CompositionError(`module ${m.id} is installed twice`, { moduleId: m.id });
    map.set(m.id, m);
  }
  return map;
}

function keyringFrom(env: Env, production: boolean, logger: Logger): Keyring {
  try {
    return loadKeyring({ ...env, NODE_ENV: production ? "production" : env.NODE_ENV }, { warn: (m) => logger.warn(m) });
  } catch (e) {
    throw new CompositionError(`key material: ${(e as Error).message}`, { field: "FIELD_KEYS", cause: e });
  }
}

/**
 * The composition root (KRN-R13). Builds the root container (clock, ids, keyring, crypto,
 * logger, database) and one child container per configured region holding the region's
 * plugins and validated policy pack. Regions are composed before the database is opened, so a
 * config mistake stops start-up at once with a message naming region, plugin/module and field.
 */
export async function buildPlatform(
  config: DeploymentConfig,
  env: Env,
  options: BuildOptions = {},
): Promise<ComposedPlatform> {
  const clock = options.clock ?? new SystemClock();
  const ids = options.ids ?? new RandomIds(clock);
  const level = env.LOG_LEVEL ?? "info";
  const logger =
    options.logger ?? createJsonLogger({ level: isLogLevel(level) ? level : "info", now: () => clock.now() });
  const keyring = keyringFrom(env, config.production, logger);
  const registry = new PluginRegistry(options.plugins ?? installedPlugins);
  const modules = moduleMap(options.modules ?? installedModules);

  const root = globalContainer.createChildContainer();
  root.register(Tokens.Clock, { useValue: clock });
  root.register(Tokens.IdGenerator, { useValue: ids });
  root.register(Tokens.Logger, { useValue: logger });
  root.register(Tokens.Keyring, { useValue: keyring });
  root.register(Tokens.Hasher, { useValue: nodeHasher });
  root.register(Tokens.FieldCipher, { useValue: new EnvelopeFieldCipher(keyring) });
  root.register(Tokens.BlindIndexer, { useValue: new HmacBlindIndexer(keyring.blindIndexKey) });
  root.register(Tokens.DeploymentConfig, { useValue: config });

  const closers: (() => void | Promise<void>)[] = [];
  const runClosers = async () => {
    for (const fn of closers.splice(0).reverse()) {
      try {
        await fn();
      } catch (e) {
        logger.error("error while closing a plugin", { error: (e as Error).message });
      }
    }
  };

  const regions = new Map<string, ComposedRegion>();
  let database: Database;
  try {
    const services = { clock, ids, logger, production: config.production, dataDir: config.dataDir };
    for (const region of config.regions) {
      const onClose = (fn: () => void | Promise<void>) => closers.push(fn);
      regions.set(region.code, await composeRegion({ config: region, registry, modules, root, services, onClose }));
    }
    database = options.database ?? (await openDatabase(config));
  } catch (e) {
    await runClosers();
    throw e;
  }
  const ownsDatabase = options.database === undefined;
  try {
    if (options.migrate) await migrateToLatest(database.db);
  } catch (e) {
    await runClosers();
    if (ownsDatabase) await database.close();
    throw e;
  }
  root.register(Tokens.Database, { useValue: database });

  const region = (code: string): ComposedRegion => {
    const r = regions.get(code);
    if (!r) {
      throw new DomainError(`region ${code} is not configured`, {
        ruleId: "KRN-R13",
        kind: "not_found",
        field: "region",
      });
    }
    return r;
  };
  let closed: Promise<void> | undefined;
  const platform: ComposedPlatform = {
    config,
    database,
    clock,
    ids,
    logger,
    container: root,
    modules: [...modules.values()],
    regions,
    region,
    policyFor(code: string, countyCode?: string): RegionPolicy {
      const direct = regions.get(code);
      if (direct) return direct.policyFor(countyCode);
      const home = [...regions.values()].find((r) => regionContains(r.code, code));
      if (!home || (countyCode !== undefined && countyCode !== code)) {
        throw new DomainError(`${code} is not in a configured region`, {
          ruleId: "KRN-R12",
          kind: "not_found",
          field: "region",
        });
      }
      return home.policyFor(code);
    },
    close() {
      closed ??= (async () => {
        await runClosers();
        if (ownsDatabase) await database.close();
      })();
      return closed;
    },
  };
  logger.info("platform composed", {
    database: database.kind,
    regions: [...regions.values()].map((r) => ({ code: r.code, modules: r.modules, plugins: r.plugins })),
    developmentKeys: keyring.isDevelopment,
  });
  return platform;
}
