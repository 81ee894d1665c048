import { DomainError } from "../../kernel/mod.ts";
import { type CreditDataCatalogue, findCategory } from "../domain/credit-data.ts";
import type { FairUseTemplate } from "../domain/fair-use-template.ts";
import type { DataNeed, ProductType } from "../domain/product.ts";

/**
 * MKT-R02 fair use at registration: a product may ask only for catalogue categories its type's
 * fair-use template allows, for at most the template's data period and data life. A product
 * asking for more is refused when it is registered. Every category states its purpose.
 */
export const FAIR_USE_RULE = "MKT-R02";

export interface DataRequestOfProduct {
  readonly type: ProductType;
  readonly dataNeeds: readonly DataNeed[];
  readonly dataPeriodMonths: number;
  readonly dataLifeMonths: number;
}

function refuse(message: string, field: string, detail?: Record<string, unknown>): never {
  throw new DomainError(message, { ruleId: FAIR_USE_RULE, field, ...(detail ? { detail } : {}) });
}

export function assertWithinFairUse(
  product: DataRequestOfProduct,
  templates: readonly FairUseTemplate[],
  catalogue: CreditDataCatalogue,
): void {
  const template = templates.find((t) => t.productType === product.type);
  if (!template) refuse(`the region has no fair-use template for ${product.type} products`, "type");
  if (product.dataNeeds.length === 0) refuse("a product declares at least one data category", "dataNeeds");
  const seen = new Set<string>();
  product.dataNeeds.forEach((need, i) => {
    const field = `dataNeeds.${i}.category`;
    if (seen.has(need.category)) refuse(`category ${need.category} is declared twice`, field);
    seen.add(need.category);
    if (!findCategory(catalogue, need.category)) {
      refuse(`category ${need.category} is not in the region's credit-data catalogue`, field);
    }
    if (!template.categories.includes(need.category)) {
      refuse(`the ${product.type} fair-use template does not allow category ${need.category}`, field, {
        category: need.category,
      });
    }
    if (need.purpose.trim().length === 0) {
      refuse(`category ${need.category} must state the purpose it serves`, `dataNeeds.${i}.purpose`);
    }
  });
  if (product.dataPeriodMonths > template.maxDataPeriodMonths) {
    refuse(
      `a ${product.type} product may ask for at most ${template.maxDataPeriodMonths} months of data`,
      "dataPeriodMonths",
    );
  }
  if (product.dataLifeMonths > template.maxDataLifeMonths) {
    refuse(`a ${product.type} product may keep data at most ${template.maxDataLifeMonths} months`, "dataLifeMonths");
  }
}
