import type { MarketplaceDeps } from "./deps.ts";
import { ExpireConsents } from "./expire-consents.ts";
import { GetApplication } from "./get-application.ts";
import { GetFigures } from "./get-figures.ts";
import { GetInstitutionReport } from "./get-institution-report.ts";
import { GetProduct } from "./get-product.ts";
import { GrantConsent } from "./grant-consent.ts";
import { GrantDataConsent } from "./grant-data-consent.ts";
import { IssueApplyCode } from "./issue-apply-code.ts";
import { ListMyData } from "./list-my-data.ts";
import { ListReceivedPushes } from "./list-received-pushes.ts";
import { ManageApplyCode } from "./manage-apply-code.ts";
import { PurgeExpiredPushedData } from "./purge-expired-pushed-data.ts";
import { ReadPushedData } from "./read-pushed-data.ts";
import { RecordApplicationOutcome } from "./record-application-outcome.ts";
import { RegisterInstitution } from "./register-institution.ts";
import { RegisterProduct } from "./register-product.ts";
import { ReleaseData } from "./release-data.ts";
import { RequestInstantDecision } from "./request-instant-decision.ts";
import { RequestMortgageRegistration } from "./request-mortgage-registration.ts";
import { RevokeConsent } from "./revoke-consent.ts";
import { ScanApplyCode } from "./scan-apply-code.ts";
import { SearchProducts } from "./search-products.ts";
import { SetProductStatus } from "./set-product-status.ts";
import { SignMortgageAtBranch } from "./sign-mortgage-at-branch.ts";
import { SubmitApplication } from "./submit-application.ts";
import { SubmitMortgageRegistration } from "./submit-mortgage-registration.ts";
import { TakeReportSnapshot } from "./take-report-snapshot.ts";
import { WithdrawApplication } from "./withdraw-application.ts";

/** Every marketplace use case of one region, built from its dependencies (no container needed). */
export function createMarketplaceUseCases(deps: MarketplaceDeps) {
  const requestInstantDecision = new RequestInstantDecision(deps);
  return {
    registerInstitution: new RegisterInstitution(deps),
    registerProduct: new RegisterProduct(deps),
    setProductStatus: new SetProductStatus(deps),
    searchProducts: new SearchProducts(deps),
    getProduct: new GetProduct(deps),
    grantConsent: new GrantConsent(deps),
    grantDataConsent: new GrantDataConsent(deps),
    revokeConsent: new RevokeConsent(deps),
    expireConsents: new ExpireConsents(deps),
    listMyData: new ListMyData(deps),
    releaseData: new ReleaseData(deps),
    readPushedData: new ReadPushedData(deps),
    listReceivedPushes: new ListReceivedPushes(deps),
    purgeExpiredPushedData: new PurgeExpiredPushedData(deps),
    submitApplication: new SubmitApplication(deps, requestInstantDecision),
    requestInstantDecision,
    recordApplicationOutcome: new RecordApplicationOutcome(deps),
    withdrawApplication: new WithdrawApplication(deps),
    getApplication: new GetApplication(deps),
    issueApplyCode: new IssueApplyCode(deps),
    scanApplyCode: new ScanApplyCode(deps),
    manageApplyCode: new ManageApplyCode(deps),
    requestMortgageRegistration: new RequestMortgageRegistration(deps),
    signMortgageAtBranch: new SignMortgageAtBranch(deps),
    submitMortgageRegistration: new SubmitMortgageRegistration(deps),
    getInstitutionReport: new GetInstitutionReport(deps),
    takeReportSnapshot: new TakeReportSnapshot(deps),
    getFigures: new GetFigures(deps),
  };
}

export type MarketplaceUseCases = ReturnType<typeof createMarketplaceUseCases>;
