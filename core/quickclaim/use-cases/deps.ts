import type { BlindIndexer, Clock, Hasher, IdGenerator, Notifier } from "../../kernel/mod.ts";
import type { QuickClaimPolicy } from "../policy.ts";
import type {
  Insurer,
  PaymentGateway,
  PhotoStore,
  PoliceDesk,
  QuickClaimQueries,
  QuickClaimUnitOfWork,
  TrafficVideo,
} from "../quickclaim.ports.ts";

/**
 * What the quick-claim use cases need, for one region: the platform's unit of work, queries,
 * clock, ids and crypto ports, the region's validated policy pack and its plugins' adapters.
 * Each use case takes only the slice it uses (`Pick<QuickClaimDeps, …>`).
 */
export interface QuickClaimDeps {
  readonly uow: QuickClaimUnitOfWork;
  readonly queries: QuickClaimQueries;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: Hasher;
  readonly blindIndex: BlindIndexer;
  readonly policy: QuickClaimPolicy;
  readonly photos: PhotoStore;
  readonly police: PoliceDesk;
  readonly video: TrafficVideo;
  readonly insurer: Insurer;
  readonly payments: PaymentGateway;
  readonly notifier: Notifier;
}
