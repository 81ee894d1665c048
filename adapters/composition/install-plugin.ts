import * as v from "valibot";
import { type PortToken, portName } from "../../core/kernel/mod.ts";
import { childLogger } from "../../plugins/_framework/logger.ts";
import type { PluginContext } from "../../plugins/_framework/plugin-manifest.ts";
import type { AnyPluginManifest, PluginRegistry } from "../../plugins/_framework/plugin-registry.ts";
import { servesRegion } from "../../plugins/_framework/region-scope.ts";
import { CompositionError, regionLabel } from "./composition-error.ts";
import type { PluginRef } from "./deployment-config.ts";
import { issueLines } from "./format-issues.ts";

export type PluginServices = Omit<PluginContext, "regionCode" | "regionName" | "onClose">;

export interface RegionRef {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
}

export interface InstalledPlugin {
  readonly manifest: AnyPluginManifest;
  readonly provision: ReadonlyMap<PortToken, unknown>;
}

/** The manifest for `ref.id`, refusing unknown ids and plugins that do not serve the region. */
export function findPlugin(registry: PluginRegistry, ref: PluginRef, region: RegionRef): AnyPluginManifest {
  const label = regionLabel(region);
  const manifest = registry.find(ref.id);
  if (!manifest) {
    throw new CompositionError(
      `${label}: unknown plugin ${ref.id} (installed plugins: ${registry.ids().join(", ") || "none"})`,
      { regionCode: region.code, pluginId: ref.id },
    );
  }
  if (!servesRegion(manifest.regions, region.code)) {
    const served = manifest.regions === "*" ? "any region" : manifest.regions.join(", ");
    throw new CompositionError(
      `${label}: plugin ${ref.id} serves ${served} only; it cannot be installed in region ${region.code}`,
      { regionCode: region.code, pluginId: ref.id },
    );
  }
  return manifest;
}

/**
 * Validates the plugin's config against its schema, runs its factory and checks it returned
 * exactly the ports its manifest declares. Every failure names the region and the plugin (and
 * the config field when the config is wrong).
 */
export async function installPlugin(
  manifest: AnyPluginManifest,
  ref: PluginRef,
  region: RegionRef,
  services: PluginServices,
  onClose: (fn: () => void | Promise<void>) => void,
): Promise<InstalledPlugin> {
  const at = `${regionLabel(region)}: plugin ${manifest.id}`;
  const init = { regionCode: region.code, pluginId: manifest.id };
  const parsed = v.safeParse(manifest.configSchema, ref.config);
  if (!parsed.success) {
    const lines = issueLines(parsed.issues);
    const text = lines.map((l) => `config field ${l.path || "(whole config)"}: ${l.message}`).join("; ");
    throw new CompositionError(`${at} ${text}`, { ...init, field: lines[0]?.path ?? "" });
  }
  const ctx: PluginContext = {
    ...services,
    logger: childLogger(services.logger, { region: region.code, plugin: manifest.id }),
    regionCode: region.code,
    regionName: region.name,
    onClose,
  };
  let provision: ReadonlyMap<PortToken, unknown>;
  try {
    provision = await manifest.create(parsed.output, ctx);
  } catch (e) {
    throw new CompositionError(`${at} failed to start: ${(e as Error).message ?? String(e)}`, { ...init, cause: e });
  }
  if (!(provision instanceof Map)) {
    throw new CompositionError(`${at}: create() must return a Map of port token to adapter`, init);
  }
  for (const token of manifest.provides) {
    if (!provision.has(token) || provision.get(token) == null) {
      throw new CompositionError(`${at} declares port ${portName(token)} but create() did not provide it`, init);
    }
  }
  for (const token of provision.keys()) {
    if (!manifest.provides.includes(token)) {
      throw new CompositionError(`${at} provides port ${portName(token)} that its manifest does not declare`, init);
    }
  }
  return { manifest, provision };
}
