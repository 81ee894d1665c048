import type { Context } from "hono";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { type FactorsPlatformDeps, factorsDeps } from "../../../adapters/factors/factors-deps.ts";
import { DomainError, type Principal, regionContains } from "../../../core/kernel/mod.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";

/** The module id in the deployment config and the core's descriptor. */
export const FAC = "factors";
/** Every JSON route of the module sits under this prefix, then the region (a prefecture code). */
export const API = "/api/factors/{region}";

/**
 * The deps of the path's region (a prefecture) and the caller. A region the caller acts in
 * neither as a whole nor in one of its counties, or one without the module, is a 404 exactly
 * like an unknown one (KRN-R06); which objects the caller then reaches is the core's check.
 */
export function callFor(
  c: Context<AppEnv>,
  platform: Platform,
  regionCode: string,
): { deps: FactorsPlatformDeps; p: Principal } {
  const p = principalOf(c);
  const region = platform.regions.get(regionCode);
  const actsHere = p.regionCodes.some((r) => regionContains(r, regionCode) || regionContains(regionCode, r));
  if (!region?.modules.includes(FAC) || !actsHere) {
    throw new DomainError(`region ${regionCode} not found`, { ruleId: "KRN-R06", kind: "not_found", field: "region" });
  }
  return { deps: factorsDeps(platform, region.code), p };
}
