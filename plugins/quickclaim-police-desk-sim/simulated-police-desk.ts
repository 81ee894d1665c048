import type { Officer, PoliceDesk } from "../../core/quickclaim/mod.ts";
import type { Logger } from "../_framework/logger.ts";

export interface PoliceUnit {
  /** The unit's id; police API keys carry it as their institution id. */
  readonly id: string;
  readonly name: string;
  /** Officers on duty; one is picked for a principal by a stable hash of its id. */
  readonly officers: readonly { readonly name: string; readonly badgeNo: string }[];
}

export interface QueuedCase {
  readonly caseId: string;
  readonly regionCode: string;
  readonly centreId: string;
  readonly reportedAt: string;
}

function stableIndex(text: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}

/**
 * SIMULATOR of the 交警 police desk. Officer identity: a police principal signed in with an API
 * key of institution `<unit id>` (principal id `inst:<unit>/<key>`) is an officer of that unit;
 * keys without an institution (`staff:<key>`) belong to the first unit when `staffKeysUnit` is
 * set. The officer's name and badge come from the unit's roster, picked by a stable hash of the
 * principal id, so the same key is always the same officer. The determination queue itself is
 * the platform's (cases EVIDENCE_SUBMITTED); `enqueue` only records and logs the hand-over.
 */
export class SimulatedPoliceDesk implements PoliceDesk {
  readonly #units: ReadonlyMap<string, PoliceUnit>;
  readonly #staffUnit: PoliceUnit | undefined;
  readonly #logger: Logger;
  readonly #queue: QueuedCase[] = [];

  constructor(units: readonly PoliceUnit[], staffKeysUnit: string | null, logger: Logger) {
    this.#units = new Map(units.map((u) => [u.id, u]));
    this.#staffUnit = staffKeysUnit === null ? undefined : this.#units.get(staffKeysUnit);
    this.#logger = logger;
  }

  async officer(principalId: string): Promise<Officer | undefined> {
    let unit: PoliceUnit | undefined;
    const inst = /^inst:([^/]+)\/(.+)$/.exec(principalId);
    if (inst) unit = this.#units.get(inst[1] as string);
    else if (principalId.startsWith("staff:")) unit = this.#staffUnit;
    if (!unit || unit.officers.length === 0) return undefined;
    const o = unit.officers[stableIndex(principalId, unit.officers.length)] as PoliceUnit["officers"][number];
    return { id: principalId, name: o.name, badgeNo: o.badgeNo, unit: unit.name };
  }

  async enqueue(item: QueuedCase): Promise<void> {
    if (this.#queue.some((q) => q.caseId === item.caseId)) return;
    this.#queue.push({ ...item });
    this.#logger.info("police desk simulator: case queued for online determination", {
      caseId: item.caseId,
      regionCode: item.regionCode,
      centreId: item.centreId,
    });
  }

  /** Cases handed to the desk, in order (each once). */
  queued(): readonly QueuedCase[] {
    return [...this.#queue];
  }
}
