import * as v from "valibot";
import { DomainError, hasRole, inRegion, type Principal } from "../../kernel/mod.ts";
import type { Loan, MortgageApplication } from "../domain/lending.ts";
import type { LossAllocation } from "../domain/market.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { type DisposalView, disposalView, listingView, type TransferListingView } from "./support/views.ts";

export const listInstitutionQueueInput = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 100),
});

export interface InstitutionQueue {
  /** Applications to decide (APPLIED) and accepted ones to register (ACCEPTED). */
  readonly applications: readonly MortgageApplication[];
  /** Loans not yet closed: performing, overdue, defaulted, in disposal. */
  readonly loans: readonly Loan[];
  /** Open disposals the institution runs. */
  readonly disposals: readonly DisposalView[];
  /** FAC-R10 open transfer listings of collateral it holds a lien on, its consent not yet given. */
  readonly consentRequests: readonly TransferListingView[];
  /** FAC-R09 losses shared on its loans. */
  readonly losses: readonly LossAllocation[];
}

/**
 * A lending institution's work queue in the region: only its own objects, in the counties its
 * staff act in (KRN-R06).
 */
export async function listInstitutionQueue(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown = {},
): Promise<InstitutionQueue> {
  const { limit } = parseInput(listInstitutionQueueInput, input);
  const bankId = principal.institutionId;
  if (!hasRole(principal, "institution_staff", "institution_admin") || bankId === undefined) {
    throw new DomainError("only an institution's staff see its queue", { ruleId: "KRN-R06", kind: "forbidden" });
  }
  const regionCode = deps.regionCode;
  const mine = <T extends { countyCode: string }>(rows: readonly T[]) =>
    rows.filter((r) => inRegion(principal, r.countyCode));
  const [applications, loans, disposals, losses] = await Promise.all([
    deps.queries.applications({ regionCode, bankId, statuses: ["APPLIED", "ACCEPTED"], limit }),
    deps.queries.loans({ regionCode, bankId, statuses: ["PERFORMING", "OVERDUE", "DEFAULTED", "DISPOSING"], limit }),
    deps.queries.disposals({ regionCode, bankId, statuses: ["open"], limit }),
    deps.queries.losses({ regionCode, bankId, limit }),
  ]);
  const ownLoans = mine(loans);
  const unitIds = [...new Set(ownLoans.flatMap((l) => l.unitIds))];
  const listings =
    unitIds.length === 0 ? [] : await deps.queries.listings({ regionCode, unitIds, statuses: ["open"], limit });
  const ourLiens = new Set(ownLoans.flatMap((l) => l.lienIds));
  const consentRequests = mine(listings).filter((l) => {
    const liensHere = ownLoans.filter((loan) => loan.unitIds.includes(l.unitId)).flatMap((loan) => loan.lienIds);
    return liensHere.some((id) => ourLiens.has(id) && !l.consents.includes(id));
  });
  return {
    applications: mine(applications),
    loans: ownLoans,
    disposals: mine(disposals).map(disposalView),
    consentRequests: consentRequests.map(listingView),
    losses: mine(losses),
  };
}
