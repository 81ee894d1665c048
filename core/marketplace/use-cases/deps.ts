import type { BlindIndexer, Clock, FieldCipher, Hasher, IdGenerator, WorkingDayCalendar } from "../../kernel/mod.ts";
import type {
  ApplyCodeSigner,
  CreditDataSource,
  LenderGateway,
  MarketplaceQueries,
  MarketplaceUnitOfWork,
  RealEstateRegistry,
  Timer,
} from "../marketplace.ports.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * Everything the marketplace use cases need, for one region: its code, policy pack and
 * working-day calendar, the platform's adapters and the region's plugins. Each use case takes
 * only the slice it uses (Pick<MarketplaceDeps, …>).
 */
export interface MarketplaceDeps {
  readonly regionCode: string;
  readonly policy: MarketplacePolicy;
  readonly calendar: WorkingDayCalendar;
  readonly uow: MarketplaceUnitOfWork;
  readonly queries: MarketplaceQueries;
  readonly clock: Clock;
  /** Time budgets (MKT-R06): the core arms no timer of its own. */
  readonly timer: Timer;
  readonly ids: IdGenerator;
  readonly hasher: Hasher;
  readonly cipher: FieldCipher;
  readonly blindIndex: BlindIndexer;
  readonly creditData: CreditDataSource;
  readonly lenders: LenderGateway;
  readonly registry: RealEstateRegistry;
  readonly applyCodeSigner: ApplyCodeSigner;
}
