import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as v from "valibot";
import { CompositionError } from "./composition-error.ts";
import { describeIssues } from "./format-issues.ts";

/**
 * The deployment config (KRN-R13): which regions run, with which modules, policy pack and
 * plugins. A JSON file (`config/deployment.json`, or the file named by DEPLOYMENT_CONFIG) plus
 * environment overrides (PORT, HOST, DATA_DIR, DATABASE_URL, NODE_ENV), validated at start-up.
 */
export const DEFAULT_CONFIG_PATH = join(import.meta.dirname, "..", "..", "config", "deployment.json");

const MODULE_ID = /^[a-z][a-z0-9-]*$/;

const pluginRef = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/, "a plugin id is kebab-case"), v.description("plugin id")),
  config: v.pipe(
    v.optional(v.record(v.string(), v.unknown()), {}),
    v.description("the plugin's config object, checked against its configSchema"),
  ),
});

const regionSchema = v.strictObject({
  code: v.pipe(
    v.string(),
    v.regex(/^\d{4}00$/, "a region is a GB/T 2260 prefecture code (6 digits ending in 00)"),
    v.check((c) => !c.endsWith("0000"), "a region is a prefecture, not a province"),
    v.description("GB/T 2260 prefecture code, e.g. 350900"),
  ),
  name: v.strictObject({
    zh: v.pipe(v.string(), v.minLength(1), v.description("Chinese name, e.g. 宁德")),
    en: v.pipe(v.string(), v.minLength(1), v.description("English name, e.g. Ningde")),
  }),
  modules: v.pipe(
    v.array(v.pipe(v.string(), v.regex(MODULE_ID, "a module id is lower-case, e.g. factors"))),
    v.check((ms) => new Set(ms).size === ms.length, "a module is listed twice"),
    v.description("module ids enabled in this region"),
  ),
  policyPack: v.pipe(pluginRef, v.description("the region's policy pack: a plugin of kind policy-pack")),
  plugins: v.pipe(
    v.optional(v.array(pluginRef), []),
    v.check((ps) => new Set(ps.map((p) => p.id)).size === ps.length, "a plugin is listed twice"),
    v.description("plugins installed in this region, with their config"),
  ),
});

export const deploymentConfigSchema = v.strictObject({
  $schema: v.optional(v.string()),
  description: v.optional(v.pipe(v.string(), v.description("free text for operators"))),
  server: v.optional(
    v.strictObject({
      port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)), 3000),
      host: v.optional(v.pipe(v.string(), v.minLength(1)), "0.0.0.0"),
    }),
    {},
  ),
  dataDir: v.pipe(
    v.optional(v.string(), "./data"),
    v.description("folder for the embedded database (<dataDir>/db) and uploads"),
  ),
  database: v.optional(
    v.strictObject({
      url: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, "a postgres:// URL"))),
      maxConnections: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 10),
    }),
    {},
  ),
  regions: v.pipe(
    v.array(regionSchema),
    v.minLength(1, "configure at least one region"),
    v.check((rs) => new Set(rs.map((r) => r.code)).size === rs.length, "a region is configured twice"),
  ),
});

export type RegionConfig = v.InferOutput<typeof regionSchema>;
export type PluginRef = v.InferOutput<typeof pluginRef>;

export interface DeploymentConfig {
  /** Where the config came from (file path, or a label for configs built in code). */
  readonly source: string;
  readonly server: { readonly port: number; readonly host: string };
  /** Absolute folder for the embedded database and uploads. */
  readonly dataDir: string;
  readonly database: { readonly url: string | undefined; readonly maxConnections: number };
  /** NODE_ENV=production. */
  readonly production: boolean;
  readonly regions: readonly RegionConfig[];
}

export type Env = Readonly<Record<string, string | undefined>>;

function envPort(env: Env): number | undefined {
  const raw = env.PORT;
  if (raw === undefined || raw === "") return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 0 && n <= 65535)) {
    throw new CompositionError(`PORT must be a TCP port number 0-65535, got "${raw}"`, { field: "PORT" });
  }
  return n;
}

function envDatabaseUrl(env: Env): string | undefined {
  const url = env.DATABASE_URL;
  if (url === undefined || url === "") return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new CompositionError("DATABASE_URL must be a postgres:// URL", { field: "DATABASE_URL" });
  }
  return url;
}

/** Validates a parsed config object and applies the environment overrides. */
export function parseDeploymentConfig(raw: unknown, env: Env, source = "deployment config"): DeploymentConfig {
  const result = v.safeParse(deploymentConfigSchema, raw);
  if (!result.success) {
    const first = result.issues[0];
    throw new CompositionError(
      `${source} is invalid: ${describeIssues(result.issues, (p) => p || "(top level)")}`,
      first ? { field: v.getDotPath(first) ?? "" } : {},
    );
  }
  const c = result.output;
  return {
    source,
    server: { port: envPort(env) ?? c.server.port, host: env.HOST || c.server.host },
    dataDir: resolve(env.DATA_DIR || c.dataDir),
    database: { url: envDatabaseUrl(env) ?? c.database.url, maxConnections: c.database.maxConnections },
    production: env.NODE_ENV === "production",
    regions: c.regions,
  };
}

/**
 * Reads the deployment config file (DEPLOYMENT_CONFIG, else config/deployment.json) and
 * validates it; a missing file or bad JSON is a start-up error naming the file.
 */
export function loadDeploymentConfig(env: Env, path = env.DEPLOYMENT_CONFIG || DEFAULT_CONFIG_PATH): DeploymentConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CompositionError(`cannot read deployment config ${file}: ${(e as Error).message}`, { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CompositionError(`deployment config ${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return parseDeploymentConfig(raw, env, `deployment config ${file}`);
}
