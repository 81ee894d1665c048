import * as v from "valibot";
import { DomainError, datedParam } from "../kernel/mod.ts";

/**
 * The quick-claim part of a region's policy pack (KRN-R12). Every rule parameter is a dated
 * value with its source document; a case is judged by the values in force on its accident date.
 */

const fen = (what: string) =>
  v.pipe(
    v.number(),
    v.safeInteger(`${what} must be a whole number of fen`),
    v.minValue(0, `${what} must not be negative`),
  );
const basisPoints = (what: string) =>
  v.pipe(
    v.number(),
    v.integer(`${what} must be whole basis points`),
    v.minValue(0, `${what} must be at least 0 %`),
    v.maxValue(10_000, `${what} must be at most 100 % (10000 bp)`),
  );
const positiveInt = (what: string) =>
  v.pipe(v.number(), v.integer(`${what} must be a whole number`), v.minValue(1, `${what} must be at least 1`));
const bilingual = v.object({
  zh: v.pipe(v.string(), v.minLength(1), v.description("Chinese name, shown first on pages")),
  en: v.pipe(v.string(), v.minLength(1), v.description("English name")),
});
const point = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90), v.description("WGS-84 latitude, degrees")),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180), v.description("WGS-84 longitude, degrees")),
});
const countyCode = v.pipe(v.string(), v.regex(/^\d{6}$/, "a GB/T 2260 code has 6 digits"));

function distinct(keys: readonly string[]): boolean {
  return new Set(keys).size === keys.length;
}

export const serviceCentreSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,40}$/), v.description("Stable id of the centre, kebab-case")),
  name: bilingual,
  countyCode: v.pipe(countyCode, v.description("County (GB/T 2260) the centre sits in")),
  servesCounties: v.pipe(
    v.array(countyCode),
    v.minLength(1, "a centre serves at least one county"),
    v.description("Counties whose accidents the centre handles; the nearest serving centre takes a case"),
  ),
  address: v.pipe(v.string(), v.minLength(1), v.description("Street address for people handled offline")),
  point: v.pipe(point, v.description("Where the centre is, for choosing the nearest one")),
});

export const insurerSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,40}$/), v.description("Insurer id used by the Insurer port")),
  name: bilingual,
});

const photoSlotSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,30}$/), v.description("Slot id, e.g. front")),
  label: bilingual,
});

const remoteLimitsValue = v.object({
  propertyCapFen: v.pipe(fen("propertyCapFen"), v.description("QC-R01 cap on the case's total property loss")),
  injuryCapFen: v.pipe(fen("injuryCapFen"), v.description("QC-R01 cap on the case's total injury loss; 0 = none")),
  boundary: v.pipe(
    v.picklist(["below", "at-or-below"]),
    v.description('"below": a loss equal to the cap is over it (spec wording); "at-or-below": 以下 includes it'),
  ),
});

const liabilityValue = v.pipe(
  v.object({
    soleFault: v.object({
      atFault: v.pipe(
        basisPoints("soleFault.atFault"),
        v.description("share of the vehicle the form names (全部责任), bp; the rest is split equally among the others"),
      ),
    }),
    mainSecondary: v.object({
      main: v.pipe(basisPoints("mainSecondary.main"), v.description("主要责任 share, bp")),
      secondary: v.pipe(basisPoints("mainSecondary.secondary"), v.description("次要责任 share, bp")),
    }),
  }),
  v.check((x) => x.soleFault.atFault >= 5_000, "the vehicle a sole-fault form names must bear at least half"),
  v.check((x) => x.mainSecondary.main + x.mainSecondary.secondary === 10_000, "main + secondary must add to 100 %"),
  v.check((x) => x.mainSecondary.main > x.mainSecondary.secondary, "the main share must exceed the secondary share"),
);

const headLimits = v.object({
  propertyFen: v.pipe(fen("propertyFen"), v.description("财产损失赔偿限额")),
  medicalFen: v.pipe(fen("medicalFen"), v.description("医疗费用赔偿限额")),
});
const compulsoryValue = v.pipe(
  v.object({
    liable: v.pipe(headLimits, v.description("limits when the insured bears liability (有责)")),
    notLiable: v.pipe(headLimits, v.description("limits when the insured bears none (无责)")),
  }),
  v.check(
    (x) => x.notLiable.propertyFen <= x.liable.propertyFen && x.notLiable.medicalFen <= x.liable.medicalFen,
    "no-liability limits must not exceed the liability limits",
  ),
);

const mutualValue = v.object({
  enabled: v.pipe(v.boolean(), v.description("whether 互碰自赔 is offered in the region")),
  vehicleLossLimitFen: v.pipe(fen("vehicleLossLimitFen"), v.description("each vehicle's loss must be within this")),
});

