import type { Context } from "hono";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { marketplaceDeps } from "../../../adapters/marketplace/marketplace-deps.ts";
import { DomainError, type Principal, regionContains } from "../../../core/kernel/mod.ts";
import {
  createMarketplaceUseCases,
  type MarketplaceDeps,
  type MarketplaceUseCases,
} from "../../../core/marketplace/mod.ts";
import type { AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";

/** The module id in the deployment config and the core's descriptor. */
export const MK = "marketplace";
/** Every JSON route of the module sits under this prefix, then the region (a prefecture code). */
export const API = "/api/marketplace/{region}";
export const tags = ["marketplace"];
/** Signed-in callers: a citizen session (cookie or token) or an API key. */
export const security: Record<string, string[]>[] = [{ citizenSession: [] }, { apiKey: [] }];
export const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

const useCasesByDeps = new WeakMap<MarketplaceDeps, MarketplaceUseCases>();

export interface RegionCall {
  readonly deps: MarketplaceDeps;
  readonly uc: MarketplaceUseCases;
  readonly region: string;
}

function notFound(regionCode: string): DomainError {
  return new DomainError(`region ${regionCode} not found`, { ruleId: "KRN-R06", kind: "not_found", field: "region" });
}

function regionCall(platform: Platform, regionCode: string): RegionCall {
  const region = platform.regions.get(regionCode);
  if (!region?.modules.includes(MK)) throw notFound(regionCode);
  const deps = marketplaceDeps(platform, region.code);
  let uc = useCasesByDeps.get(deps);
  if (!uc) {
    uc = createMarketplaceUseCases(deps);
    useCasesByDeps.set(deps, uc);
  }
  return { deps, uc, region: region.code };
}

/**
 * A public route's region (the catalogue, a QR scan): unknown regions and regions without the
 * module are a 404. A signed-in caller of another region gets the same 404 (KRN-R06).
 */
export function publicCall(c: Context<AppEnv>, platform: Platform, regionCode: string): RegionCall & { p?: Principal } {
  const p = c.get("principal");
  if (p && !actsIn(p, regionCode)) throw notFound(regionCode);
  const call = regionCall(platform, regionCode);
  return p ? { ...call, p } : call;
}

/**
 * A signed-in caller's region: a region the caller acts in neither as a whole nor in one of its
 * counties, or one without the module, is a 404 exactly like an unknown one (KRN-R06). Which
 * applications, consents and pushes the caller then reaches is the core's object-level check.
 */
export function callFor(c: Context<AppEnv>, platform: Platform, regionCode: string): RegionCall & { p: Principal } {
  const p = principalOf(c);
  if (!actsIn(p, regionCode)) throw notFound(regionCode);
  return { ...regionCall(platform, regionCode), p };
}

function actsIn(p: Principal, regionCode: string): boolean {
  return p.regionCodes.some((r) => regionContains(r, regionCode) || regionContains(regionCode, r));
}
