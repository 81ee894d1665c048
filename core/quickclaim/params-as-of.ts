import { valueAsOf } from "../kernel/mod.ts";
import type {
  CompulsoryLimits,
  LiabilityShares,
  MutualSelfCompensationParams,
  PhotoSlot,
  QuickClaimPolicy,
  RemoteLimits,
} from "./policy.ts";

/** Every quick-claim rule parameter in force on one business date (KRN-R12). */
export interface QuickClaimParams {
  readonly date: string;
  readonly remoteLimits: RemoteLimits;
  readonly maxParties: number;
  readonly photoSlots: readonly PhotoSlot[];
  readonly photoTimeToleranceMinutes: number;
  readonly photoDistanceToleranceMetres: number;
  readonly photoContentTypes: readonly string[];
  readonly photoMaxBytes: number;
  readonly liabilityShares: LiabilityShares;
  readonly compulsoryLimits: CompulsoryLimits;
  readonly mutualSelfCompensation: MutualSelfCompensationParams;
  readonly paymentLeaseSeconds: number;
  readonly videoSearch: {
    readonly minutesBefore: number;
    readonly minutesAfter: number;
    readonly radiusMetres: number;
  };
  readonly letterNumberPrefix: string;
}

/** Resolves the pack as of `date` (YYYY-MM-DD); a parameter with no value then is a KRN-R12 error. */
export function paramsAsOf(policy: QuickClaimPolicy, date: string): QuickClaimParams {
  return {
    date,
    remoteLimits: valueAsOf(policy.remoteLimits, date, "remoteLimits"),
    maxParties: valueAsOf(policy.maxParties, date, "maxParties"),
    photoSlots: valueAsOf(policy.photoSlots, date, "photoSlots"),
    photoTimeToleranceMinutes: valueAsOf(policy.photoTimeToleranceMinutes, date, "photoTimeToleranceMinutes"),
    photoDistanceToleranceMetres: valueAsOf(policy.photoDistanceToleranceMetres, date, "photoDistanceToleranceMetres"),
    photoContentTypes: valueAsOf(policy.photoContentTypes, date, "photoContentTypes"),
    photoMaxBytes: valueAsOf(policy.photoMaxBytes, date, "photoMaxBytes"),
    liabilityShares: valueAsOf(policy.liabilityShares, date, "liabilityShares"),
    compulsoryLimits: valueAsOf(policy.compulsoryLimits, date, "compulsoryLimits"),
    mutualSelfCompensation: valueAsOf(policy.mutualSelfCompensation, date, "mutualSelfCompensation"),
    paymentLeaseSeconds: valueAsOf(policy.paymentLeaseSeconds, date, "paymentLeaseSeconds"),
    videoSearch: valueAsOf(policy.videoSearch, date, "videoSearch"),
    letterNumberPrefix: valueAsOf(policy.letterNumberPrefix, date, "letterNumberPrefix"),
  };
}