const videoSearchValue = v.object({
  minutesBefore: v.pipe(v.number(), v.integer(), v.minValue(0), v.description("clips from this long before")),
  minutesAfter: v.pipe(v.number(), v.integer(), v.minValue(0), v.description("clips until this long after")),
  radiusMetres: positiveInt("radiusMetres"),
});

export const quickClaimPolicySchema = v.object({
  regionCode: v.pipe(
    v.string(),
    v.regex(/^35\d{2}00$/, "the pack belongs to a Fujian prefecture (35xx00)"),
    v.description("Prefecture (GB/T 2260) the pack is for"),
  ),
  serviceCentres: v.pipe(
    v.array(serviceCentreSchema),
    v.minLength(1, "a region needs at least one service centre"),
    v.check((items) => distinct(items.map((c) => c.id)), "service centre ids must be unique"),
    v.description("快处快赔服务中心: where offline cases go; figures are reported per centre (QC-R08)"),
  ),
  insurers: v.pipe(
    v.array(insurerSchema),
    v.minLength(1, "a region needs at least one insurer"),
    v.check((items) => distinct(items.map((i) => i.id)), "insurer ids must be unique"),
    v.description("Insurers taking part in quick claims in the region"),
  ),
  remoteLimits: datedParam(remoteLimitsValue, "QC-R01 caps for remote handling (property, injury)"),
  maxParties: datedParam(
    v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(9)),
    "QC-R01 most vehicles a remotely handled case may involve",
  ),
  photoSlots: datedParam(
    v.pipe(
      v.array(photoSlotSchema),
      v.minLength(1),
      v.check((items) => distinct(items.map((s) => s.id)), "photo slot ids must be unique"),
    ),
    "QC-R02 guided photo slots every case needs",
  ),
  photoTimeToleranceMinutes: datedParam(
    v.pipe(v.number(), v.integer(), v.minValue(0)),
    "QC-R02 a photo captured further than this from the report time is flagged",
  ),
  photoDistanceToleranceMetres: datedParam(
    v.pipe(v.number(), v.integer(), v.minValue(0)),
    "QC-R02 a photo captured further than this from the place is flagged",
  ),
  photoContentTypes: datedParam(
    v.pipe(v.array(v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]+$/, "an image MIME type"))), v.minLength(1)),
    "QC-R02 accepted photo file types",
  ),
  photoMaxBytes: datedParam(positiveInt("photoMaxBytes"), "QC-R02 largest accepted photo file"),
  liabilityShares: datedParam(liabilityValue, "QC-R03 liability shares suggested by accident form"),
  compulsoryLimits: datedParam(compulsoryValue, "QC-R05 交强险 limits by liability"),
  mutualSelfCompensation: datedParam(mutualValue, "QC-R06 互碰自赔 conditions"),
  paymentLeaseSeconds: datedParam(
    positiveInt("paymentLeaseSeconds"),
    "QC-R07 how long a started payment blocks a second request before it may be re-sent under the same key",
  ),
  videoSearch: datedParam(videoSearchValue, "QC-R03 surveillance search window around the accident"),
  letterNumberPrefix: datedParam(
    v.pipe(v.string(), v.minLength(1)),
    "prefix of determination letter numbers, e.g. 宁公交快",
  ),
});

export type QuickClaimPolicy = v.InferOutput<typeof quickClaimPolicySchema>;
export type ServiceCentre = v.InferOutput<typeof serviceCentreSchema>;
export type RemoteLimits = v.InferOutput<typeof remoteLimitsValue>;
export type LiabilityShares = v.InferOutput<typeof liabilityValue>;
export type CompulsoryLimits = v.InferOutput<typeof compulsoryValue>;
export type MutualSelfCompensationParams = v.InferOutput<typeof mutualValue>;
export type PhotoSlot = v.InferOutput<typeof photoSlotSchema>;

/**
 * Validates a pack (KRN-R12). A bad pack is refused with a DomainError naming the parameter
 * (dot path, e.g. `compulsoryLimits.1.value`) and the reason.
 */
export function parseQuickClaimPolicy(input: unknown, regionLabel = "region"): QuickClaimPolicy {
  const result = v.safeParse(quickClaimPolicySchema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? "(pack)";
  throw new DomainError(`quickclaim policy pack of ${regionLabel}: ${path}: ${issue.message}`, {
    ruleId: "KRN-R12",
    field: path,
    kind: "validation",
    detail: { region: regionLabel, parameter: path, reason: issue.message },
  });
}
