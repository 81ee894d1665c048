import type { BlindIndexer, Clock, FieldCipher, IdGenerator } from "../../../kernel/mod.ts";
import type {
  Appraiser,
  CollectionCompany,
  FactorsStatistics,
  FactorsUnitOfWork,
  RightsRegistry,
} from "../../factors.ports.ts";
import type { FactorsQueries } from "../../factors.queries.ts";
import type { FactorsPolicy } from "../../policy.ts";

/**
 * What the factors use cases need, for one region (prefecture). The composition root builds it
 * from the region's container; tests pass in-memory fakes (core/factors/testing/).
 */
export interface FactorsDeps {
  /** The prefecture this instance serves, e.g. "350900". */
  readonly regionCode: string;
  readonly uow: FactorsUnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The validated factors pack, with the county's overrides merged when a county is named. */
  readonly policyFor: (countyCode: string | null) => FactorsPolicy;
  readonly blindIndex: BlindIndexer;
  readonly cipher: FieldCipher;
  readonly registry: RightsRegistry;
  readonly appraiser: Appraiser;
  readonly collection: CollectionCompany;
  readonly statistics: FactorsStatistics;
  /** Work lists (my factors, a bank's queue, the market): plain filtered reads, no access checks. */
  readonly queries: FactorsQueries;
}
