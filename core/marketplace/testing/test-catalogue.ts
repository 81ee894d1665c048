import type { Institution } from "../domain/institution.ts";
import type { DataNeed, Product } from "../domain/product.ts";

/**
 * Test catalogue for 龙岩 (350800): the seed's direct-connect products (农行兴林贷, 建行智慧快贷,
 * 兴业兴闪贷, 农信龙岩e贷) plus a mortgage, a guarantee and an insurance product. In this fixture
 * 兴闪贷 is worked by hand, so the demo story's overdue tea company can be shown.
 */
const REGION = "350800";
const AT = new Date("2026-01-05T00:00:00Z");
const YUAN = 100;

function inst(id: string, zh: string, en: string, kind: Institution["kind"], uscc: string): Institution {
  return {
    id,
    regionCode: REGION,
    name: { zh, en },
    kind,
    uscc,
    branches: [
      { id: `${id}_xinluo`, name: { zh: `${zh}新罗支行`, en: `${en}, Xinluo` }, regionCode: "350802" },
      { id: `${id}_changting`, name: { zh: `${zh}长汀支行`, en: `${en}, Changting` }, regionCode: "350821" },
    ],
    status: "ACTIVE",
    registeredAt: AT,
  };
}

export const institutions = {
  abc: inst("inst_abc", "中国农业银行龙岩分行", "ABC Longyan", "bank", "913508001565200010"),
  ccb: inst("inst_ccb", "中国建设银行龙岩分行", "CCB Longyan", "bank", "913508001565200023"),
  cib: inst("inst_cib", "兴业银行龙岩分行", "CIB Longyan", "bank", "913508001565200036"),
  lyrcb: inst("inst_lyrcb", "龙岩农村商业银行", "Longyan Rural Commercial Bank", "bank", "913508001565200049"),
  guarantor: inst(
    "inst_lyguar",
    "龙岩市融资担保有限责任公司",
    "Longyan Financing Guarantee",
    "guarantor",
    "91350800156520005C",
  ),
  insurer: inst("inst_picc", "中国人民财产保险龙岩市分公司", "PICC Longyan", "insurer", "91350800156520006F"),
};

const need = (category: string, purpose: string, required = true): DataNeed => ({ category, purpose, required });

type P = Pick<Product, "id" | "institutionId" | "name" | "type" | "channel" | "dataNeeds"> & Partial<Product>;

function product(p: P): Product {
  return {
    regionCode: REGION,
    description: `${p.name.zh}`,
    amountMin: 10_000 * YUAN,
    amountMax: 3_000_000 * YUAN,
    termMonthsMin: 1,
    termMonthsMax: 36,
    rateMinBp: 385,
    rateMaxBp: 650,
    segments: ["small-firm", "individual-business"],
    specialActions: [],
    dataPeriodMonths: 24,
    dataLifeMonths: 12,
    status: "ACTIVE",
    registeredAt: AT,
    ...p,
  };
}

export const products = {
  xinglin: product({
    id: "prd_abc_xinglin",
    institutionId: "inst_abc",
    name: { zh: "兴林贷", en: "Xinglin forestry loan" },
    type: "credit",
    channel: "direct",
    segments: ["farmer", "new-agri-entity", "small-firm"],
    specialActions: ["rural-revitalisation"],
    dataNeeds: [
      need("estate.forest-right", "林权面积与期限，评估经营规模 / forest area and term, to size the business"),
      need("agri.subsidies", "农业补贴，辅助判断经营稳定性 / farm subsidies, for stability", false),
      need("court.dishonest", "失信被执行人，准入排除 / dishonest-debtor list, for exclusion"),
    ],
  }),
  kuaidai: product({
    id: "prd_ccb_kuaidai",
    institutionId: "inst_ccb",
    name: { zh: "智慧快贷", en: "Smart quick loan" },
    type: "credit",
    channel: "direct",
    amountMax: 1_000_000 * YUAN,
    termMonthsMax: 12,
    rateMinBp: 385,
    rateMaxBp: 435,
    segments: ["individual-business", "small-firm"],
    specialActions: ["small-shop", "first-loan"],
    dataNeeds: [
      need("tax.paid", "纳税金额，核定额度 / tax paid, to set the limit"),
      need("unionpay.acquiring-flow", "银联收单流水，评估经营流水 / UnionPay turnover, to gauge revenue"),
      need("social.insurance-paid", "社保缴纳，评估用工稳定 / social insurance, for staffing stability", false),
      need("tax.credit-grade", "纳税信用等级 / tax credit grade", false),
      need("court.enforcement", "被执行人信息 / enforcement cases", false),
    ],
  }),
  xingshan: product({
    id: "prd_cib_xingshan",
    institutionId: "inst_cib",
    name: { zh: "兴闪贷", en: "Xingshan flash loan" },
    type: "credit",
    channel: "manual",
    amountMin: 100_000 * YUAN,
    amountMax: 5_000_000 * YUAN,
    termMonthsMin: 6,
    termMonthsMax: 24,
    rateMinBp: 400,
    specialActions: ["first-loan"],
    dataNeeds: [
      need("market.registration", "登记注册信息，核实主体 / registration, to identify the firm"),
      need("tax.credit-grade", "纳税信用等级，准入 / tax credit grade, for eligibility"),
      need("tax.invoiced-sales", "开票销售收入，核定额度 / invoiced sales, to set the limit"),
      need("power.usage", "用电量，印证生产经营 / electricity use, to confirm activity", false),
    ],
  }),
  edai: product({
    id: "prd_lyrcb_edai",
    institutionId: "inst_lyrcb",
    name: { zh: "龙岩e贷", en: "Longyan e-loan" },
    type: "credit",
    channel: "direct",
    segments: ["farmer", "individual-business"],
    specialActions: ["rural-revitalisation"],
    dataNeeds: [
      need("social.insurance-paid", "社保缴纳，评估收入稳定 / social insurance, for income stability"),
      need("agri.land-contract", "土地承包经营权 / contracted land", false),
      need("court.dishonest", "失信被执行人，准入排除 / dishonest-debtor list, for exclusion"),
    ],
  }),
  houseLoan: product({
    id: "prd_lyrcb_house",
    institutionId: "inst_lyrcb",
    name: { zh: "房抵贷", en: "Property-backed loan" },
    type: "mortgage",
    channel: "manual",
    amountMax: 10_000_000 * YUAN,
    termMonthsMax: 120,
    dataLifeMonths: 36,
    dataNeeds: [
      need("estate.registration", "不动产登记，核实抵押物 / real estate, to verify the collateral"),
      need("estate.mortgage", "既有抵押，确定顺位 / existing mortgages, for rank"),
      need("tax.paid", "纳税金额 / tax paid", false),
    ],
  }),
  startupGuarantee: product({
    id: "prd_guar_startup",
    institutionId: "inst_lyguar",
    name: { zh: "创业担保贷", en: "Start-up guaranteed loan" },
    type: "guarantee",
    channel: "manual",
    amountMax: 300_000 * YUAN,
    specialActions: ["startup"],
    dataNeeds: [
      need("social.startup-support", "创业补贴记录 / start-up support received"),
      need("market.registration", "登记注册信息 / registration"),
    ],
  }),
};
