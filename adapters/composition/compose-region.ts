import type { DependencyContainer } from "tsyringe";
import { DomainError, type ModuleDescriptor, type PortToken, regionContains } from "../../core/kernel/mod.ts";
import { PolicyPackPort } from "../../plugins/_framework/kernel-tokens.ts";
import type { PluginRegistry } from "../../plugins/_framework/plugin-registry.ts";
import { summarizePlugin } from "../../plugins/_framework/plugin-registry.ts";
import { CompositionError, regionLabel } from "./composition-error.ts";
import type { RegionConfig } from "./deployment-config.ts";
import { findPlugin, type InstalledPlugin, installPlugin, type PluginServices } from "./install-plugin.ts";
import type { ComposedRegion, RegionPolicy } from "./platform.ts";
import { type ResolvedPolicy, resolvePolicyPack } from "./policy-resolution.ts";
import { PortProviders } from "./port-providers.ts";
import { Tokens } from "./tokens.ts";

export interface RegionBuildInput {
  readonly config: RegionConfig;
  readonly registry: PluginRegistry;
  /** Installed modules by id. */
  readonly modules: ReadonlyMap<string, ModuleDescriptor>;
  readonly root: DependencyContainer;
  readonly services: PluginServices;
  readonly onClose: (fn: () => void | Promise<void>) => void;
}

function notEnabled(moduleId: string, region: RegionConfig): DomainError {
  return new DomainError(`module ${moduleId} is not enabled in ${regionLabel(region)}`, {
    ruleId: "KRN-R12",
    kind: "not_found",
    field: "module",
  });
}

function policyView(region: RegionConfig, resolved: ResolvedPolicy, countyCode?: string): RegionPolicy {
  if (countyCode !== undefined && !resolved.kernel.region.counties.some((c) => c.code === countyCode)) {
    throw new DomainError(`${countyCode} is not a county of ${regionLabel(region)}`, {
      ruleId: "KRN-R12",
      kind: "not_found",
      field: "countyCode",
    });
  }
  const overrides = countyCode === undefined ? undefined : resolved.counties.get(countyCode);
  return {
    regionCode: region.code,
    countyCode,
    kernel: resolved.kernel,
    module<T>(moduleId: string): T {
      if (!region.modules.includes(moduleId)) throw notEnabled(moduleId, region);
      return (overrides?.has(moduleId) ? overrides.get(moduleId) : resolved.modules.get(moduleId)) as T;
    },
  };
}

/**
 * One region: a child container of the root holding the region's plugins (configs validated,
 * region served), its validated policy pack, and a check that every enabled module's required
 * ports are provided — any failure stops start-up with a message naming the region.
 */
export async function composeRegion(input: RegionBuildInput): Promise<ComposedRegion> {
  const { config: region, registry, modules } = input;
  const label = regionLabel(region);
  for (const moduleId of region.modules) {
    if (!modules.has(moduleId)) {
      const known = [...modules.keys()].join(", ") || "none";
      throw new CompositionError(`${label}: module ${moduleId} is not installed (installed modules: ${known})`, {
        regionCode: region.code,
        moduleId,
      });
    }
  }

  const packManifest = findPlugin(registry, region.policyPack, region);
  if (packManifest.kind !== "policy-pack") {
    throw new CompositionError(`${label}: plugin ${packManifest.id} is not a policy pack (kind ${packManifest.kind})`, {
      regionCode: region.code,
      pluginId: packManifest.id,
    });
  }
  const pack = await installPlugin(packManifest, region.policyPack, region, input.services, input.onClose);
  const resolved = resolvePolicyPack(pack.provision.get(PolicyPackPort), {
    region,
    packId: packManifest.id,
    modules,
    enabled: region.modules,
  });

  const combiners = new Map(
    region.modules.flatMap((id) => [...((modules.get(id) as ModuleDescriptor).combinedPorts ?? new Map()).entries()]),
  );
  const providers = new PortProviders(region, combiners);
  const installed: InstalledPlugin[] = [];
  for (const ref of region.plugins) {
    const manifest = findPlugin(registry, ref, region);
    if (manifest.kind === "policy-pack") {
      throw new CompositionError(
        `${label}: plugin ${manifest.id} is a policy pack; name it as the region's policyPack`,
        {
          regionCode: region.code,
          pluginId: manifest.id,
        },
      );
    }
    const plugin = await installPlugin(manifest, ref, region, input.services, input.onClose);
    providers.add(plugin);
    installed.push(plugin);
  }
  providers.combine();
  for (const moduleId of region.modules) {
    providers.checkRequired(modules.get(moduleId) as ModuleDescriptor, resolved.kernel.region.counties);
  }

  const container = input.root.createChildContainer();
  for (const token of providers.tokens()) {
    for (const p of providers.all(token)) container.register(token, { useValue: p.adapter });
  }
  container.register(PolicyPackPort, { useValue: resolved });

  const prefecturePolicy = policyView(region, resolved);
  const context: ComposedRegion = {
    code: region.code,
    name: region.name,
    modules: region.modules,
    container,
    plugins: [packManifest.id, ...installed.map((p) => p.manifest.id)],
    pluginDetails: [pack, ...installed].map((p) => summarizePlugin(p.manifest)),
    policyPackId: packManifest.id,
    kernel: resolved.kernel,
    policy: <T>(moduleId: string): T => prefecturePolicy.module<T>(moduleId),
    policyFor: (countyCode?: string) =>
      countyCode === undefined || countyCode === region.code
        ? prefecturePolicy
        : policyView(region, resolved, countyCode),
    adapter: <T>(token: PortToken, countyCode?: string): T => {
      if (countyCode !== undefined && !regionContains(region.code, countyCode)) {
        throw new DomainError(`${countyCode} is not in ${label}`, { ruleId: "KRN-R13", kind: "not_found" });
      }
      return providers.adapterFor<T>(token, countyCode);
    },
  };
  container.register(Tokens.Region, { useValue: context });
  return context;
}
