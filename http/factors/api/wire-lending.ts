import { z } from "@hono/zod-openapi";
import type { CreditProduct, Lien, Loan, LossAllocation, MortgageApplication } from "../../../core/factors/mod.ts";
import { yuan, yuanOrNull } from "./wire-money.ts";

const Sharing = z
  .object({
    sharesBp: z.object({ bank: z.number(), guarantor: z.number(), insurer: z.number(), governmentFund: z.number() }),
    perLoanCapsYuan: z.object({
      guarantor: z.string().nullable(),
      insurer: z.string().nullable(),
      governmentFund: z.string().nullable(),
    }),
  })
  .openapi("SharingAgreement", { description: "FAC-R09 shares in basis points (adding to 10000) and per-loan caps" });

type SharingIn = CreditProduct["sharing"] & {};

function sharingWire(s: SharingIn): z.infer<typeof Sharing> {
  return {
    sharesBp: { ...s.sharesBp },
    perLoanCapsYuan: {
      guarantor: yuanOrNull(s.perLoanCapsFen.guarantor),
      insurer: yuanOrNull(s.perLoanCapsFen.insurer),
      governmentFund: yuanOrNull(s.perLoanCapsFen.governmentFund),
    },
  };
}

export const ProductWire = z
  .object({
    id: z.string(),
    bankId: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    acceptedTypes: z.array(z.string()),
    ltvOverrideBp: z.record(z.string(), z.number()),
    amountMinYuan: z.string(),
    amountMaxYuan: z.string(),
    termMonthsMin: z.number(),
    termMonthsMax: z.number(),
    rateMinBp: z.number(),
    rateMaxBp: z.number(),
    requiresGuarantor: z.boolean(),
    requiresInsurer: z.boolean(),
    guarantorId: z.string().nullable(),
    insurerId: z.string().nullable(),
    sharing: Sharing.nullable(),
    labourBenefits: z.record(z.string(), z.object({ limitUpliftBp: z.number(), rateDiscountBp: z.number() })),
    maxLimitUpliftBp: z.number(),
    maxRateDiscountBp: z.number(),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi("CreditProduct");

export function productWire(p: CreditProduct): z.infer<typeof ProductWire> {
  return {
    id: p.id,
    bankId: p.bankId,
    name: { ...p.name },
    acceptedTypes: [...p.acceptedTypes],
    ltvOverrideBp: { ...p.ltvOverrideBp },
    amountMinYuan: yuan(p.amountMinFen),
    amountMaxYuan: yuan(p.amountMaxFen),
    termMonthsMin: p.termMonthsMin,
    termMonthsMax: p.termMonthsMax,
    rateMinBp: p.rateMinBp,
    rateMaxBp: p.rateMaxBp,
    requiresGuarantor: p.requiresGuarantor,
    requiresInsurer: p.requiresInsurer,
    guarantorId: p.guarantorId,
    insurerId: p.insurerId,
    sharing: p.sharing ? sharingWire(p.sharing) : null,
    labourBenefits: Object.fromEntries(Object.entries(p.labourBenefits).map(([k, b]) => [k, { ...b }])),
    maxLimitUpliftBp: p.maxLimitUpliftBp,
    maxRateDiscountBp: p.maxRateDiscountBp,
    status: p.status,
    createdAt: p.createdAt,
  };
}

export const ApplicationWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    productId: z.string(),
    bankId: z.string(),
    collateral: z.array(z.object({ unitId: z.string(), factorIds: z.array(z.string()), valuationId: z.string() })),
    requestedAmountYuan: z.string(),
    termMonths: z.number(),
    labourFactorIds: z.array(z.string()),
    status: z.string(),
    approved: z
      .object({
        amountYuan: z.string(),
        secured: z.array(z.object({ unitId: z.string(), securedAmountYuan: z.string() })),
        rateBp: z.number(),
        termMonths: z.number(),
        guarantorId: z.string().nullable(),
        insurerId: z.string().nullable(),
        sharing: Sharing,
      })
      .nullable(),
    declineReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("MortgageApplication");

export function applicationWire(a: MortgageApplication): z.infer<typeof ApplicationWire> {
  return {
    id: a.id,
    countyCode: a.countyCode,
    productId: a.productId,
    bankId: a.bankId,
    collateral: a.collateral.map((c) => ({
      unitId: c.unitId,
      factorIds: [...c.factorIds],
      valuationId: c.valuationId,
    })),
    requestedAmountYuan: yuan(a.requestedAmount),
    termMonths: a.termMonths,
    labourFactorIds: [...a.labourFactorIds],
    status: a.status,
    approved: a.approved
      ? {
          amountYuan: yuan(a.approved.amount),
          secured: a.approved.secured.map((s) => ({ unitId: s.unitId, securedAmountYuan: yuan(s.securedAmount) })),
          rateBp: a.approved.rateBp,
          termMonths: a.approved.termMonths,
          guarantorId: a.approved.guarantorId,
          insurerId: a.approved.insurerId,
          sharing: sharingWire(a.approved.sharing),
        }
      : null,
    declineReason: a.declineReason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export const LienWire = z
  .object({
    id: z.string(),
    unitId: z.string(),
    factorIds: z.array(z.string()),
    loanId: z.string(),
    bankId: z.string(),
    securedAmountYuan: z.string(),
    registeredAt: z.string(),
    registrationSeq: z.number(),
    status: z.string(),
    endedAt: z.string().nullable(),
    rank: z.number().nullable().openapi({ description: "FAC-R06 rank among the unit's active liens (1 = first)" }),
  })
  .openapi("Lien");

export function lienWire(l: Lien & { readonly rank?: number | null }): z.infer<typeof LienWire> {
  return {
    id: l.id,
    unitId: l.unitId,
    factorIds: [...l.factorIds],
    loanId: l.loanId,
    bankId: l.bankId,
    securedAmountYuan: yuan(l.securedAmount),
    registeredAt: l.registeredAt,
    registrationSeq: l.registrationSeq,
    status: l.status,
    endedAt: l.endedAt,
    rank: l.rank ?? null,
  };
}

export const LoanWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    applicationId: z.string(),
    productId: z.string(),
    bankId: z.string(),
    unitIds: z.array(z.string()),
    principalYuan: z.string(),
    outstandingPrincipalYuan: z.string(),
    interestArrearsYuan: z.string(),
    rateBp: z.number(),
    termMonths: z.number(),
    startedOn: z.string(),
    overdueSince: z.string().nullable(),
    status: z.string(),
    guarantorId: z.string().nullable(),
    insurerId: z.string().nullable(),
    sharing: Sharing,
    lienIds: z.array(z.string()),
    proceedsApplied: z.object({ interestYuan: z.string(), principalYuan: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Loan");

export function loanWire(l: Loan): z.infer<typeof LoanWire> {
  return {
    id: l.id,
    countyCode: l.countyCode,
    applicationId: l.applicationId,
    productId: l.productId,
    bankId: l.bankId,
    unitIds: [...l.unitIds],
    principalYuan: yuan(l.principal),
    outstandingPrincipalYuan: yuan(l.outstandingPrincipal),
    interestArrearsYuan: yuan(l.interestArrears),
    rateBp: l.rateBp,
    termMonths: l.termMonths,
    startedOn: l.startedOn,
    overdueSince: l.overdueSince,
    status: l.status,
    guarantorId: l.guarantorId,
    insurerId: l.insurerId,
    sharing: sharingWire(l.sharing),
    lienIds: [...l.lienIds],
    proceedsApplied: l.proceedsApplied
      ? { interestYuan: yuan(l.proceedsApplied.interest), principalYuan: yuan(l.proceedsApplied.principal) }
      : null,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

export const LossWire = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    loanId: z.string(),
    bankId: z.string(),
    guarantorId: z.string().nullable(),
    insurerId: z.string().nullable(),
    lossYuan: z.string(),
    partsYuan: z.object({ bank: z.string(), guarantor: z.string(), insurer: z.string(), governmentFund: z.string() }),
    year: z.number(),
    allocatedOn: z.string(),
    createdAt: z.string(),
  })
  .openapi("LossAllocation", { description: "FAC-R09 政银保担: the parts add up to the loss, to the fen" });

export function lossWire(a: LossAllocation): z.infer<typeof LossWire> {
  return {
    id: a.id,
    countyCode: a.countyCode,
    loanId: a.loanId,
    bankId: a.bankId,
    guarantorId: a.guarantorId,
    insurerId: a.insurerId,
    lossYuan: yuan(a.loss),
    partsYuan: {
      bank: yuan(a.parts.bank),
      guarantor: yuan(a.parts.guarantor),
      insurer: yuan(a.parts.insurer),
      governmentFund: yuan(a.parts.governmentFund),
    },
    year: a.year,
    allocatedOn: a.allocatedOn,
    createdAt: a.createdAt,
  };
}
