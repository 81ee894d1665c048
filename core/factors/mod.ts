// The factors module's public surface (宁德农村生产要素流转融资, spec 10-factors.md).
import type { ModuleDescriptor } from "../kernel/mod.ts";
import {
  AppraiserPort,
  CollectionCompanyPort,
  GuarantorPort,
  InsurerPort,
  LenderGatewayPort,
  RightsRegistryPort,
} from "./factors.ports.ts";
import { factorsPolicySchema } from "./policy.ts";

export { NINGDE_DEMO_INSTITUTIONS, ningdeDemoProducts } from "./demo/ningde-demo-products.ts";
// ---- domain
export * from "./domain/catalogue.ts";
export type * from "./domain/collateral.ts";
export * from "./domain/credit-product.ts";
export type * from "./domain/dashboard.ts";
export type * from "./domain/factor.ts";
export type * from "./domain/factor-event.ts";
export * from "./domain/factor-lifecycle.ts";
export type * from "./domain/fund-ledger.ts";
export type * from "./domain/lending.ts";
export type * from "./domain/market.ts";
export * from "./domain/quantity.ts";
// ---- ports (repositories and unit of work are provided by the platform; the rest by plugins)
export * from "./factors.ports.ts";
export type * from "./factors.queries.ts";
export type * from "./factors.repositories.ts";
// ---- policy pack
export * from "./policy.ts";
export * from "./policy-catalogue.ts";
export * from "./policy-county.ts";
export * from "./policy-defaults.ts";
export * from "./policy-schemas.ts";

// ---- rules (pure; FAC-R01..R11)
export * from "./rules/confirmation.ts";
export * from "./rules/credit-product.ts";
export * from "./rules/disposal.ts";
export * from "./rules/lien-ranking.ts";
export * from "./rules/loan-to-value.ts";
export * from "./rules/loss-sharing.ts";
export * from "./rules/marine-bundle.ts";
export * from "./rules/priority-repayment.ts";
export * from "./rules/public-notice.ts";
export * from "./rules/transfer.ts";
export * from "./rules/valuation-path.ts";

// ---- use cases
export * from "./use-cases/accept-mortgage.ts";
export * from "./use-cases/activate-factor.ts";
export * from "./use-cases/allocate-loss.ts";
export * from "./use-cases/apply-for-mortgage.ts";
export * from "./use-cases/award-transfer.ts";
export * from "./use-cases/complete-disposal.ts";
export * from "./use-cases/confirm-factor.ts";
export * from "./use-cases/consent-to-transfer.ts";
export * from "./use-cases/define-credit-product.ts";
export * from "./use-cases/form-marine-bundle.ts";
export * from "./use-cases/get-dashboard.ts";
export * from "./use-cases/get-disposal.ts";
export * from "./use-cases/get-factor-history.ts";
export * from "./use-cases/get-fund-ledger.ts";
export * from "./use-cases/get-loan.ts";
export * from "./use-cases/get-mortgage-application.ts";
export * from "./use-cases/get-public-notice.ts";
export * from "./use-cases/get-transfer-listing.ts";
export * from "./use-cases/list-county-queue.ts";
export * from "./use-cases/list-credit-products.ts";
export * from "./use-cases/list-for-transfer.ts";
export * from "./use-cases/list-institution-queue.ts";
export * from "./use-cases/list-market.ts";
export * from "./use-cases/list-my-work.ts";
export * from "./use-cases/lodge-objection.ts";
export * from "./use-cases/place-bid.ts";
export * from "./use-cases/record-loan-servicing.ts";
export * from "./use-cases/register-factor.ts";
export * from "./use-cases/register-lien.ts";
export * from "./use-cases/register-transfer.ts";
export * from "./use-cases/report-default.ts";
export * from "./use-cases/resolve-objection.ts";
export * from "./use-cases/start-disposal.ts";
export * from "./use-cases/submit-factor.ts";
export type { FactorsDeps } from "./use-cases/support/deps.ts";
export type { PublicFactor, PublicNotice } from "./use-cases/support/public-factor.ts";
export type { BidView, DisposalView, FactorView, TransferListingView } from "./use-cases/support/views.ts";
export * from "./use-cases/value-collateral.ts";

/**
 * KRN-R13 what the composition root needs: the pack schema and the outside-system ports a region
 * must get from plugins (repositories, unit of work and statistics come from the platform).
 */
export const descriptor: ModuleDescriptor = {
  id: "factors",
  title: { zh: "农村生产要素流转融资", en: "Rural production-factor financing" },
  policySchema: factorsPolicySchema,
  requiredPorts: [
    RightsRegistryPort,
    AppraiserPort,
    CollectionCompanyPort,
    LenderGatewayPort,
    GuarantorPort,
    InsurerPort,
  ],
};
