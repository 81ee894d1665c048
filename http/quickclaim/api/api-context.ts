import type { Context } from "hono";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { type QuickClaimPlatformDeps, quickClaimDeps } from "../../../adapters/quickclaim/quickclaim-deps.ts";
import { DomainError, type Principal, regionContains } from "../../../core/kernel/mod.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";

/** The module id in the deployment config and the core's descriptor. */
export const QC = "quickclaim";
/** Every JSON route of the module sits under this prefix, then the region (a prefecture code). */
export const API = "/api/quickclaim/{region}";

/**
 * The deps of the path's region (a prefecture) and the caller: a region the caller acts in neither
 * as a whole nor in one of its counties, or one without the module, is a 404 (KRN-R06), exactly
 * like an unknown one. Which cases the caller then reaches is the core's object-level check.
 */
export function callFor(
  c: Context<AppEnv>,
  platform: Platform,
  regionCode: string,
): {
  deps: QuickClaimPlatformDeps;
  p: Principal;
  region: string;
} {
  const p = principalOf(c);
  const region = platform.regions.get(regionCode);
  // Staff of a county (an officer of 福鼎, 350982) act in their county of the prefecture's module.
  const actsHere = p.regionCodes.some((r) => regionContains(r, regionCode) || regionContains(regionCode, r));
  if (!region?.modules.includes(QC) || !actsHere) {
    throw new DomainError(`region ${regionCode} not found`, { ruleId: "KRN-R06", kind: "not_found", field: "region" });
  }
  return { deps: quickClaimDeps(platform, region.code), p, region: region.code };
}

/** Reads a multipart file field into bytes with its declared type; a missing or empty one names the field. */
export async function fileBytes(
  value: unknown,
  field: string,
  ruleId = "QC-R02",
): Promise<{ readonly contentType: string; readonly bytes: Uint8Array }> {
  if (!(value instanceof File) || value.size === 0) {
    throw new DomainError(`${field}: attach the photo file`, { ruleId, field, kind: "validation" });
  }
  return { contentType: value.type || "application/octet-stream", bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** A form field that must be a decimal degree. */
export function degrees(text: string, field: string): number {
  const n = Number(text);
  if (!/^-?\d{1,3}(\.\d{1,10})?$/.test(text.trim()) || !Number.isFinite(n)) {
    throw new DomainError(`${field} must be decimal degrees, e.g. 27.0931`, {
      ruleId: "QC-R02",
      field,
      kind: "validation",
    });
  }
  return n;
}
