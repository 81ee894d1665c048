import type { DataNeed } from "../../../core/marketplace/mod.ts";

/**
 * The data categories demo products ask for, each with the purpose shown on the consent screen
 * (MKT-R02). `req(…)` makes a need required, `opt(…)` optional.
 */
const purposes: Readonly<Record<string, string>> = {
  "market.registration": "登记注册信息，核实经营主体 / business registration, to verify the applicant",
  "market.abnormal-list": "经营异常名录，风险排查 / abnormal-operation list, for risk screening",
  "tax.credit-grade": "纳税信用等级，评定信用等级 / tax credit grade, for the credit rating",
  "tax.paid": "纳税金额，测算经营规模 / tax paid, to size the business",
  "tax.invoiced-sales": "开票销售收入，测算还款能力 / invoiced sales, for repayment capacity",
  "social.insurance-paid": "社保缴纳，判断经营稳定性 / social insurance, for stability",
  "social.insured-headcount": "参保人数，判断用工规模 / insured employees, for the size of the workforce",
  "social.startup-support": "创业补贴记录，认定创业主体 / start-up support, to confirm a start-up",
  "fund.contributions": "公积金缴存，判断收入稳定性 / housing fund, for income stability",
  "power.payment": "电费缴纳，判断生产经营状况 / electricity bills, for business activity",
  "water.payment": "水费缴纳，判断经营状况 / water bills, for business activity",
  "industry.subsidies": "企业奖补，判断政策支持 / enterprise subsidies, for policy support",
  "industry.recognition": "专精特新等认定，认定科技型企业 / specialised-and-innovative recognition, for eligibility",
  "agri.new-entity": "新型农业经营主体，认定客户类别 / new agricultural entity, for the segment",
  "agri.subsidies": "农业补贴，判断种养规模 / farm subsidies, for the farm's scale",
  "agri.land-contract": "土地承包经营权，评估经营规模 / land contract rights, to size the farm",
  "agri.machinery-subsidy": "农机购置补贴，核实农机资产 / machinery subsidies, to confirm machines",
  "estate.registration": "不动产登记，核实抵押物 / real-estate title, to verify the collateral",
  "estate.mortgage": "已有抵押登记，核实抵押顺位 / existing mortgages, for the lien order",
  "estate.forest-right": "林权登记，评估林地面积与期限 / forest rights, to value the forest",
  "finance.loan-records": "信贷记录，核实负债 / loan records, to confirm debts",
  "fx.cross-border": "跨境收支，测算外贸规模 / cross-border receipts, for the trade volume",
  "fx.trade-class": "外汇管理分类，准入判断 / goods-trade FX class, for eligibility",
  "court.enforcement": "被执行人信息，风险排查 / enforcement cases, for risk screening",
  "court.dishonest": "失信被执行人，准入排除 / dishonest-debtor list, for exclusion",
  "credit.serious-dishonesty": "严重失信主体名单，准入排除 / serious-dishonesty list, for exclusion",
  "credit.honours": "守信激励名单，给予优惠 / good-credit lists, for better terms",
  "unionpay.acquiring-flow": "银联收单流水，测算小店经营流水 / UnionPay acquiring flow, for the shop's turnover",
};

function need(category: string, required: boolean): DataNeed {
  const purpose = purposes[category];
  if (purpose === undefined) throw new RangeError(`no demo purpose for category ${category}`);
  return { category, purpose, required };
}

export const req = (category: string): DataNeed => need(category, true);
export const opt = (category: string): DataNeed => need(category, false);
