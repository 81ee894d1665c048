import * as v from "valibot";
import { basisPoints, bilingualName, fenAmount, sharingAgreementSchema } from "../policy-schemas.ts";

const typeCode = v.pipe(v.string(), v.regex(/^[ARIL]\d{2}$/, "a factor type code such as A01"));
const institutionId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._:-]{1,63}$/, "an institution id"));
const months = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600), v.description(what));

/** Key under which a product overrides the LTV of a 三权合一 bundle. */
export const BUNDLE_LTV_KEY = "bundle";

/** FAC-R11 a credit product as its bank defines it (seed: 57 in Ningde, e.g. 渔排养殖贷, 民宿贷). */
export const creditProductTermsSchema = v.object({
  bankId: v.pipe(institutionId, v.description("the lending bank")),
  name: bilingualName,
  acceptedTypes: v.pipe(
    v.array(typeCode),
    v.minLength(1, "a product accepts at least one factor type"),
    v.description("collateral types the product accepts; a bundle needs all its member types"),
  ),
  ltvOverrideBp: v.pipe(
    v.record(v.union([typeCode, v.literal(BUNDLE_LTV_KEY)]), basisPoints("product loan-to-value")),
    v.description("product LTV by type (or 'bundle'); never above FAC-R05's"),
  ),
  amountMinFen: fenAmount("least loan amount"),
  amountMaxFen: fenAmount("largest loan amount"),
  termMonthsMin: months("shortest term, months"),
  termMonthsMax: months("longest term, months"),
  rateMinBp: basisPoints("lowest annual rate"),
  rateMaxBp: basisPoints("highest annual rate"),
  requiresGuarantor: v.pipe(v.boolean(), v.description("a government guarantor must back each loan")),
  requiresInsurer: v.pipe(v.boolean(), v.description("an insurer must cover each loan")),
  guarantorId: v.pipe(v.nullable(institutionId), v.description("the guarantor the product works with")),
  insurerId: v.pipe(v.nullable(institutionId), v.description("the insurer the product works with")),
  sharing: v.pipe(
    v.nullable(sharingAgreementSchema),
    v.description("FAC-R09 sharing agreement; null = the pack's default for a guaranteed and insured product"),
  ),
  labourBenefits: v.pipe(
    v.record(
      typeCode,
      v.object({ limitUpliftBp: basisPoints("credit-limit uplift"), rateDiscountBp: basisPoints("rate discount") }),
    ),
    v.description("FAC-R11 uplift of the credit limit and discount of the rate per labour-quality type held"),
  ),
  maxLimitUpliftBp: basisPoints("most total credit-limit uplift"),
  maxRateDiscountBp: basisPoints("most total rate discount"),
});

export type CreditProductTerms = v.InferOutput<typeof creditProductTermsSchema>;

export interface CreditProduct extends CreditProductTerms {
  readonly id: string;
  readonly regionCode: string;
  readonly status: "active" | "withdrawn";
  readonly createdAt: string;
  readonly version: number;
}
