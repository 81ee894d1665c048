// The marketplace module's public surface (龙岩数字普惠金融服务平台, spec 30-marketplace.md).
import type { ModuleDescriptor, PortToken } from "../kernel/mod.ts";
import { combineLenderGateways } from "./combine-lender-gateways.ts";
import {
  ApplyCodeSignerPort,
  CreditDataSourcePort,
  LenderGatewayPort,
  MarketplaceQueriesPort,
  MarketplaceUnitOfWorkPort,
  RealEstateRegistryPort,
} from "./marketplace.ports.ts";
import { marketplacePolicySchema } from "./policy.ts";

// Ports, policy pack
export { combineLenderGateways } from "./combine-lender-gateways.ts";
export { longyanCreditDataCatalogue } from "./defaults/longyan-credit-data-catalogue.ts";
export { longyanFairUseTemplates } from "./defaults/longyan-fair-use-templates.ts";
// Domain
export * from "./domain/application.ts";
export * from "./domain/apply-code.ts";
export * from "./domain/canonical-json.ts";
export * from "./domain/consent.ts";
export * from "./domain/credit-data.ts";
export * from "./domain/data-subject.ts";
export * from "./domain/fair-use-template.ts";
export * from "./domain/institution.ts";
export * from "./domain/mortgage-registration.ts";
export * from "./domain/product.ts";
export * from "./domain/push-record.ts";
export * from "./domain/state-machine.ts";
export * from "./marketplace.ports.ts";
export * from "./policy.ts";
export { marketplacePolicyDefaults } from "./policy-defaults.ts";
// Rules (pure; MKT-R01..R09)
export * from "./rules/apply-code.ts";
export * from "./rules/consent-before-data.ts";
export * from "./rules/contact-deadline.ts";
export * from "./rules/fair-use.ts";
export * from "./rules/figures.ts";
export * from "./rules/first-loan.ts";
export * from "./rules/instant-decision.ts";
export * from "./rules/institution-isolation.ts";
export * from "./rules/institution-report.ts";
export * from "./rules/long-unfinished.ts";
export * from "./rules/minimisation.ts";
export * from "./rules/product-filter.ts";
export * from "./rules/push-log.ts";
export { commitDataRelease } from "./use-cases/commit-data-release.ts";
// Use cases
export { createMarketplaceUseCases, type MarketplaceUseCases } from "./use-cases/create-use-cases.ts";
export type { MarketplaceDeps } from "./use-cases/deps.ts";
export { ExpireConsents } from "./use-cases/expire-consents.ts";
export { GetApplication } from "./use-cases/get-application.ts";
export { figuresInput, GetFigures } from "./use-cases/get-figures.ts";
export {
  GetInstitutionReport,
  type InstitutionReportAnswer,
  institutionReportInput,
} from "./use-cases/get-institution-report.ts";
export { type ConsentScreenCategory, GetProduct, type ProductDetail } from "./use-cases/get-product.ts";
export { GrantConsent, grantConsentInput, productApplicationPurpose } from "./use-cases/grant-consent.ts";
export {
  type ConsentScope,
  GrantDataConsent,
  type GrantDataConsentDeps,
  type GrantDataConsentInput,
  grantDataConsentInput,
} from "./use-cases/grant-data-consent.ts";
export { IssueApplyCode, issueApplyCodeInput } from "./use-cases/issue-apply-code.ts";
export { ListMyData, type MyData } from "./use-cases/list-my-data.ts";
export { ListReceivedPushes } from "./use-cases/list-received-pushes.ts";
export { ManageApplyCode } from "./use-cases/manage-apply-code.ts";
export {
  type DataReleaseRequest,
  fetchReleaseRecords,
  type PreparedRelease,
  prepareDataRelease,
  type ReleaseFetcher,
} from "./use-cases/prepare-data-release.ts";
export { PurgeExpiredPushedData } from "./use-cases/purge-expired-pushed-data.ts";
export { ReadPushedData } from "./use-cases/read-pushed-data.ts";
export { RecordApplicationOutcome, recordOutcomeInput } from "./use-cases/record-application-outcome.ts";
export { RegisterInstitution, registerInstitutionInput } from "./use-cases/register-institution.ts";
export { RegisterProduct, registerProductInput } from "./use-cases/register-product.ts";
export { ReleaseData, type ReleaseDataDeps } from "./use-cases/release-data.ts";
export { type DecisionContext, RequestInstantDecision } from "./use-cases/request-instant-decision.ts";
export {
  RequestMortgageRegistration,
  requestMortgageRegistrationInput,
} from "./use-cases/request-mortgage-registration.ts";
export { RevokeConsent } from "./use-cases/revoke-consent.ts";
export { type ApplyCodePrefill, ScanApplyCode } from "./use-cases/scan-apply-code.ts";
export { SearchProducts, searchProductsInput } from "./use-cases/search-products.ts";
export { SetProductStatus } from "./use-cases/set-product-status.ts";
export { SignMortgageAtBranch } from "./use-cases/sign-mortgage-at-branch.ts";
export {
  SubmitApplication,
  type SubmittedApplication,
  submitApplicationInput,
} from "./use-cases/submit-application.ts";
export { SubmitMortgageRegistration } from "./use-cases/submit-mortgage-registration.ts";
export { TakeReportSnapshot } from "./use-cases/take-report-snapshot.ts";
export type { ApplicationView, ConsentView, PushView } from "./use-cases/views.ts";
export { WithdrawApplication } from "./use-cases/withdraw-application.ts";
export { withinBudget } from "./use-cases/within-budget.ts";

/** Ports the platform itself provides for this module (not region plugins). */
export const marketplacePlatformPorts: readonly PortToken[] = [
  MarketplaceUnitOfWorkPort,
  MarketplaceQueriesPort,
  ApplyCodeSignerPort,
];

export const descriptor: ModuleDescriptor = {
  id: "marketplace",
  title: { zh: "龙岩数字普惠金融服务平台", en: "Digital inclusive-finance marketplace" },
  policySchema: marketplacePolicySchema,
  requiredPorts: [CreditDataSourcePort, LenderGatewayPort, RealEstateRegistryPort],
  combinedPorts: new Map([[LenderGatewayPort, combineLenderGateways]]),
};
