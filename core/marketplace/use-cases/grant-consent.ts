import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { codeSchema } from "../domain/credit-data.ts";
import { CATALOGUE_RULE, type Product } from "../domain/product.ts";
import { CONSENT_RULE } from "../rules/consent-before-data.ts";
import { type GrantDataConsentDeps, writeConsent } from "./grant-data-consent.ts";
import { dataSubjectInputSchema, idSchema, monthsSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { type ConsentView, consentView } from "./views.ts";

/**
 * The consent screen's "I agree" for a marketplace product (MKT-R01/R02): the recipient is the
 * product's institution, the purpose is applying for that product, and the categories are
 * those of the product's declared ones the applicant ticked.
 */
export const grantConsentInput = v.strictObject({
  productId: idSchema,
  subject: dataSubjectInputSchema,
  categories: v.pipe(v.array(codeSchema, "must be a list of category codes"), v.maxLength(100)),
  dataPeriodMonths: v.optional(monthsSchema),
  dataLifeMonths: v.optional(monthsSchema),
});

/** The purpose a marketplace application consent names. */
export function productApplicationPurpose(product: Pick<Product, "id" | "name">) {
  return {
    module: "marketplace",
    kind: "product-application",
    ref: product.id,
    text: `申请 ${product.name.zh} / applying for ${product.name.en}`,
  } as const;
}

export class GrantConsent {
  readonly #deps: GrantDataConsentDeps;

  constructor(deps: GrantDataConsentDeps) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<ConsentView> {
    const parsed = parseInput(grantConsentInput, input, CONSENT_RULE);
    const d = this.#deps;
    const now = d.clock.now();
    const consent = await d.uow.run(async (tx) => {
      const product = await tx.products.get(parsed.productId);
      if (!product || product.regionCode !== d.regionCode || product.status !== "ACTIVE") {
        throw new DomainError("product not found", { ruleId: CATALOGUE_RULE, kind: "not_found", field: "productId" });
      }
      const { productId: _ignored, ...rest } = parsed;
      return writeConsent(
        tx,
        d,
        { ...rest, recipientInstitutionId: product.institutionId, purpose: productApplicationPurpose(product) },
        {
          needs: product.dataNeeds,
          limits: { dataPeriodMonths: product.dataPeriodMonths, dataLifeMonths: product.dataLifeMonths },
        },
        principal,
        now,
      );
    });
    return consentView(consent, now);
  }
}
