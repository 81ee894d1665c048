import type { DependencyContainer } from "tsyringe";
import type { Clock, IdGenerator, ModuleDescriptor, PortToken } from "../../core/kernel/mod.ts";
import type { Logger } from "../../plugins/_framework/logger.ts";
import type { PluginSummary } from "../../plugins/_framework/plugin-manifest.ts";
import type { KernelPack } from "../../plugins/_framework/policy-pack.ts";
import type { Database } from "../db/create-database.ts";
import type { DeploymentConfig } from "./deployment-config.ts";

/**
 * What the composition root hands to the HTTP layer and scripts: the database, the shared
 * adapters, and one child container per configured region (its plugins and policy pack).
 */
export interface RegionContext {
  readonly code: string; // GB/T 2260, e.g. "350900"
  readonly name: { readonly zh: string; readonly en: string };
  /** Module ids enabled in this region, e.g. ["factors", "quickclaim"]. */
  readonly modules: readonly string[];
  /** The region's child container: plugins' adapters by port token, policy packs. */
  readonly container: DependencyContainer;
  /** The validated policy pack part of one module (throws if the module is not enabled). */
  policy<T = unknown>(moduleId: string): T;
  /** Plugin ids installed for this region. */
  readonly plugins: readonly string[];
  /** The installed plugins with kind and title; simulators are flagged (pages, /ready). */
  readonly pluginDetails?: readonly PluginSummary[];
}

export interface Platform {
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly container: DependencyContainer;
  readonly regions: ReadonlyMap<string, RegionContext>;
  region(code: string): RegionContext; // throws DomainError not_found for unknown regions
  close(): Promise<void>;
}

/** The policy in force for a prefecture, or for one of its counties (overrides merged in). */
export interface RegionPolicy {
  readonly regionCode: string;
  readonly countyCode: string | undefined;
  /** Region meta (counties) and the working-day calendar. */
  readonly kernel: KernelPack;
  /** The validated pack part of one module (throws if the module is not enabled). */
  module<T = unknown>(moduleId: string): T;
}

/** A region as built by the composition root (adapters/composition/compose.ts). */
export interface ComposedRegion extends RegionContext {
  readonly pluginDetails: readonly PluginSummary[];
  /** Id of the policy-pack plugin. */
  readonly policyPackId: string;
  readonly kernel: KernelPack;
  /** KRN-R12: the policy for the prefecture (no county) or one of its counties. */
  policyFor(countyCode?: string): RegionPolicy;
  /**
   * The adapter for a port, choosing the most specific provider: a plugin serving the county,
   * else one serving the whole region. Throws DomainError "unavailable" when none serves it.
   */
  adapter<T>(token: PortToken, countyCode?: string): T;
}

/** The platform as built by the composition root. */
export interface ComposedPlatform extends Platform {
  readonly config: DeploymentConfig;
  readonly logger: Logger;
  /** Installed module descriptors (adapters/composition/modules.ts). */
  readonly modules: readonly ModuleDescriptor[];
  readonly regions: ReadonlyMap<string, ComposedRegion>;
  region(code: string): ComposedRegion;
  /**
   * KRN-R12 resolution helper. `code` is a prefecture or a county code; a county code resolves
   * through its prefecture. `countyCode` may be given separately for the prefecture's county.
   */
  policyFor(code: string, countyCode?: string): RegionPolicy;
}
