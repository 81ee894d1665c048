import type { Lang } from "../../pages/i18n.ts";
import { type FieldLabels, pageProblems } from "../../pages/page-problems.ts";
import { commonText } from "./text-common.ts";

export type { PageProblem } from "../../pages/page-problems.ts";

type Bi = { readonly zh: string; readonly en: string };

/** The rules' names, so a refusal reads "FAC-R05 抵押率" before the core's own words. */
const RULES: Readonly<Record<string, Bi>> = {
  "FAC-R01": { zh: "确权", en: "confirmation" },
  "FAC-R02": { zh: "公示与异议", en: "public notice" },
  "FAC-R03": { zh: "三权合一", en: "marine bundle" },
  "FAC-R04": { zh: "价值评估", en: "valuation" },
  "FAC-R05": { zh: "抵押率", en: "loan-to-value" },
  "FAC-R06": { zh: "抵押顺位与余额", en: "lien ranking and headroom" },
  "FAC-R07": { zh: "优先受偿", en: "priority repayment" },
  "FAC-R08": { zh: "违约与处置", en: "default and disposal" },
  "FAC-R09": { zh: "政银保担风险共担", en: "risk sharing" },
  "FAC-R10": { zh: "流转", en: "transfer" },
  "FAC-R11": { zh: "信贷产品", en: "credit products" },
  "FAC-LIFECYCLE": { zh: "要素状态", en: "factor lifecycle" },
  "KRN-R01": { zh: "金额", en: "money" },
  "KRN-R03": { zh: "日期", en: "dates" },
  "KRN-R06": { zh: "访问权限", en: "access" },
  "KRN-R08": { zh: "重复提交", en: "repeated submission" },
  "KRN-R09": { zh: "并发修改", en: "concurrent change" },
  "KRN-R10": { zh: "外部系统", en: "outside system" },
  "KRN-R11": { zh: "输入", en: "input" },
  "KRN-ID": { zh: "证件号码", en: "identity number" },
};

/** Field paths of the use cases' inputs (and the pages' own form fields) and how a person calls them. */
const FIELDS: FieldLabels = {
  countyCode: { zh: "所在区县", en: "county" },
  typeCode: { zh: "要素类型", en: "factor type" },
  "holder.kind": { zh: "权利人类型", en: "holder type" },
  "holder.idNumber": { zh: "权利人证件号码", en: "holder's ID number" },
  "holder.name": { zh: "权利人姓名/名称", en: "holder's name" },
  title: { zh: "要素名称", en: "title" },
  location: { zh: "坐落位置", en: "location" },
  quantity: { zh: "数量", en: "quantity" },
  certificateNo: { zh: "权证编号", en: "certificate number" },
  siteRef: { zh: "海域宗海编号", en: "sea-area site" },
  evidence: { zh: "证明材料", en: "evidence" },
  factorId: { zh: "要素", en: "factor" },
  factorIds: { zh: "要素", en: "factors" },
  grounds: { zh: "异议理由", en: "grounds" },
  objectionId: { zh: "异议", en: "objection" },
  decision: { zh: "决定", en: "decision" },
  reason: { zh: "理由", en: "reason" },
  conditions: { zh: "成新状况", en: "condition" },
  monthlyRevenueFen: { zh: "月度经营收入", en: "monthly revenue" },
  monthlyRevenue: { zh: "月度经营收入", en: "monthly revenue" },
  revenueVerifiedBy: { zh: "收入核实单位", en: "revenue verified by" },
  productId: { zh: "信贷产品", en: "credit product" },
  collateral: { zh: "抵押物", en: "collateral" },
  amountFen: { zh: "金额", en: "amount" },
  amount: { zh: "金额", en: "amount" },
  termMonths: { zh: "期限（月）", en: "term (months)" },
  labourFactorIds: { zh: "劳动者素质要素", en: "labour-quality credentials" },
  rateBp: { zh: "年利率", en: "annual rate" },
  rate: { zh: "年利率", en: "annual rate" },
  securedFen: { zh: "担保金额", en: "secured amount" },
  securedAmount: { zh: "担保金额", en: "secured amount" },
  guarantorId: { zh: "担保机构", en: "guarantor" },
  insurerId: { zh: "保险机构", en: "insurer" },
  outstandingPrincipalFen: { zh: "未还本金", en: "outstanding principal" },
  outstandingPrincipal: { zh: "未还本金", en: "outstanding principal" },
  interestArrearsFen: { zh: "欠息", en: "interest arrears" },
  interestArrears: { zh: "欠息", en: "interest arrears" },
  overdueSince: { zh: "逾期起始日", en: "overdue since" },
  loanId: { zh: "贷款", en: "loan" },
  unitId: { zh: "抵押物", en: "collateral unit" },
  channel: { zh: "处置方式", en: "disposal channel" },
  reservePriceFen: { zh: "保留价", en: "reserve price" },
  reservePrice: { zh: "保留价", en: "reserve price" },
  costsFen: { zh: "处置费用", en: "disposal costs" },
  costs: { zh: "处置费用", en: "disposal costs" },
  auctionProceedsFen: { zh: "拍卖成交价", en: "auction proceeds" },
  auctionProceeds: { zh: "拍卖成交价", en: "auction proceeds" },
  auctionBuyer: { zh: "买受人", en: "auction buyer" },
  listingId: { zh: "挂牌", en: "listing" },
  kind: { zh: "流转方式", en: "transfer kind" },
  closesOn: { zh: "挂牌截止日", en: "closing day" },
  leaseFrom: { zh: "租期起始日", en: "lease from" },
  leaseTo: { zh: "租期结束日", en: "lease to" },
  "bidder.kind": { zh: "竞买人类型", en: "bidder type" },
  "bidder.idNumber": { zh: "竞买人证件号码", en: "bidder's ID number" },
  "bidder.name": { zh: "竞买人姓名/名称", en: "bidder's name" },
  bidder: { zh: "竞买人", en: "bidder" },
  consents: { zh: "抵押权人同意", en: "lien holders' consent" },
  offer: { zh: "收购报价", en: "buy-out offer" },
  applicationId: { zh: "抵押申请", en: "application" },
  disposalId: { zh: "处置", en: "disposal" },
  from: { zh: "开始日期", en: "from" },
  to: { zh: "结束日期", en: "to" },
  status: { zh: "状态", en: "status" },
};

export function ruleName(ruleId: string | undefined, lang: Lang): string | undefined {
  return ruleId ? RULES[ruleId]?.[lang] : undefined;
}

/** The factors pages' refusals (http/pages/page-problems.ts with this module's field names and words). */
export const { fieldLabel, pageProblem, localProblem, statusMessage } = pageProblems(FIELDS, commonText);
