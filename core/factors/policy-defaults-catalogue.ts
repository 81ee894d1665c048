import { type DatedParam, since } from "../kernel/mod.ts";
import type { FactorTypePolicy } from "./policy-catalogue.ts";

/** Date from which the default values apply (the seed gives no dates; the pilot ran through 2021). */
export const DEFAULTS_FROM = "2021-01-01";

const REGISTRIES = {
  real_estate: { zh: "不动产登记中心", en: "real-estate registry" },
  forest: { zh: "林业局林权登记", en: "forest-right registry" },
  sea_area: { zh: "海洋与渔业局海域使用权登记", en: "sea-area use registry" },
  fishery: {
    zh: "海洋与渔业局渔业登记（渔排备案、养殖证）",
    en: "fishery registry (raft filing, aquaculture licence)",
  },
  vessel: { zh: "渔业船舶登记", en: "fishing-vessel registry" },
  agriculture: { zh: "农业农村局", en: "agriculture and rural affairs bureau" },
  warehouse_receipt: { zh: "仓单登记（仓储监管方）", en: "warehouse-receipt registry" },
  receivables: { zh: "动产融资统一登记公示系统", en: "movable-asset and receivables registry" },
  insurer: { zh: "承保保险公司", en: "insuring company" },
  culture_tourism: { zh: "文化和旅游局民宿备案", en: "culture and tourism bureau (homestay filing)" },
  revenue_filing: { zh: "发改局/文旅局收益权备案", en: "revenue-right filing (development / tourism bureau)" },
  human_resources: { zh: "人力资源和社会保障局", en: "human resources and social security bureau" },
  credit_rating: { zh: "信用户（村）评定办公室", en: "credit-household rating office" },
} as const;

type Registry = keyof typeof REGISTRIES;

function ltv(percent: number, note = ""): DatedParam<number> {
  return since(DEFAULTS_FROM, percent * 100, `spec 10-factors.md FAC-R05 (default) ${percent} %${note}`);
}

function unitPrice(yuan: number): DatedParam<number> {
  return since(
    DEFAULTS_FROM,
    yuan * 100,
    `spec 10-factors.md FAC-R04 农村资产自主评估 unit price (default, demo value ${yuan} 元; the seed gives none)`,
  );
}

interface Opts {
  readonly ltvPercent?: number;
  readonly unit?: readonly [string, string];
  readonly priceYuan?: number;
  readonly basis?: FactorTypePolicy["valuationBasis"];
  readonly termLimited?: boolean;
}

function type(
  category: FactorTypePolicy["category"],
  zh: string,
  en: string,
  registry: Registry,
  o: Opts = {},
): FactorTypePolicy {
  const collateral = o.ltvPercent !== undefined;
  const revenue = o.basis === "revenue" ? " of 12 months' verified revenue" : "";
  return {
    category,
    name: { zh, en },
    registry: { kind: registry, name: { ...REGISTRIES[registry] } },
    collateral,
    valuationBasis: o.basis ?? (o.priceYuan !== undefined ? "self_assessment" : collateral ? "appraisal" : "none"),
    ...(o.unit ? { unit: { zh: o.unit[0], en: o.unit[1] } } : {}),
    ...(o.priceYuan !== undefined ? { selfAssessmentUnitPriceFen: unitPrice(o.priceYuan) } : {}),
    ...(o.ltvPercent !== undefined ? { ltvBp: ltv(o.ltvPercent, revenue) } : {}),
    termLimited: o.termLimited ?? false,
  };
}

const M2: readonly [string, string] = ["平方米", "m²"];
const MU: readonly [string, string] = ["亩", "mu"];
const income = { ltvPercent: 50, basis: "revenue" } as const;

/**
 * The Ningde default catalogue: 4 categories, 23 types (seed 一(三) 整合4大类23个品类; spec 10-factors.md).
 * Registries are our reading of who confirms each type; unit prices are demo values (the seed
 * gives none); LTVs are FAC-R05's defaults.
 */
export const ningdeCatalogue: Readonly<Record<string, FactorTypePolicy>> = {
  A01: type("A", "渔排", "fish raft", "fishery", { ltvPercent: 50, unit: ["口", "raft unit"], priceYuan: 15_000 }),
  A02: type("A", "设施大棚/果园大棚", "greenhouse & orchard facility", "agriculture", {
    ltvPercent: 50,
    unit: M2,
    priceYuan: 80,
  }),
  A03: type(
    "A",
    "农业生产设施（冷库、烘干房、灌溉）",
    "production facility (cold store, dryer, irrigation)",
    "agriculture",
    {
      ltvPercent: 50,
      unit: M2,
      priceYuan: 600,
    },
  ),
  A04: type("A", "农机具", "agricultural machinery", "agriculture", { ltvPercent: 40 }),
  A05: type("A", "活体畜禽/水产", "livestock & live aquatic stock", "agriculture", {
    ltvPercent: 30,
    unit: ["公斤", "kg"],
    priceYuan: 20,
  }),
  A06: type("A", "仓单/存货（茶叶、冻品）", "warehouse receipt & inventory (tea, frozen goods)", "warehouse_receipt", {
    ltvPercent: 70,
  }),
  A07: type("A", "农村房屋所有权", "rural house ownership", "real_estate", {
    ltvPercent: 50,
    unit: M2,
    priceYuan: 1_200,
  }),
  A08: type("A", "船舶", "fishing vessel", "vessel", { ltvPercent: 50 }),
  R01: type("R", "土地经营权", "land contract management right", "real_estate", {
    ltvPercent: 50,
    unit: MU,
    priceYuan: 5_000,
    termLimited: true,
  }),
  R02: type("R", "林权", "forest right", "forest", { ltvPercent: 60, unit: MU, priceYuan: 1_500 }),
  R03: type("R", "宅基地使用权", "homestead use right", "real_estate", { ltvPercent: 40, unit: M2, priceYuan: 300 }),
  R04: type("R", "海域使用权", "sea-area use right", "sea_area", {
    ltvPercent: 60,
    unit: MU,
    priceYuan: 3_000,
    termLimited: true,
  }),
  R05: type("R", "水域滩涂养殖权", "aquaculture right", "fishery", {
    ltvPercent: 60,
    unit: MU,
    priceYuan: 2_000,
    termLimited: true,
  }),
  R06: type("R", "农村集体资产股权", "collective-asset equity", "agriculture", { ltvPercent: 50 }),
  R07: type("R", "船网工具指标", "vessel/net quota", "fishery", { ltvPercent: 40 }),
  R08: type("R", "林业碳汇/碳票", "forest carbon credit", "forest", {
    ltvPercent: 60,
    unit: ["吨二氧化碳当量", "t CO2e"],
    priceYuan: 30,
  }),
  I01: type("I", "民宿经营收益权", "homestay revenue right", "culture_tourism", income),
  I02: type("I", "农产品订单/应收账款", "farm-produce orders & receivables", "receivables", income),
  I03: type("I", "农业保险保单", "crop-insurance policy", "insurer", income),
  I04: type("I", "光伏/旅游经营收益权", "PV or tourism revenue right", "revenue_filing", income),
  L01: type("L", "新型职业农民证书", "certified professional farmer", "agriculture"),
  L02: type("L", "技能等级/职称", "skill grade or professional title", "human_resources"),
  L03: type("L", "信用户/信用村评级", "credit-household / credit-village rating", "credit_rating"),
};
