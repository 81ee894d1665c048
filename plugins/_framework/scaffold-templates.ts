import type { PluginKind } from "./plugin-manifest.ts";

/**
 * Source templates for `npm run new-plugin` (scripts/new-plugin.ts). Pure string building, so
 * the generated files can be checked in tests by type-checking and running them.
 */
export interface ScaffoldSpec {
  readonly id: string;
  readonly kind: Exclude<PluginKind, "policy-pack">;
  readonly regions: readonly string[] | "*";
  /** Port names, "<module>.<Port>". */
  readonly ports: readonly string[];
  readonly title: { readonly zh: string; readonly en: string };
  /** Relative path (posix) from the plugin folder to the repository root, e.g. "../..". */
  readonly root: string;
}

export function pascalCase(id: string): string {
  return id
    .split("-")
    .map((w) => (w[0] ?? "").toUpperCase() + w.slice(1))
    .join("");
}

export function camelCase(id: string): string {
  const p = pascalCase(id);
  return (p[0] ?? "").toLowerCase() + p.slice(1);
}

/** "factors.FactorRegistry" → "FactorsFactorRegistry" (a constant name for the token). */
export function tokenConst(port: string): string {
  return port
    .split(".")
    .map((w) => (w[0] ?? "").toUpperCase() + w.slice(1))
    .join("");
}

const remote = (kind: ScaffoldSpec["kind"]) => kind !== "simulator";

/** A config that passes the generated schema (used in the README and the generated test). */
export function sampleConfig(spec: ScaffoldSpec): Record<string, unknown> {
  return remote(spec.kind) ? { baseUrl: "https://partner.example.test/api" } : { latencyMs: 0 };
}

function configSchemaSource(spec: ScaffoldSpec): string {
  if (remote(spec.kind)) {
    return `const configSchema = v.strictObject({
  baseUrl: v.pipe(v.string(), v.url("baseUrl must be a URL"), v.description("base URL of the partner's API")),
  timeoutMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(60_000)), 5000),
    v.description("how long to wait for an answer before the case waits for a retry (KRN-R10)"),
  ),
});`;
  }
  return `const configSchema = v.strictObject({
  latencyMs: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)), 0),
    v.description("simulated response time in milliseconds"),
  ),
});`;
}

export function manifestSource(spec: ScaffoldSpec): string {
  const cls = pascalCase(spec.id);
  const tokens = spec.ports.map((p) => `const ${tokenConst(p)} = portToken("${p}");`).join("\n");
  const regions = spec.regions === "*" ? `"*"` : `[${spec.regions.map((r) => `"${r}"`).join(", ")}]`;
  const entries = spec.ports.map((p) => `[${tokenConst(p)}, adapter]`).join(", ");
  return `import * as v from "valibot";
import { portToken } from "${spec.root}/core/kernel/mod.ts";
import { definePlugin } from "${spec.root}/plugins/_framework/plugin-manifest.ts";
import { ${cls} } from "./${spec.id}.ts";

// The ports this plugin fills. portToken(name) is the same symbol as the token the module
// declares next to the port interface (core/<module>/<module>.ports.ts); prefer importing that.
${tokens}

${configSchemaSource(spec)}

export type ${cls}Config = v.InferOutput<typeof configSchema>;

/** ${spec.title.en} (${spec.title.zh}). */
export const manifest = definePlugin({
  id: "${spec.id}",
  version: "0.1.0",
  title: { zh: "${spec.title.zh}", en: "${spec.title.en}" },
  description: "${spec.kind === "simulator" ? "Simulator of" : "Adapter for"} ${spec.ports.join(", ")}. TODO: say what it connects to.",
  kind: "${spec.kind}",
  regions: ${regions},
  provides: [${spec.ports.map(tokenConst).join(", ")}],
  configSchema,
  create(config, ctx) {
    const adapter = new ${cls}(config, ctx);
    return new Map<symbol, unknown>([${entries}]);
  },
});
`;
}

