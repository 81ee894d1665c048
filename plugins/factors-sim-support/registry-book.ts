import * as v from "valibot";
import { DEMO_FACTORS, DEMO_PEOPLE } from "../../adapters/factors/demo/ningde-demo-book.ts";
import type { RegistryQuery, RegistryRecord, RightsRegistry } from "../../core/factors/mod.ts";
import { parseQuantity } from "../../core/factors/mod.ts";

const fen = (what: string) => v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.description(what));
const date = (what: string) => v.pipe(v.string(), v.isoDate(), v.description(what));

/** One record a simulated registry (or a county department) holds. */
export const registryRecordSchema = v.strictObject({
  countyCode: v.pipe(v.string(), v.regex(/^\d{6}$/), v.description("county the record belongs to")),
  typeCode: v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/), v.description("factor type the registry records")),
  certificateNo: v.pipe(v.nullable(v.string()), v.description("certificate number; null for a 无证 filing")),
  location: v.pipe(v.string(), v.minLength(1), v.description("location; the key of a 无证 filing")),
  departmentId: v.pipe(
    v.optional(v.nullable(v.string()), null),
    v.description("the county department holding a 无证 filing (FAC-R01); null for a registry record"),
  ),
  holderId: v.pipe(v.string(), v.description("holder's resident ID or USCC")),
  holderKind: v.picklist(["person", "organisation"]),
  quantity: v.pipe(v.string(), v.description('recorded quantity in the type\'s unit, e.g. "12"')),
  recordNo: v.pipe(v.string(), v.minLength(1), v.description("the registry's record or filing number")),
  termEndsOn: v.pipe(v.nullable(date("last day of the right's term")), v.description("term end, if any")),
  pending: v.pipe(v.optional(v.boolean(), false), v.description("the department has not decided yet")),
  encumbrances: v.pipe(
    v.optional(
      v.array(v.strictObject({ creditor: v.string(), amountFen: fen("amount, fen"), recordedOn: date("recorded on") })),
      [],
    ),
    v.description("encumbrances recorded outside the platform"),
  ),
});

export type SimRegistryRecord = v.InferOutput<typeof registryRecordSchema>;

/** The demo book's records (adapters/factors/demo/ningde-demo-book.ts), optionally of some counties only. */
export function demoRegistryRecords(filter: (countyCode: string) => boolean = () => true): SimRegistryRecord[] {
  return DEMO_FACTORS.filter((r) => filter(r.countyCode)).map((r) => {
    const person = DEMO_PEOPLE.find((p) => p.key === r.person);
    if (!person) throw new Error(`demo record ${r.key}: unknown person ${r.person}`);
    return {
      countyCode: r.countyCode,
      typeCode: r.typeCode,
      certificateNo: r.certificateNo,
      location: r.location,
      departmentId: r.departmentId ?? null,
      holderId: person.idNumber,
      holderKind: "person",
      quantity: r.quantity,
      recordNo: r.recordNo,
      termEndsOn: r.termEndsOn,
      pending: r.pending ?? false,
      encumbrances: (r.encumbrances ?? []).map((e) => ({ ...e })),
    };
  });
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * SIMULATOR of rights registries: answers a query from its book. A certified type is found by
 * county + certificate number; a 无证 type by county + department + location (the department
 * the county's pack names must be the one holding the filing, FAC-R01). Unknown → not_found;
 * a filing still being decided → pending; `unreachable` counties throw (the case waits, KRN-R10).
 */
export class RegistryBook implements RightsRegistry {
  readonly #byKey: ReadonlyMap<string, SimRegistryRecord>;
  readonly #unreachable: ReadonlySet<string>;
  readonly lookups: RegistryQuery[] = [];

  constructor(records: readonly SimRegistryRecord[], unreachableCounties: readonly string[] = []) {
    const map = new Map<string, SimRegistryRecord>();
    for (const r of records) {
      const key = RegistryBook.key(r.countyCode, r.certificateNo, r.departmentId, r.location);
      if (map.has(key)) throw new Error(`registry book: two records under ${key}`);
      map.set(key, r);
    }
    this.#byKey = map;
    this.#unreachable = new Set(unreachableCounties);
  }

  static key(county: string, certificateNo: string | null, departmentId: string | null, location: string): string {
    return certificateNo
      ? `${county}|cert|${norm(certificateNo)}`
      : `${county}|dept|${departmentId ?? "-"}|${norm(location)}`;
  }

  /** A department filing that also carries a number: found by the number, only at that department. */
  #find(county: string, certificateNo: string, departmentId: string | null): SimRegistryRecord | undefined {
    const r = this.#byKey.get(RegistryBook.key(county, certificateNo, null, ""));
    return r && r.departmentId === departmentId ? r : undefined;
  }

  get size(): number {
    return this.#byKey.size;
  }

  async lookup(q: RegistryQuery): Promise<RegistryRecord> {
    this.lookups.push(q);
    if (this.#unreachable.has(q.countyCode)) throw new Error(`registry of county ${q.countyCode} is not answering`);
    const record =
      q.registryKind === "department"
        ? (this.#byKey.get(RegistryBook.key(q.countyCode, null, q.departmentId, q.location)) ??
          (q.certificateNo ? this.#find(q.countyCode, q.certificateNo, q.departmentId) : undefined))
        : q.certificateNo
          ? this.#byKey.get(RegistryBook.key(q.countyCode, q.certificateNo, null, q.location))
          : undefined;
    if (!record) return { status: "not_found" };
    if (record.pending) return { status: "pending" };
    return {
      status: "found",
      holderId: record.holderId,
      holderKind: record.holderKind,
      typeCode: record.typeCode,
      quantityMilli: parseQuantity(record.quantity),
      recordNo: record.recordNo,
      termEndsOn: record.termEndsOn,
      encumbrances: record.encumbrances.map((e) => ({
        creditor: e.creditor,
        amount: e.amountFen,
        recordedOn: e.recordedOn,
      })),
    };
  }
}
