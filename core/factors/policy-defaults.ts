import { since } from "../kernel/mod.ts";
import type { FactorsPolicy } from "./policy.ts";
import { DEFAULTS_FROM, ningdeCatalogue } from "./policy-defaults-catalogue.ts";
import { ningdeCounties } from "./policy-defaults-counties.ts";

const SPEC = "spec 10-factors.md";

/**
 * The Ningde (宁德 350900) default factors pack: reproduces the seed (一、宁德市农村生产要素流转
 * 融资服务机制) and the spec's defaults. Every value names its source; a region's pack replaces
 * what differs, dated from the day it applies.
 */
export const ningdeFactorsPolicy: FactorsPolicy = {
  catalogue: ningdeCatalogue,
  marineBundle: {
    memberTypes: since(
      DEFAULTS_FROM,
      ["R04", "A01", "R05"],
      "seed 一(二)三 宁德市海洋渔业局《关于开展海上渔排养殖权抵押备案工作的意见》: 海域使用权、渔排所有权和养殖权“三权合一”; spec FAC-R03",
    ),
    ltvBp: since(DEFAULTS_FROM, 6000, `${SPEC} FAC-R05 (default) R04/R05 bundle 60 %`),
  },
  publicNotice: { days: since(DEFAULTS_FROM, 7, `${SPEC} FAC-R02 (default) 7 days`) },
  valuation: {
    selfAssessmentMaxFen: since(
      DEFAULTS_FROM,
      30_000_000,
      `${SPEC} FAC-R04 (default) 300,000 yuan; seed 一(二)四 农村资产自主评估`,
    ),
    validityMonths: since(DEFAULTS_FROM, 12, `${SPEC} FAC-R04 (default) 12 months`),
    conditionFactorsBp: since(
      DEFAULTS_FROM,
      { good: 10000, fair: 8000, poor: 6000 },
      `${SPEC} FAC-R04 condition factor (default: good 100 %, fair 80 %, poor 60 %; the seed gives none)`,
    ),
    revenueMonths: since(DEFAULTS_FROM, 12, `${SPEC} FAC-R05 (default) 12 months' verified revenue`),
  },
  disposal: {
    overdueDaysTrigger: since(DEFAULTS_FROM, 90, `${SPEC} FAC-R08 (default) 90 days overdue`),
    listingMinDays: since(DEFAULTS_FROM, 15, `${SPEC} FAC-R08 (default) listing open 15 days`),
    buyOutMinBp: since(DEFAULTS_FROM, 7000, `${SPEC} FAC-R08 (default) buy-out at not less than 70 % of valuation`),
  },
  transfer: {
    listingMinDays: since(
      DEFAULTS_FROM,
      15,
      `${SPEC} FAC-R10 listing term (default: as FAC-R08's 15 days; the spec gives none)`,
    ),
  },
  riskSharing: {
    defaultAgreement: since(
      DEFAULTS_FROM,
      {
        sharesBp: { bank: 2000, guarantor: 4000, insurer: 2000, governmentFund: 2000 },
        perLoanCapsFen: { guarantor: null, insurer: null, governmentFund: null },
      },
      `seed 一(二)二 政、银、保、担风险共担模式; ${SPEC} FAC-R09 (default) guarantor 40 %, fund 20 %, insurer 20 %, bank 20 %`,
    ),
    governmentFundAnnualCapFen: since(DEFAULTS_FROM, null, `${SPEC} FAC-R09 annual fund cap (default: none set)`),
  },
  counties: ningdeCounties,
};
