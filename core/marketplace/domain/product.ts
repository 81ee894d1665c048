import * as v from "valibot";
import type { Fen } from "../../kernel/mod.ts";
import type { CategoryCode } from "./credit-data.ts";

/** Rule id of catalogue checks (unknown product, amount or term outside the product's range…). */
export const CATALOGUE_RULE = "MKT-CATALOGUE";

/** Product types of the catalogue; fair-use templates are per type (MKT-R02). */
export const productTypeSchema = v.picklist(["credit", "mortgage", "guarantee", "insurance"]);
export type ProductType = v.InferOutput<typeof productTypeSchema>;

/** Target segments: small firms, individual businesses (个体工商户), farmers, new agricultural entities. */
export const segmentSchema = v.picklist(["small-firm", "individual-business", "farmer", "new-agri-entity"]);
export type Segment = v.InferOutput<typeof segmentSchema>;

/** direct: the institution decides at once through its LenderGateway (秒批); manual: its queue. */
export const channelSchema = v.picklist(["direct", "manual"]);
export type Channel = v.InferOutput<typeof channelSchema>;

/** One category a product's risk model needs, the purpose it serves, and whether it is required. */
export interface DataNeed {
  readonly category: CategoryCode;
  /** Shown to the applicant on the consent screen (MKT-R02). */
  readonly purpose: string;
  /** A consent that omits a required category fails the application (MKT-R02). */
  readonly required: boolean;
}

export type ProductStatus = "ACTIVE" | "WITHDRAWN";

export interface Product {
  readonly id: string;
  readonly regionCode: string;
  readonly institutionId: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly type: ProductType;
  readonly description: string;
  readonly amountMin: Fen;
  readonly amountMax: Fen;
  readonly termMonthsMin: number;
  readonly termMonthsMax: number;
  /** Annual rate range in basis points (425 = 4.25 %). */
  readonly rateMinBp: number;
  readonly rateMaxBp: number;
  readonly segments: readonly Segment[];
  /** Codes of the region's special actions (五大专项行动) the product is listed under. */
  readonly specialActions: readonly string[];
  readonly channel: Channel;
  readonly dataNeeds: readonly DataNeed[];
  /** Months of past data the product asks for (capped by the fair-use template). */
  readonly dataPeriodMonths: number;
  /** Months the institution may keep the pushed data (capped by the fair-use template). */
  readonly dataLifeMonths: number;
  readonly status: ProductStatus;
  readonly registeredAt: Date;
}

/** The categories a product declares. */
export function declaredCategories(product: Pick<Product, "dataNeeds">): CategoryCode[] {
  return product.dataNeeds.map((n) => n.category);
}

/** The categories a product requires. */
export function requiredCategories(product: Pick<Product, "dataNeeds">): CategoryCode[] {
  const out: CategoryCode[] = [];
  for (const n of product.dataNeeds) if (n.required) out.push(n.category);
  return out;
}
