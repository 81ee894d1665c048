import * as v from "valibot";
import { businessDateOf, DomainError, type Principal, valueAsOf } from "../../kernel/mod.ts";
import { findCategory } from "../domain/credit-data.ts";
import type { Institution } from "../domain/institution.ts";
import { CATALOGUE_RULE, type Product } from "../domain/product.ts";
import { type ConsentTerms, consentTerms } from "../rules/consent-before-data.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";

/**
 * A product with everything its consent screen must show (MKT-R01/R02): the institution that
 * will receive the data, each category with its department, the purpose it serves and whether
 * it is required, and the period, data life and expiry a consent given now would carry.
 */
export interface ConsentScreenCategory {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly department: { readonly code: string; readonly name: { readonly zh: string; readonly en: string } };
  readonly purpose: string;
  readonly required: boolean;
}

export interface ProductDetail {
  readonly product: Product;
  readonly institution: Pick<Institution, "id" | "name" | "kind">;
  readonly consentScreen: {
    readonly recipient: Pick<Institution, "id" | "name">;
    readonly categories: readonly ConsentScreenCategory[];
    readonly terms: ConsentTerms;
  };
}

export class GetProduct {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "policy" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "policy" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, _principal?: Principal): Promise<ProductDetail> {
    const d = this.#deps;
    const { productId } = parseInput(v.strictObject({ productId: idSchema }), input, CATALOGUE_RULE);
    const found = await d.uow.run(async (tx) => {
      const product = await tx.products.get(productId);
      const institution = product ? await tx.institutions.get(product.institutionId) : undefined;
      return { product, institution };
    });
    const { product, institution } = found;
    if (!product || !institution || product.regionCode !== d.regionCode || product.status !== "ACTIVE") {
      throw new DomainError("product not found", { ruleId: CATALOGUE_RULE, kind: "not_found", field: "productId" });
    }
    const now = d.clock.now();
    const catalogue = valueAsOf(d.policy.creditData, businessDateOf(now), "creditData");
    const categories = product.dataNeeds.map((n): ConsentScreenCategory => {
      const c = findCategory(catalogue, n.category);
      const dept = catalogue.departments.find((x) => x.code === c?.department);
      return {
        code: n.category,
        name: c?.name ?? { zh: n.category, en: n.category },
        department: { code: dept?.code ?? "", name: dept?.name ?? { zh: "", en: "" } },
        purpose: n.purpose,
        required: n.required,
      };
    });
    const terms = consentTerms(
      d.policy,
      now,
      {},
      {
        dataPeriodMonths: product.dataPeriodMonths,
        dataLifeMonths: product.dataLifeMonths,
      },
    );
    const who = { id: institution.id, name: institution.name };
    return {
      product,
      institution: { ...who, kind: institution.kind },
      consentScreen: { recipient: who, categories, terms },
    };
  }
}
