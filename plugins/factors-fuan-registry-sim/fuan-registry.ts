import type { RegistryQuery, RegistryRecord, RightsRegistry } from "../../core/factors/mod.ts";
import type { RegistryBook } from "../factors-sim-support/registry-book.ts";

export const FUAN = "350981";

/**
 * 福安's registries and departments: a 无证 type is confirmed by the department the county's
 * pack names (FAC-R01); a department that is not connected does not answer, so the factor waits.
 */
export class FuanRegistry implements RightsRegistry {
  readonly #book: RegistryBook;
  readonly #departments: ReadonlySet<string>;
  constructor(book: RegistryBook, departments: readonly string[]) {
    this.#book = book;
    this.#departments = new Set(departments);
  }
  async lookup(q: RegistryQuery): Promise<RegistryRecord> {
    if (q.countyCode !== FUAN) throw new Error(`the 福安 registry does not hold records of county ${q.countyCode}`);
    if (q.registryKind === "department" && !this.#departments.has(q.departmentId ?? "")) {
      throw new Error(`department ${q.departmentId} is not connected to the platform`);
    }
    return this.#book.lookup(q);
  }
}
