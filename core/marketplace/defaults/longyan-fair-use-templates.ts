import type { FairUseTemplate } from "../domain/fair-use-template.ts";
import { longyanCreditDataCatalogue } from "./longyan-credit-data-catalogue.ts";

/**
 * MKT-R02 default fair-use templates for 龙岩 (after India's Account Aggregator fair-use
 * templates). The seed gives no caps; these are the project's defaults, one per product type:
 * - credit (信用贷): everything a credit model uses, but no real-estate title or mortgage data
 *   (forest rights stay allowed for 兴林贷-style forestry credit); 24 months of data, kept 12.
 * - mortgage (抵押贷): every category, 24 months, kept 36 months (registration and loan life).
 * - guarantee (担保): as credit plus real-estate title (counter-guarantee), kept 24 months.
 * - insurance (保证保险): registration, compliance, agriculture, court and credit lists only; 12/12.
 */

const all = longyanCreditDataCatalogue.categories.map((c) => c.code);
const except = (...codes: string[]) => all.filter((c) => !codes.includes(c));

const insurance = [
  "market.registration",
  "market.abnormal-list",
  "market.penalty",
  "tax.credit-grade",
  "social.insured-headcount",
  "agri.new-entity",
  "agri.subsidies",
  "agri.land-contract",
  "agri.machinery-subsidy",
  "agri.livestock",
  "finance.loan-records",
  "court.judgments",
  "court.enforcement",
  "court.dishonest",
  "credit.commitments",
  "credit.honours",
  "credit.serious-dishonesty",
];

export const longyanFairUseTemplates: FairUseTemplate[] = [
  {
    productType: "credit",
    categories: except("estate.registration", "estate.mortgage"),
    maxDataPeriodMonths: 24,
    maxDataLifeMonths: 12,
  },
  { productType: "mortgage", categories: all, maxDataPeriodMonths: 24, maxDataLifeMonths: 36 },
  { productType: "guarantee", categories: except("estate.mortgage"), maxDataPeriodMonths: 24, maxDataLifeMonths: 24 },
  { productType: "insurance", categories: insurance, maxDataPeriodMonths: 12, maxDataLifeMonths: 12 },
];
