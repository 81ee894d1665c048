import type * as v from "valibot";
import type { Clock, IdGenerator, PortToken } from "../../core/kernel/mod.ts";
import type { Logger } from "./logger.ts";

/**
 * KRN-R13 plugins. A plugin is a folder `plugins/<id>/` whose `manifest.ts` exports a
 * `PluginManifest`: who it is, which regions it may serve, which ports (DI tokens declared in
 * `core/`) it fills, the schema of its configuration, and a factory. Installing a region means
 * naming plugins in the deployment config; no file in `core/` changes.
 */
export type PluginKind =
  /** A real connection to an outside system (registry, bank, insurer, SMS…). */
  | "adapter"
  /** A stand-in for an outside system, for demos and tests. Shown as such on pages and /ready. */
  | "simulator"
  /** A region's policy pack: kernel data (calendar, counties) and one part per module. */
  | "policy-pack"
  /** A generic connector (e.g. signed HTTPS, KRN-R14) configured per institution. */
  | "gateway";

export const PLUGIN_KINDS: readonly PluginKind[] = ["adapter", "simulator", "policy-pack", "gateway"];

/** What a plugin's factory receives besides its validated config. */
export interface PluginContext {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** The region (GB/T 2260 prefecture code) the plugin is being installed in. */
  readonly regionCode: string;
  readonly regionName: { readonly zh: string; readonly en: string };
  /** True when NODE_ENV=production: development-only plugins refuse to load. */
  readonly production: boolean;
  /**
   * The deployment's data folder (absolute, `dataDir` / DATA_DIR): plugins that keep files
   * (uploaded photos, a simulator's ledger) put them under it. Absent when a plugin is built
   * outside a deployment (unit tests); such a plugin then needs an explicit folder or memory.
   */
  readonly dataDir?: string;
  /** Registers clean-up to run when the platform closes (sockets, timers, files). */
  onClose(fn: () => void | Promise<void>): void;
}

/** The adapters a plugin instance provides, by port token. */
export type PluginProvision = ReadonlyMap<PortToken, unknown>;

export interface PluginManifest<TSchema extends v.GenericSchema = v.GenericSchema> {
  /** Folder name under `plugins/`, kebab-case, e.g. "ningde-fuan-registry". */
  readonly id: string;
  /** Semantic version of the plugin, e.g. "1.0.0". */
  readonly version: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description: string;
  readonly kind: PluginKind;
  /**
   * GB/T 2260 codes the plugin may serve — a prefecture (350900) or a county (350981) — or "*"
   * for any region. A county plugin may be installed in its prefecture and serves that county.
   */
  readonly regions: readonly string[] | "*";
  /** Ports (tokens from `core/`) this plugin fills; `create` must return exactly these. */
  readonly provides: readonly PortToken[];
  /** valibot schema of the plugin's config object; every field carries `v.description`. */
  readonly configSchema: TSchema;
  create(config: v.InferOutput<TSchema>, ctx: PluginContext): PluginProvision | Promise<PluginProvision>;
}

/** Identity helper that keeps the config type of `create` tied to `configSchema`. */
export function definePlugin<TSchema extends v.GenericSchema>(
  manifest: PluginManifest<TSchema>,
): PluginManifest<TSchema> {
  return manifest;
}

/** A short public description of an installed plugin (pages, /ready, logs). */
export interface PluginSummary {
  readonly id: string;
  readonly version: string;
  readonly kind: PluginKind;
  readonly title: { readonly zh: string; readonly en: string };
  readonly simulator: boolean;
  readonly regions: readonly string[] | "*";
  /** Port names, e.g. ["kernel.Notifier"]. */
  readonly provides: readonly string[];
}
