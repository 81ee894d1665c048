import type { BlindIndexer, FieldCipher, Hasher, PortToken } from "../../core/kernel/mod.ts";
import {
  type Insurer,
  InsurerPort,
  type Notifier,
  NotifierPort,
  type PaymentGateway,
  PaymentGatewayPort,
  type PhotoStore,
  PhotoStorePort,
  type PoliceDesk,
  PoliceDeskPort,
  type QuickClaimDeps,
  type QuickClaimPolicy,
  type TrafficVideo,
  TrafficVideoPort,
} from "../../core/quickclaim/mod.ts";
import type { Platform, RegionContext } from "../composition/platform.ts";
import { Tokens } from "../composition/tokens.ts";
import type { AnyDb } from "../db/create-database.ts";
import { KyselyQuickClaimQueries } from "./kysely-queries.ts";
import { KyselyQuickClaimUnitOfWork } from "./kysely-unit-of-work.ts";
import { SealedPhotoStore } from "./sealed-photo-store.ts";

/** QuickClaimDeps whose queries also answer "the cases of this citizen" (casesOfSubject). */
export type QuickClaimPlatformDeps = QuickClaimDeps & { readonly queries: KyselyQuickClaimQueries };

const cache = new WeakMap<Platform, Map<string, QuickClaimPlatformDeps>>();

function adapterOf<T>(region: RegionContext, token: PortToken): T {
  const composed = region as RegionContext & { adapter?: <A>(t: PortToken) => A };
  if (typeof composed.adapter === "function") return composed.adapter<T>(token);
  return region.container.resolve<T>(token);
}

/**
 * Everything a quick-claim use case needs for one region (a prefecture code, e.g. "350900"):
 * the kysely unit of work and queries on the platform database, the platform's clock, ids,
 * hasher, field cipher and blind index, the region's validated quickclaim policy pack, and the
 * adapters of the region's plugins (police desk, traffic video, insurers, payment gateway, photo
 * store — sealed with the field cipher — and notifier). Built once per platform and region.
 * Throws DomainError not_found for an unknown region or one without the quickclaim module.
 */
export function quickClaimDeps(platform: Platform, regionCode: string): QuickClaimPlatformDeps {
  let perRegion = cache.get(platform);
  if (!perRegion) {
    perRegion = new Map();
    cache.set(platform, perRegion);
  }
  const known = perRegion.get(regionCode);
  if (known) return known;

  const region = platform.region(regionCode);
  const policy = region.policy<QuickClaimPolicy>("quickclaim");
  const root = platform.container;
  const cipher = root.resolve<FieldCipher>(Tokens.FieldCipher);
  const blindIndex = root.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const hasher = root.resolve<Hasher>(Tokens.Hasher);
  const db: AnyDb = platform.database.db;
  const deps: QuickClaimPlatformDeps = {
    uow: new KyselyQuickClaimUnitOfWork(db, {
      clock: platform.clock,
      ids: platform.ids,
      cipher,
      blindIndexer: blindIndex,
      hasher,
      scope: region.code,
    }),
    queries: new KyselyQuickClaimQueries(db, region.code),
    clock: platform.clock,
    ids: platform.ids,
    hasher,
    blindIndex,
    policy,
    photos: new SealedPhotoStore(adapterOf<PhotoStore>(region, PhotoStorePort), cipher),
    police: adapterOf<PoliceDesk>(region, PoliceDeskPort),
    video: adapterOf<TrafficVideo>(region, TrafficVideoPort),
    insurer: adapterOf<Insurer>(region, InsurerPort),
    payments: adapterOf<PaymentGateway>(region, PaymentGatewayPort),
    notifier: adapterOf<Notifier>(region, NotifierPort),
  };
  perRegion.set(regionCode, deps);
  return deps;
}