export function adapterSource(spec: ScaffoldSpec): string {
  const cls = pascalCase(spec.id);
  return `import type { PluginContext } from "${spec.root}/plugins/_framework/plugin-manifest.ts";
import type { ${cls}Config } from "./manifest.ts";

/**
 * ${spec.title.en} (${spec.title.zh}): fills ${spec.ports.join(", ")}.
 *
 * TODO: add \`implements\` for each port interface (exported by the module's mod.ts) and its
 * methods. Calls to outside systems run outside database transactions; a timeout or failure
 * must leave the case waiting visibly for a retry (KRN-R10).${spec.kind === "simulator" ? "\n * This is a simulator: it answers like the real system for demos and tests." : ""}
 */
export class ${cls} {
  readonly #config: ${cls}Config;
  readonly #ctx: PluginContext;

  constructor(config: ${cls}Config, ctx: PluginContext) {
    this.#config = config;
    this.#ctx = ctx;
  }

  /** Which plugin and region this instance serves (for logs and tests). */
  describe(): { readonly plugin: string; readonly region: string; readonly config: ${cls}Config } {
    return { plugin: "${spec.id}", region: this.#ctx.regionCode, config: this.#config };
  }
}
`;
}

export function testSource(spec: ScaffoldSpec): string {
  const cls = pascalCase(spec.id);
  const home = spec.regions === "*" ? "350900" : (spec.regions[0] as string);
  const prefecture = `${home.slice(0, 4)}00`;
  const bad = remote(spec.kind) ? `{ baseUrl: "not a url" }` : `{ latencyMs: -1 }`;
  const badField = remote(spec.kind) ? "baseUrl" : "latencyMs";
  return `import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { silentLogger } from "${spec.root}/plugins/_framework/logger.ts";
import type { PluginContext } from "${spec.root}/plugins/_framework/plugin-manifest.ts";
import { servesRegion } from "${spec.root}/plugins/_framework/region-scope.ts";
import { manifestProblems } from "${spec.root}/plugins/_framework/validate-manifest.ts";
import { ${cls} } from "./${spec.id}.ts";
import { manifest } from "./manifest.ts";

const ctx: PluginContext = {
  clock: { now: () => new Date("2026-03-02T02:00:00Z") },
  ids: { next: (prefix) => \`\${prefix}_test\` },
  logger: silentLogger,
  regionCode: "${prefecture}",
  regionName: { zh: "测试", en: "Test" },
  production: false,
  onClose: () => {},
};

describe("plugin ${spec.id}: ${spec.title.zh} ${spec.title.en}", () => {
  it("has a valid manifest with described config fields", () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it("may be installed in region ${prefecture}", () => {
    expect(servesRegion(manifest.regions, "${prefecture}")).toBe(true);
  });

  it("provides every port it declares", async () => {
    const config = v.parse(manifest.configSchema, ${JSON.stringify(sampleConfig(spec))});
    const provision = await manifest.create(config, ctx);
    for (const token of manifest.provides) expect(provision.get(token)).toBeInstanceOf(${cls});
    expect([...provision.keys()]).toEqual([...manifest.provides]);
  });

  it("refuses a bad config, naming the field", () => {
    const result = v.safeParse(manifest.configSchema, ${bad});
    expect(result.success).toBe(false);
    if (!result.success) expect(v.getDotPath(result.issues[0])).toBe("${badField}");
  });
});
`;
}

export function readmeSource(spec: ScaffoldSpec): string {
  const regions = spec.regions === "*" ? "any region" : spec.regions.join(", ");
  const fields = remote(spec.kind)
    ? "| `baseUrl` | base URL of the partner's API | — |\n| `timeoutMs` | wait before the case waits for a retry | 5000 |"
    : "| `latencyMs` | simulated response time in milliseconds | 0 |";
  return `# ${spec.id} — ${spec.title.zh} ${spec.title.en}

Kind: **${spec.kind}**${spec.kind === "simulator" ? " (shown as a simulator on pages and /ready)" : ""}.
Serves: ${regions}. Provides: ${spec.ports.map((p) => `\`${p}\``).join(", ")}.

## Config

| field | meaning | default |
|---|---|---|
${fields}

## Install

1. \`plugins/index.ts\`: \`import { manifest as ${camelCase(spec.id)} } from "./${spec.id}/manifest.ts";\` and add
   \`${camelCase(spec.id)}\` to \`installedPlugins\`.
2. In the deployment config, under the region's \`plugins\`:
   \`${JSON.stringify({ id: spec.id, config: sampleConfig(spec) })}\`

Test: \`npx vitest run plugins/${spec.id}\`.
`;
}
