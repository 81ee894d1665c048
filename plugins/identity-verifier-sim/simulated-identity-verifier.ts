import type { IdentityCheck, IdentityVerifier } from "../../core/kernel/mod.ts";

export interface SimulatedPerson {
  readonly residentId: string;
  readonly name: string;
  /** When given, the mobile registered to the person (运营商三要素); otherwise any mobile matches. */
  readonly mobile?: string | undefined;
}

export interface SimulatedEnterprise {
  readonly uscc: string;
  readonly name: string;
  /** Resident IDs of its legal representative and authorised agents. */
  readonly agents: readonly string[];
}

export interface SimulatedRegistry {
  readonly people: readonly SimulatedPerson[];
  readonly enterprises: readonly SimulatedEnterprise[];
  /** What the simulator answers for an ID it does not list: "match" (a permissive demo registry) or "mismatch". */
  readonly unlisted: "match" | "mismatch";
}

/**
 * SIMULATOR of the real-name services (公安 identity check, the operators' three-element check
 * and the market-regulation registry's representative check). Deterministic: a listed person
 * matches only with the listed name (and mobile, when listed); a listed enterprise only with its
 * name and one of its agents; anything unlisted gets `unlisted`. References are `SIM-…` so an
 * audit reader can tell a simulated check from a real one.
 */
export class SimulatedIdentityVerifier implements IdentityVerifier {
  readonly #people: ReadonlyMap<string, SimulatedPerson>;
  readonly #enterprises: ReadonlyMap<string, SimulatedEnterprise>;
  readonly #unlisted: "match" | "mismatch";
  #count = 0;

  constructor(registry: SimulatedRegistry) {
    this.#people = new Map(registry.people.map((p) => [p.residentId.toUpperCase(), p]));
    this.#enterprises = new Map(registry.enterprises.map((e) => [e.uscc.toUpperCase(), e]));
    this.#unlisted = registry.unlisted;
  }

  async verifyPerson(q: { name: string; residentId: string; mobile: string }): Promise<IdentityCheck> {
    const p = this.#people.get(q.residentId.toUpperCase());
    const match = p
      ? p.name === q.name && (p.mobile === undefined || p.mobile === q.mobile)
      : this.#unlisted === "match";
    return this.#answer("P", match);
  }

  async verifyEnterpriseAgent(q: {
    uscc: string;
    enterpriseName: string;
    agentName: string;
    agentResidentId: string;
  }): Promise<IdentityCheck> {
    const e = this.#enterprises.get(q.uscc.toUpperCase());
    const match = e
      ? e.name === q.enterpriseName && e.agents.some((a) => a.toUpperCase() === q.agentResidentId.toUpperCase())
      : this.#unlisted === "match";
    return this.#answer("E", match);
  }

  #answer(kind: string, match: boolean): IdentityCheck {
    this.#count += 1;
    return { outcome: match ? "match" : "mismatch", reference: `SIM-${kind}-${String(this.#count).padStart(6, "0")}` };
  }
}
