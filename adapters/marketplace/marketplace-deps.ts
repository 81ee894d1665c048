import {
  type BlindIndexer,
  type FieldCipher,
  type Hasher,
  type PortToken,
  RegionCalendar,
  type WorkingDayCalendar,
} from "../../core/kernel/mod.ts";
import {
  type CreditDataSource,
  CreditDataSourcePort,
  type LenderGateway,
  LenderGatewayPort,
  type MarketplaceDeps,
  type MarketplacePolicy,
  type RealEstateRegistry,
  RealEstateRegistryPort,
} from "../../core/marketplace/mod.ts";
import { PolicyPackPort } from "../../plugins/_framework/kernel-tokens.ts";
import type { KernelPack } from "../../plugins/_framework/policy-pack.ts";
import type { Platform, RegionContext } from "../composition/platform.ts";
import { Tokens } from "../composition/tokens.ts";
import type { Keyring } from "../crypto/keyring.ts";
import { HmacApplyCodeSigner } from "./hmac-apply-code-signer.ts";
import { KyselyMarketplaceQueries } from "./kysely-queries.ts";
import { KyselyMarketplaceUnitOfWork } from "./kysely-unit-of-work.ts";
import { nodeTimer } from "./node-timer.ts";

const cache = new WeakMap<Platform, Map<string, MarketplaceDeps>>();

function adapterOf<T>(region: RegionContext, token: PortToken): T {
  const composed = region as RegionContext & { adapter?: <A>(t: PortToken) => A };
  if (typeof composed.adapter === "function") return composed.adapter<T>(token);
  return region.container.resolve<T>(token);
}

/** The region's working-day calendar (KRN-R03) from its validated policy pack. */
function calendarOf(region: RegionContext): WorkingDayCalendar {
  const composed = region as RegionContext & { kernel?: KernelPack };
  const kernel = composed.kernel ?? region.container.resolve<{ kernel: KernelPack }>(PolicyPackPort).kernel;
  return new RegionCalendar(kernel.calendar);
}

/**
 * Everything a marketplace use case needs for one region (a prefecture code, e.g. "350800"):
 * the kysely unit of work and queries on the platform database, the platform's clock, ids,
 * hasher, field cipher and blind index, Node's timers for time budgets, the HMAC QR-code signer keyed from the keyring, the
 * region's validated marketplace pack and working-day calendar, and the region's plugins
 * (public-credit data source, lender gateway, real-estate registry). Built once per platform
 * and region. Throws DomainError not_found for an unknown region or one without the module.
 *
 *     const uc = createMarketplaceUseCases(marketplaceDeps(platform, "350800"));
 */
export function marketplaceDeps(platform: Platform, regionCode: string): MarketplaceDeps {
  let perRegion = cache.get(platform);
  if (!perRegion) {
    perRegion = new Map();
    cache.set(platform, perRegion);
  }
  const known = perRegion.get(regionCode);
  if (known) return known;

  const region = platform.region(regionCode);
  const policy = region.policy<MarketplacePolicy>("marketplace");
  const root = platform.container;
  const cipher = root.resolve<FieldCipher>(Tokens.FieldCipher);
  const blindIndex = root.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const hasher = root.resolve<Hasher>(Tokens.Hasher);
  const keyring = root.resolve<Keyring>(Tokens.Keyring);
  const db = platform.database.db;
  const deps: MarketplaceDeps = {
    regionCode: region.code,
    policy,
    calendar: calendarOf(region),
    uow: new KyselyMarketplaceUnitOfWork(db, { clock: platform.clock, ids: platform.ids, cipher, hasher }),
    queries: new KyselyMarketplaceQueries(db),
    clock: platform.clock,
    timer: nodeTimer,
    ids: platform.ids,
    hasher,
    cipher,
    blindIndex,
    creditData: adapterOf<CreditDataSource>(region, CreditDataSourcePort),
    lenders: adapterOf<LenderGateway>(region, LenderGatewayPort),
    registry: adapterOf<RealEstateRegistry>(region, RealEstateRegistryPort),
    applyCodeSigner: new HmacApplyCodeSigner(keyring),
  };
  perRegion.set(regionCode, deps);
  return deps;
}
