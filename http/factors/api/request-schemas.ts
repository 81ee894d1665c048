import { z } from "@hono/zod-openapi";
import { YuanString } from "./wire-money.ts";

/**
 * Request shapes of the factors API: strict (an unknown field is refused by name), shape only.
 * The rules themselves (holder check digits, LTV, headroom, bundles, sharing ratios…) are the
 * core's, so their refusals are 422 problems naming the rule (FAC-R0x).
 */
const Id = z.string().min(1).max(100);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const text = (max: number) => z.string().max(max);

export const RegionParam = z.strictObject({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .openapi({ example: "350900" }),
});
export const FactorParams = RegionParam.extend({ factorId: Id });
export const ObjectionParams = FactorParams.extend({ objectionId: Id });
export const EvidenceParams = RegionParam.extend({ evidenceId: Id });
export const ApplicationParams = RegionParam.extend({ applicationId: Id });
export const LoanParams = RegionParam.extend({ loanId: Id });
export const DisposalParams = RegionParam.extend({ disposalId: Id });
export const ListingParams = RegionParam.extend({ listingId: Id });

export const Holder = z.strictObject({
  kind: z.enum(["person", "organisation"]),
  idNumber: text(30).openapi({
    description: "resident ID (GB 11643) or USCC (GB 32100)",
    example: "350981196803121039",
  }),
  name: text(100).openapi({ example: "林阿伯" }),
});

export const RegisterFactorBody = z
  .strictObject({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .openapi({ example: "350981" }),
    typeCode: z
      .string()
      .regex(/^[ARIL]\d{2}$/)
      .openapi({ example: "R04" }),
    holder: Holder,
    title: text(120),
    location: text(200),
    quantity: text(20).openapi({ description: 'in the type\'s unit, at most 3 decimals, e.g. "12" or "3.5"' }),
    certificateNo: text(100).nullable().optional(),
    siteRef: text(100).nullable().optional().openapi({ description: "sea-area site of a 三权合一 member" }),
    evidence: z.array(Id).max(20).optional().openapi({ description: "ids of your evidence uploads" }),
  })
  .openapi("RegisterFactor");

export const SubmitBody = z.strictObject({ evidence: z.array(Id).max(20).optional() }).openapi("SubmitFactor");
export const EmptyBody = z.strictObject({}).openapi("NoBody");
export const ObjectionBody = z.strictObject({ grounds: text(2000) }).openapi("LodgeObjection");
export const DecisionBody = z
  .strictObject({ decision: z.enum(["upheld", "dismissed"]), reason: text(2000) })
  .openapi("ResolveObjection");
export const BundleBody = z.strictObject({ factorIds: z.array(Id).min(2).max(10) }).openapi("FormMarineBundle");

export const ValuationBody = z
  .strictObject({
    factorIds: z.array(Id).min(1).max(10),
    conditions: z.record(z.string(), z.enum(["good", "fair", "poor"])).optional(),
    monthlyRevenueYuan: z
      .array(YuanString)
      .max(60)
      .optional()
      .openapi({ description: "income rights: verified monthly revenue, oldest first" }),
    revenueVerifiedBy: text(200).optional(),
    requestAppraisal: z.boolean().optional(),
  })
  .openapi("ValueCollateral");

const SharingBody = z.strictObject({
  sharesBp: z.strictObject({
    bank: z.number().int(),
    guarantor: z.number().int(),
    insurer: z.number().int(),
    governmentFund: z.number().int(),
  }),
  perLoanCapsYuan: z.strictObject({
    guarantor: YuanString.nullable(),
    insurer: YuanString.nullable(),
    governmentFund: YuanString.nullable(),
  }),
});

export const ProductBody = z
  .strictObject({
    bankId: Id,
    name: z.strictObject({ zh: text(100), en: text(100) }),
    acceptedTypes: z.array(z.string()).min(1).max(23),
    ltvOverrideBp: z.record(z.string(), z.number().int()).optional(),
    amountMinYuan: YuanString,
    amountMaxYuan: YuanString,
    termMonthsMin: z.number().int(),
    termMonthsMax: z.number().int(),
    rateMinBp: z.number().int(),
    rateMaxBp: z.number().int(),
    requiresGuarantor: z.boolean(),
    requiresInsurer: z.boolean(),
    guarantorId: Id.nullable(),
    insurerId: Id.nullable(),
    sharing: SharingBody.nullable().openapi({ description: "FAC-R09; null = the pack's default (40/20/20/20)" }),
    labourBenefits: z
      .record(z.string(), z.strictObject({ limitUpliftBp: z.number().int(), rateDiscountBp: z.number().int() }))
      .optional(),
    maxLimitUpliftBp: z.number().int().optional(),
    maxRateDiscountBp: z.number().int().optional(),
  })
  .openapi("DefineCreditProduct");

export const ApplyBody = z
  .strictObject({
    productId: Id,
    collateral: z
      .array(z.strictObject({ factorIds: z.array(Id).min(1).max(10) }))
      .min(1)
      .max(5),
    amountYuan: YuanString,
    termMonths: z.number().int(),
    labourFactorIds: z.array(Id).max(10).optional(),
  })
  .openapi("ApplyForMortgage");

export const MortgageDecisionBody = z
  .discriminatedUnion("decision", [
    z.strictObject({
      decision: z.literal("accept"),
      rateBp: z.number().int(),
      amountYuan: YuanString.optional(),
      termMonths: z.number().int().optional(),
      securedYuan: z.record(z.string(), YuanString).optional().openapi({ description: "per collateral unit id" }),
      guarantorId: Id.nullable().optional(),
      insurerId: Id.nullable().optional(),
    }),
    z.strictObject({ decision: z.literal("decline"), reason: text(1000) }),
  ])
  .openapi("DecideMortgage");

export const ServicingBody = z
  .strictObject({
    outstandingPrincipalYuan: YuanString,
    interestArrearsYuan: YuanString,
    overdueSince: IsoDate.nullable(),
  })
  .openapi("LoanServicing");

export const StartDisposalBody = z
  .strictObject({
    channel: z.enum(["listing", "auction", "buy_out"]),
    unitId: Id.optional(),
    reservePriceYuan: YuanString.optional(),
  })
  .openapi("StartDisposal");

export const CompleteDisposalBody = z
  .strictObject({
    costsYuan: YuanString,
    auctionProceedsYuan: YuanString.optional(),
    auctionBuyer: text(200).optional(),
  })
  .openapi("CompleteDisposal");

export const BidBody = z.strictObject({ amountYuan: YuanString, bidder: Holder }).openapi("PlaceBid");

export const ListingBody = z
  .strictObject({
    factorIds: z.array(Id).min(1).max(10),
    kind: z.enum(["lease", "sale"]),
    reservePriceYuan: YuanString,
    closesOn: IsoDate,
    leaseFrom: IsoDate.optional(),
    leaseTo: IsoDate.optional(),
  })
  .openapi("ListForTransfer");

export const DashboardQuery = z.strictObject({
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  from: IsoDate,
  to: IsoDate,
});
export const CountyQuery = z.strictObject({
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const LimitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });
export const EvidenceForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "a photo (JPEG/PNG/WebP) or a PDF" }),
});
