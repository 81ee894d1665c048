import { since } from "../kernel/mod.ts";
import { longyanCreditDataCatalogue } from "./defaults/longyan-credit-data-catalogue.ts";
import { longyanFairUseTemplates } from "./defaults/longyan-fair-use-templates.ts";
import type { MarketplacePolicy } from "./policy.ts";

/**
 * The default marketplace pack for the pilot region 龙岩 (350800). Figures the seed gives are
 * cited from the provincial notice; the rest are the spec's defaults, marked "(default)".
 */

const FROM = "2021-01-01";
const NOTICE = "闽普惠金融改革试验区推进小组《关于推广第三批可复制创新成果的通知》(2022-01-13)";
const SPEC = "spec 30-marketplace.md";

export const marketplacePolicyDefaults: MarketplacePolicy = {
  consent: {
    dataPeriodMonths: since(FROM, 24, `${SPEC} MKT-R01 (default: the last 24 months)`),
    dataLifeMonths: since(FROM, 12, `${SPEC} MKT-R01 (default: 12 months)`),
    expiryDays: since(FROM, 30, `${SPEC} MKT-R01 (default: 30 days for a one-time application push)`),
  },
  creditData: since(
    FROM,
    longyanCreditDataCatalogue,
    `${NOTICE} 三(一)一 "17个部门、44大类实时公共信用数据"; category list ${SPEC} (default)`,
  ),
  fairUse: since(FROM, longyanFairUseTemplates, `${SPEC} MKT-R02 (default, after India's AA fair-use templates)`),
  firstLoan: {
    loanCategories: since(FROM, ["finance.loan-records"], `${SPEC} MKT-R07 (default)`),
  },
  serviceDeadlines: {
    contactWorkingDays: since(FROM, 2, `${NOTICE} 三(一)三 限时办理; ${SPEC} MKT-R04 (default: 2 working days)`),
    longUnfinishedWorkingDays: since(
      FROM,
      15,
      `${NOTICE} 三(一)三 长期未办结; ${SPEC} MKT-R05 (default: 15 working days)`,
    ),
  },
  instantDecision: {
    budgetMs: since(FROM, 5000, `${NOTICE} 三(一)二 秒批; ${SPEC} MKT-R06 (default: 5 seconds)`),
  },
  applyCode: {
    defaultValidityDays: since(FROM, 90, `${NOTICE} 三(一)一 码上贷; ${SPEC} MKT-R08 (default: 90 days)`),
    maxValidityDays: since(FROM, 365, `${SPEC} MKT-R08 (default: 365 days)`),
  },
  specialActions: since(
    FROM,
    [
      {
        code: "first-loan",
        name: { zh: "首贷行动", en: "First loan" },
        description: "borrowers who have never had a loan (首贷户)",
      },
      {
        code: "startup",
        name: { zh: "创业辅导", en: "Start-up coaching" },
        description: "founders and new businesses, incl. start-up guaranteed loans",
      },
      {
        code: "rural-revitalisation",
        name: { zh: "乡村振兴", en: "Rural revitalisation" },
        description: "farmers, family farms, cooperatives and rural industries",
      },
      {
        code: "foreign-exchange",
        name: { zh: "外汇服务", en: "Foreign exchange" },
        description: "firms with cross-border trade and foreign-exchange needs",
      },
      {
        code: "small-shop",
        name: { zh: "小店经济", en: "Small shops" },
        description: "individual businesses, decided with their UnionPay acquiring flow",
      },
    ],
    `${NOTICE} 三(一)二 "五大专项行动"专栏`,
  ),
};
