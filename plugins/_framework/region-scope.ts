import { regionContains } from "../../core/kernel/mod.ts";

/**
 * Which regions a plugin serves. Codes are GB/T 2260: a province (350000), a prefecture
 * (350900) or a county (350981); `regionContains` (core/kernel) says whether one contains the
 * other.
 */
const REGION_CODE = /^\d{6}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/**
 * May a plugin serving `served` be installed in region `regionCode`? Yes for "*", for a code
 * equal to or containing the region, and for a county inside the region (it then serves only
 * that county).
 */
export function servesRegion(served: readonly string[] | "*", regionCode: string): boolean {
  if (served === "*") return true;
  return served.some((code) => regionContains(code, regionCode) || regionContains(regionCode, code));
}

/** Does the plugin cover every part of the region (not just some counties of it)? */
export function coversWholeRegion(served: readonly string[] | "*", regionCode: string): boolean {
  if (served === "*") return true;
  return served.some((code) => regionContains(code, regionCode));
}

/** Does the plugin serve this county (or the whole region around it)? */
export function servesCounty(served: readonly string[] | "*", countyCode: string): boolean {
  if (served === "*") return true;
  return served.some((code) => regionContains(code, countyCode));
}
