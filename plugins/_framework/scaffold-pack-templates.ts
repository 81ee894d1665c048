/**
 * Source templates for `npm run new-plugin -- --kind policy-pack --region <prefecture>`: a
 * prefecture's policy pack built with `regionPackPlugin` (see plugins/ningde-region).
 */
export interface PackScaffoldSpec {
  readonly id: string;
  /** GB/T 2260 prefecture code, e.g. "350500". */
  readonly regionCode: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** Relative path (posix) from the plugin folder to the repository root. */
  readonly root: string;
}

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function packManifestSource(spec: PackScaffoldSpec): string {
  return `import { nationalCalendarData, nationalCalendarYears } from "${spec.root}/adapters/calendar/national-calendar.ts";
import { regionPackPlugin } from "${spec.root}/plugins/_framework/region-pack-plugin.ts";
import { ${camel(spec.id)}Counties, ${camel(spec.id)}Modules } from "./${spec.id}.ts";

/** ${spec.title.zh} ${spec.title.en}: the policy pack of region ${spec.regionCode} (KRN-R12). */
export const manifest = regionPackPlugin({
  id: "${spec.id}",
  version: "0.1.0",
  regionCode: "${spec.regionCode}",
  title: { zh: "${spec.title.zh}", en: "${spec.title.en}" },
  description: "Policy pack of region ${spec.regionCode}: counties, working-day calendar and each module's dated parameters with their source documents.",
  calendar: nationalCalendarData,
  availableYears: nationalCalendarYears,
  defaultYears: [2026, 2027],
  modules: ${camel(spec.id)}Modules,
  counties: ${camel(spec.id)}Counties,
});
`;
}

export function packPartsSource(spec: PackScaffoldSpec): string {
  return `/**
 * The module parts of region ${spec.regionCode}'s policy pack. Start from each module's default
 * pack (core/<module>/policy-defaults.ts) and change what the prefecture decided; every value
 * keeps its \`from\` date and \`source\` document. Start-up validates each part against the
 * module's policySchema and names the parameter that is wrong.
 */
export function ${camel(spec.id)}Modules(): Readonly<Record<string, unknown>> {
  return {
    // factors: { ...ningdeFactorsPolicy, … },
  };
}

/** County differences: county code → module id → the parameters that differ (merged over the above). */
export function ${camel(spec.id)}Counties(): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  return {};
}
`;
}

export function packTestSource(spec: PackScaffoldSpec): string {
  return `import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { resolvePolicyPack } from "${spec.root}/adapters/composition/policy-resolution.ts";
import { PolicyPackPort } from "${spec.root}/plugins/_framework/kernel-tokens.ts";
import { silentLogger } from "${spec.root}/plugins/_framework/logger.ts";
import type { PluginContext } from "${spec.root}/plugins/_framework/plugin-manifest.ts";
import { manifestProblems } from "${spec.root}/plugins/_framework/validate-manifest.ts";
import { manifest } from "./manifest.ts";

const region = { code: "${spec.regionCode}", name: { zh: "${spec.title.zh}", en: "${spec.title.en}" } };
const ctx: PluginContext = {
  clock: { now: () => new Date("2026-03-02T02:00:00Z") },
  ids: { next: (prefix) => \`\${prefix}_test\` },
  logger: silentLogger,
  regionCode: region.code,
  regionName: region.name,
  production: false,
  onClose: () => {},
};

describe("policy pack ${spec.id}: ${spec.title.zh} ${spec.title.en}", () => {
  it("has a valid manifest", () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it("passes start-up validation: region, counties and a working-day calendar with its source", async () => {
    const provision = await manifest.create(v.parse(manifest.configSchema, {}), ctx);
    const resolved = resolvePolicyPack(provision.get(PolicyPackPort), {
      region,
      packId: manifest.id,
      modules: new Map(),
      enabled: [],
    });
    expect(resolved.kernel.region.code).toBe("${spec.regionCode}");
    expect(resolved.kernel.region.counties.length).toBeGreaterThan(0);
    expect(resolved.kernel.calendar.source.length).toBeGreaterThan(0);
  });
});
`;
}

export function packReadmeSource(spec: PackScaffoldSpec): string {
  return `# ${spec.id} — ${spec.title.zh} ${spec.title.en}

Kind: **policy-pack** for region ${spec.regionCode} (KRN-R12). Provides \`kernel.PolicyPack\`.

- Kernel part: the prefecture and its counties (GB/T 2260) and the national working-day calendar.
- Module parts and county differences: \`${spec.id}.ts\`.

| config field | meaning | default |
| --- | --- | --- |
| \`calendarYears\` | years of the working-day calendar to load | 2026, 2027 where published |

Install: add \`import { manifest as ${camel(spec.id)} } from "./${spec.id}/manifest.ts";\` to
\`plugins/index.ts\`, and a region entry with \`"policyPack": { "id": "${spec.id}" }\` to the deployment config.
`;
}
