import {
  DomainError,
  type ModuleDescriptor,
  type PortCombiner,
  type PortToken,
  portName,
  regionContains,
} from "../../core/kernel/mod.ts";
import { coversWholeRegion } from "../../plugins/_framework/region-scope.ts";
import { CompositionError, regionLabel } from "./composition-error.ts";
import type { InstalledPlugin, RegionRef } from "./install-plugin.ts";

interface Provider {
  readonly pluginId: string;
  /** "region" for a region-wide provider, else the county codes it serves. */
  readonly scope: "region" | readonly string[];
  readonly adapter: unknown;
}

/**
 * Which plugin provides each port in one region. A port may have one region-wide provider and
 * county-specific ones (e.g. a county registry); two providers for the same scope are refused
 * as ambiguous, unless a module combines the port (region-wide providers side by side, each for
 * its share, made one adapter by `combine`). `adapterFor` picks the most specific provider for a county.
 */
export class PortProviders {
  readonly #region: RegionRef;
  readonly #byToken = new Map<PortToken, Provider[]>();
  readonly #combiners: ReadonlyMap<PortToken, PortCombiner>;

  /** `combiners`: the enabled modules' `combinedPorts`, whose region-wide providers may stand side by side. */
  constructor(region: RegionRef, combiners: ReadonlyMap<PortToken, PortCombiner> = new Map()) {
    this.#region = region;
    this.#combiners = combiners;
  }

  add(installed: InstalledPlugin): void {
    const { manifest, provision } = installed;
    const scope: Provider["scope"] = coversWholeRegion(manifest.regions, this.#region.code)
      ? "region"
      : (manifest.regions as readonly string[]).filter((c) => regionContains(this.#region.code, c));
    for (const [token, adapter] of provision) {
      const list = this.#byToken.get(token) ?? [];
      for (const other of list) {
        const clash =
          scope === "region" || other.scope === "region"
            ? scope === other.scope && !this.#combiners.has(token)
            : scope.some((c) => (other.scope as readonly string[]).includes(c));
        if (clash) {
          throw new CompositionError(
            `${regionLabel(this.#region)}: port ${portName(token)} is provided by both plugin ${other.pluginId} and plugin ${manifest.id} for the same area; install only one`,
            { regionCode: this.#region.code, pluginId: manifest.id },
          );
        }
      }
      list.push({ pluginId: manifest.id, scope, adapter });
      this.#byToken.set(token, list);
    }
  }

  /**
   * Makes one adapter of each combined port's region-wide providers (see ModuleDescriptor's
   * `combinedPorts`); overlapping shares are refused as a composition error. Call after the last add.
   */
  combine(): void {
    for (const [token, combine] of this.#combiners) {
      const list = this.#byToken.get(token) ?? [];
      const regionWide = list.filter((p) => p.scope === "region");
      if (regionWide.length < 2) continue;
      let adapter: unknown;
      try {
        adapter = combine(regionWide.map((p) => ({ pluginId: p.pluginId, adapter: p.adapter })));
      } catch (e) {
        throw new CompositionError(
          `${regionLabel(this.#region)}: port ${portName(token)} cannot combine its plugins: ${e instanceof Error ? e.message : String(e)}`,
          { regionCode: this.#region.code },
        );
      }
      const combined: Provider = { pluginId: regionWide.map((p) => p.pluginId).join("+"), scope: "region", adapter };
      this.#byToken.set(token, [...list.filter((p) => p.scope !== "region"), combined]);
    }
  }

  tokens(): PortToken[] {
    return [...this.#byToken.keys()];
  }

  all(token: PortToken): readonly Provider[] {
    return this.#byToken.get(token) ?? [];
  }

  /**
   * KRN-R13: every port a module requires must have an adapter for the whole region — one
   * region-wide provider, or county providers that together serve every county of the region.
   */
  checkRequired(module: ModuleDescriptor, counties: readonly { code: string; name: { zh: string } }[]): void {
    const label = regionLabel(this.#region);
    for (const token of module.requiredPorts) {
      const providers = this.all(token);
      if (providers.length === 0) {
        throw new CompositionError(
          `${label}: module ${module.id} needs port ${portName(token)}; no configured plugin provides it`,
          { regionCode: this.#region.code, moduleId: module.id },
        );
      }
      if (providers.some((p) => p.scope === "region")) continue;
      const served = new Set(providers.flatMap((p) => p.scope as readonly string[]));
      const missing = counties.filter((c) => !served.has(c.code));
      if (missing.length > 0) {
        const names = missing.map((c) => `${c.code} (${c.name.zh})`).join(", ");
        throw new CompositionError(
          `${label}: module ${module.id} needs port ${portName(token)} in every county; no configured plugin provides it for ${names}`,
          { regionCode: this.#region.code, moduleId: module.id },
        );
      }
    }
  }

  /** The adapter serving `countyCode` (a county provider first), else the region-wide one. */
  adapterFor<T>(token: PortToken, countyCode?: string): T {
    const providers = this.all(token);
    const county =
      countyCode === undefined
        ? undefined
        : providers.find((p) => p.scope !== "region" && p.scope.some((c) => regionContains(c, countyCode)));
    const chosen = county ?? providers.find((p) => p.scope === "region");
    if (!chosen) {
      const where = countyCode ? `county ${countyCode} of ${regionLabel(this.#region)}` : regionLabel(this.#region);
      throw new DomainError(`no adapter for port ${portName(token)} in ${where}`, {
        ruleId: "KRN-R13",
        kind: "unavailable",
      });
    }
    return chosen.adapter as T;
  }
}
