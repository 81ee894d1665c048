import { FUJIAN_REGIONS, type RegionEntry, type RegionLevel } from "./fujian-regions.ts";
import { identityError } from "./identity-error.ts";
import { provinceOfPrefix } from "./province-codes.ts";

/**
 * GB/T 2260 region codes: 6 digits, province (xx0000), prefecture (xxxx00) or county. Every
 * code is checked for a known province prefix; Fujian codes (35xxxx) are checked against the
 * Fujian table, the only one the platform carries in full.
 */
const SIX_DIGITS_RE = /^\d{6}$/;
const FUJIAN_BY_CODE: ReadonlyMap<string, RegionEntry> = new Map(FUJIAN_REGIONS.map((r) => [r.code, r]));

/** The level a code's shape gives: xx0000 province, xxxx00 prefecture, otherwise county. */
export function regionLevelOf(code: string): RegionLevel {
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "prefecture";
  return "county";
}

/** The code of the division directly above (county → prefecture → province), if any. */
export function parentRegionCode(code: string): string | undefined {
  const known = FUJIAN_BY_CODE.get(code);
  if (known) return known.parent;
  const level = regionLevelOf(code);
  if (level === "county") return `${code.slice(0, 4)}00`;
  if (level === "prefecture") return `${code.slice(0, 2)}0000`;
  return undefined;
}

/** Is `code` the division `ancestor` or inside it? (350981 is inside 350900 and 350000.) */
export function regionContains(ancestor: string, code: string): boolean {
  if (ancestor === code) return true;
  const level = regionLevelOf(ancestor);
  if (level === "province") return code.startsWith(ancestor.slice(0, 2));
  if (level === "prefecture") return code.startsWith(ancestor.slice(0, 4));
  return false;
}

/**
 * Validates a GB/T 2260 region code and returns it. Outside Fujian only the shape and the
 * province prefix can be checked; inside Fujian the code must be in the table. Throws a KRN-ID
 * DomainError naming `field`.
 */
export function validateRegionCode(value: string, field = "regionCode"): string {
  const code = typeof value === "string" ? value.trim() : "";
  if (!SIX_DIGITS_RE.test(code))
    throw identityError(`${field} must be a 6-digit GB/T 2260 region code`, field, "format");
  const province = provinceOfPrefix(code.slice(0, 2));
  if (!province || province.permitOnly) {
    throw identityError(`${field} does not start with a known province code`, field, "region");
  }
  if (code.startsWith("35") && !FUJIAN_BY_CODE.has(code)) {
    throw identityError(`${field} is not a Fujian division in GB/T 2260`, field, "region");
  }
  return code;
}

/** Validates a code of a Fujian division (province, prefecture or county) and returns it. */
export function validateFujianRegionCode(value: string, field = "regionCode"): string {
  const code = typeof value === "string" ? value.trim() : "";
  if (!FUJIAN_BY_CODE.has(code)) throw identityError(`${field} is not a Fujian division in GB/T 2260`, field, "region");
  return code;
}

/** The Fujian division with this code, if any. */
export function fujianRegion(code: string): RegionEntry | undefined {
  return FUJIAN_BY_CODE.get(code);
}

/** The Fujian divisions directly below `code` (prefectures of 350000, counties of a prefecture). */
export function fujianChildren(code: string): RegionEntry[] {
  return FUJIAN_REGIONS.filter((r) => r.parent === code);
}

/** The prefecture (设区市) a Fujian county or prefecture belongs to, e.g. 350981 → 350900. */
export function prefectureOf(code: string): string | undefined {
  const r = FUJIAN_BY_CODE.get(code);
  if (!r || r.level === "province") return undefined;
  return r.level === "prefecture" ? r.code : r.parent;
}
