import type { Product } from "../../../core/marketplace/mod.ts";
import { demoCreditProducts } from "./demo-credit-products.ts";
import { demoSecuredProducts } from "./demo-secured-products.ts";

export { DEMO_REGION, demoInstitutions } from "./demo-institutions.ts";

/**
 * 龙岩 demo catalogue: banks, government guarantors and insurers of the pilot zone with the
 * seed's named products — 农行兴林贷, 建行智慧快贷, 兴业兴闪贷, 农信龙岩e贷 — and enough others for
 * every type, channel, segment and special-action column. Ids are fixed (the seed finds them
 * again); USCCs are synthetic with valid check characters. In the demo story 兴闪贷 is worked by
 * hand (the tea company is left waiting); the other three named products decide at once.
 */
export const demoProducts: readonly Product[] = [...demoCreditProducts, ...demoSecuredProducts];

/** The seed's named products (for pages, tests and the demo story). */
export const namedProducts = {
  xinglin: "prd_abc_xinglin",
  zhihuiKuaidai: "prd_ccb_zhihui",
  xingshan: "prd_cib_xingshan",
  longyanEloan: "prd_lyrcb_eloan",
} as const;
