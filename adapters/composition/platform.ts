import type { DependencyContainer } from "tsyringe";
import type { Clock, IdGenerator } from "../../core/kernel/mod.ts";
import type { Database } from "../db/create-database.ts";

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
