import {
  type Appraiser,
  AppraiserPort,
  type CollectionCompany,
  CollectionCompanyPort,
  type FactorsDeps,
  type FactorsPolicy,
  type RightsRegistry,
  RightsRegistryPort,
} from "../../core/factors/mod.ts";
import type { BlindIndexer, FieldCipher } from "../../core/kernel/mod.ts";
import type { ComposedRegion, Platform, RegionContext } from "../composition/platform.ts";
import { Tokens } from "../composition/tokens.ts";
import { type DeliveryState, deliveriesOf } from "./deliveries-query.ts";
import type { EvidenceFileStore } from "./evidence-file-store.ts";
import { EvidenceFileStorePort } from "./evidence-file-store.ts";
import { EvidenceStore } from "./evidence-store.ts";
import { KyselyFactorsQueries } from "./kysely-queries.ts";
import { KyselyFactorsStatistics } from "./kysely-statistics.ts";
import { KyselyFactorsUnitOfWork } from "./kysely-unit-of-work.ts";
import { adapterFor } from "./region-adapters.ts";

/** FactorsDeps plus what the HTTP layer needs beside the use cases: evidence files and delivery states. */
export interface FactorsPlatformDeps extends FactorsDeps {
  /** Evidence files of registration: upload, attach check, read (adapters/factors/evidence-store.ts). */
  readonly evidence: EvidenceStore;
  /**
   * KRN-R10 the delivery state of the outgoing events of some aggregates (loan, application,
   * listing, disposal, loss allocation ids): what an outside system has not received yet. Call
   * it only for aggregates the caller was allowed to read through a use case.
   */
  readonly deliveries: (aggregateIds: readonly string[]) => Promise<DeliveryState[]>;
}

const cache = new WeakMap<Platform, Map<string, FactorsPlatformDeps>>();

/** The factors pack for a county of the region (its overrides merged), or the prefecture's. */
function policyResolver(region: RegionContext): (countyCode: string | null) => FactorsPolicy {
  const composed = region as Partial<ComposedRegion> & RegionContext;
  const counties = new Set(composed.kernel?.region.counties.map((c) => c.code) ?? []);
  return (countyCode) => {
    if (countyCode !== null && counties.has(countyCode) && composed.policyFor) {
      return composed.policyFor(countyCode).module<FactorsPolicy>("factors");
    }
    // Not a county of the region: the prefecture's pack, whose rules then refuse it by name (FAC-R01).
    return region.policy<FactorsPolicy>("factors");
  };
}

/**
 * Everything a factors use case needs for one region (a prefecture code, e.g. "350900"): the
 * kysely unit of work (one transaction per use case with audit and outbox), SQL statistics, the
 * platform's clock, ids, blind index and field cipher, the region's validated factors pack
 * (county overrides merged), and the outside systems of the region's plugins — resolved per
 * county on every call, so a county's own registry, appraiser or collection company answers for
 * that county and a region-wide plugin for the rest. Built once per platform and region. Throws
 * DomainError not_found for an unknown region or one without the factors module.
 */
export function factorsDeps(platform: Platform, regionCode: string): FactorsPlatformDeps {
  let perRegion = cache.get(platform);
  if (!perRegion) {
    perRegion = new Map();
    cache.set(platform, perRegion);
  }
  const known = perRegion.get(regionCode);
  if (known) return known;

  const region = platform.region(regionCode);
  region.policy<FactorsPolicy>("factors"); // throws when the module is not enabled here
  const root = platform.container;
  const cipher = root.resolve<FieldCipher>(Tokens.FieldCipher);
  const blindIndex = root.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const db = platform.database.db;
  const registry: RightsRegistry = {
    lookup: (q) => adapterFor<RightsRegistry>(region, RightsRegistryPort, q.countyCode).lookup(q),
  };
  const appraiser: Appraiser = {
    appraise: (r) => adapterFor<Appraiser>(region, AppraiserPort, r.countyCode).appraise(r),
  };
  const collection: CollectionCompany = {
    requestBuyOut: (r) => adapterFor<CollectionCompany>(region, CollectionCompanyPort, r.countyCode).requestBuyOut(r),
  };
  const files: EvidenceFileStore = {
    put: (o) => adapterFor<EvidenceFileStore>(region, EvidenceFileStorePort).put(o),
    get: (k) => adapterFor<EvidenceFileStore>(region, EvidenceFileStorePort).get(k),
  };
  const deps: FactorsPlatformDeps = {
    regionCode,
    uow: new KyselyFactorsUnitOfWork(db, { clock: platform.clock, ids: platform.ids }),
    clock: platform.clock,
    ids: platform.ids,
    policyFor: policyResolver(region),
    blindIndex,
    cipher,
    registry,
    appraiser,
    collection,
    statistics: new KyselyFactorsStatistics(db),
    queries: new KyselyFactorsQueries(db),
    evidence: new EvidenceStore(db, files, { cipher, ids: platform.ids, clock: platform.clock }),
    deliveries: (aggregateIds) => deliveriesOf(db, regionCode, aggregateIds),
  };
  perRegion.set(regionCode, deps);
  return deps;
}
