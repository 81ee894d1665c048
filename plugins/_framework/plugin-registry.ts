import type * as v from "valibot";
import type { PluginManifest, PluginSummary } from "./plugin-manifest.ts";
import { manifestProblems } from "./validate-manifest.ts";

/** Any manifest, whatever its config type (for lists of installed plugins). */
export type AnyPluginManifest = PluginManifest<v.GenericSchema>;

/**
 * The installed plugins by id. Built from an explicit list (plugins/index.ts), never from a
 * folder scan, so what can run is visible in code review. Refuses malformed manifests and
 * duplicate ids up front.
 */
export class PluginRegistry {
  readonly #byId = new Map<string, AnyPluginManifest>();

  constructor(manifests: readonly AnyPluginManifest[]) {
    const problems: string[] = [];
    for (const m of manifests) {
      for (const p of manifestProblems(m)) problems.push(`plugin ${m.id ?? "(no id)"}: ${p}`);
      if (this.#byId.has(m.id)) problems.push(`plugin ${m.id}: installed twice`);
      this.#byId.set(m.id, m);
    }
    if (problems.length > 0) throw new Error(`invalid plugin manifests:\n  ${problems.join("\n  ")}`);
  }

  /** The manifest with this id, or undefined when no such plugin is installed. */
  find(id: string): AnyPluginManifest | undefined {
    return this.#byId.get(id);
  }

  ids(): string[] {
    return [...this.#byId.keys()].sort();
  }

  list(): AnyPluginManifest[] {
    return [...this.#byId.values()];
  }
}

export function summarizePlugin(m: AnyPluginManifest): PluginSummary {
  return {
    id: m.id,
    version: m.version,
    kind: m.kind,
    title: m.title,
    simulator: m.kind === "simulator",
    regions: m.regions,
    provides: m.provides.map((t) => t.description ?? String(t)),
  };
}
