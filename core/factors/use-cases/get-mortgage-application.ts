import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import type { CreditProduct } from "../domain/credit-product.ts";
import type { MortgageApplication } from "../domain/lending.ts";
import { canSeeFactor } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const getMortgageApplicationInput = v.object({ applicationId: id("applicationId") });

export interface MortgageApplicationDetail {
  readonly application: MortgageApplication;
  readonly product: CreditProduct | null;
  /** The collateral's factors, in the application's unit order. */
  readonly factors: readonly FactorView[];
  /** The loan booked from it, once its liens are registered. */
  readonly loanId: string | null;
}

/**
 * A mortgage application with its product and collateral, for whoever may see its collateral
 * (the holder, the product's bank, guarantor and insurer, the county's regulators): KRN-R06,
 * anyone else reads "not found".
 */
export async function getMortgageApplication(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<MortgageApplicationDetail> {
  const i = parseInput(getMortgageApplicationInput, input);
  const detail = await deps.uow.run(async (tx) => {
    const application = await tx.applications.get(deps.regionCode, i.applicationId);
    if (!application) throw notFound("application", "applicationId");
    const ids = [...new Set(application.collateral.flatMap((c) => c.factorIds))].sort();
    const factors = await tx.factors.getMany(deps.regionCode, ids);
    const applicant = application.applicantRef === (principal.subjectRef ?? principal.id);
    if (!applicant && !factors.some((f) => canSeeFactor(principal, f))) throw notFound("application", "applicationId");
    const product = await tx.products.get(deps.regionCode, application.productId);
    const byId = new Map(factors.map((f) => [f.id, f]));
    const ordered = application.collateral.flatMap((c) => c.factorIds.flatMap((fid) => byId.get(fid) ?? []));
    return { application, product, factors: ordered.map((f) => factorView(principal, f)) };
  });
  const loans =
    detail.application.status === "REGISTERED"
      ? await deps.queries.loans({ regionCode: deps.regionCode, applicationId: detail.application.id, limit: 1 })
      : [];
  return { ...detail, loanId: loans[0]?.id ?? null };
}
