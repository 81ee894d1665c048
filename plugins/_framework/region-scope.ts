/**
 * GB/T 2260 scopes: a province (350000), a prefecture (350900) or a county (350981). A code's
 * scope is its prefix without trailing "00" pairs, so 350000 → "35", 350900 → "3509",
 * 350981 → "350981"; one scope contains another when it is a prefix of it.
 */
const REGION_CODE = /^\d{6}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

export function regionScope(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** True when `outer` is `inner` or contains it (province ⊃ prefecture ⊃ county). */
export function regionContains(outer: string, inner: string): boolean {
  return regionScope(inner).startsWith(regionScope(outer));
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
