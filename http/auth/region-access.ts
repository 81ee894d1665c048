import type { Context } from "hono";
import type { RegionContext } from "../../adapters/composition/platform.ts";
import { DomainError, inRegion } from "../../core/kernel/mod.ts";
import type { AppEnv } from "../env.ts";

/**
 * The configured region `code` (a prefecture) as seen by the caller (KRN-R06): an unknown
 * region, a region where `moduleId` is not enabled, and a region the signed-in principal does
 * not act in all give the same 404 problem, so callers cannot probe other regions.
 * Anonymous callers (public pages) see every configured region.
 */
export function regionFor(c: Context<AppEnv>, code: string, moduleId?: string): RegionContext {
  const region = c.get("platform").regions.get(code);
  const principal = c.get("principal");
  const visible =
    region !== undefined &&
    (moduleId === undefined || region.modules.includes(moduleId)) &&
    (principal === undefined || inRegion(principal, code));
  if (!visible) {
    throw new DomainError(`region ${code} not found`, { ruleId: "KRN-R06", kind: "not_found", field: "region" });
  }
  return region;
}
