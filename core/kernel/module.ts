import type * as v from "valibot";

/**
 * KRN-R13: what a core module tells the composition root about itself — its policy-pack schema
 * and the ports (DI tokens) a region must provide through plugins before the module can run.
 */
export interface ModuleDescriptor {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** valibot schema of the module's part of a region's policy pack. */
  readonly policySchema: v.GenericSchema;
  /** Tokens of ports a region must have an adapter for. */
  readonly requiredPorts: readonly PortToken[];
  /**
   * Ports that several plugins may serve side by side in one region, each for its share (e.g. a
   * lender gateway per institution: some banks over HTTPS, others simulated in a demonstration):
   * the combiner makes the one adapter the module uses, and throws when the shares overlap.
   */
  readonly combinedPorts?: ReadonlyMap<PortToken, PortCombiner>;
}

/** One adapter of a port made from the adapters several plugins provide (see `combinedPorts`). */
export type PortCombiner = (parts: readonly { readonly pluginId: string; readonly adapter: unknown }[]) => unknown;

/** A DI token for a port: a registered symbol whose description is "<module>.<Port>". */
export type PortToken = symbol;

export function portToken(name: string): PortToken {
  return Symbol.for(name);
}

export function portName(token: PortToken): string {
  return token.description ?? String(token);
}
