import type { CreditDataCatalogue, CreditDataCategory, CreditDataDepartment, DataSubjectKind } from "../domain/credit-data.ts";

/**
 * 龙岩 public-credit data catalogue: the seed's "市场、税务、水务、燃气、'五险一金'、企业奖补(工信)、
 * 农业等17个部门、44大类" (notice 三(一)一). The seed names only some departments; the rest of the
 * list is this project's default reading of a prefecture's data-aggregation platform, and a
 * region's pack may replace it. UnionPay's acquiring flow (小店经济, notice 三(一)二) is a market
 * source, listed separately so that the government figures stay 17 / 44.
 */

const BOTH: readonly DataSubjectKind[] = ["person", "organisation"];
const ORG: readonly DataSubjectKind[] = ["organisation"];

function dept(code: string, zh: string, en: string, kind: "government" | "market" = "government"): CreditDataDepartment {
  return { code, name: { zh, en }, kind };
}

function cat(
  department: string,
  code: string,
  zh: string,
  en: string,
  description: string,
  subjects: readonly DataSubjectKind[],
  personal: boolean,
): CreditDataCategory {
  return { code, department, name: { zh, en }, description, subjects: [...subjects], personal };
}

const departments: CreditDataDepartment[] = [
  dept("samr", "市市场监督管理局", "Market Supervision Administration"),
  dept("tax", "国家税务总局龙岩市税务局", "Taxation Bureau"),
  dept("hrss", "市人力资源和社会保障局", "Human Resources and Social Security Bureau"),
  dept("housing-fund", "龙岩市住房公积金中心", "Housing Provident Fund Centre"),
  dept("medical-security", "市医疗保障局", "Healthcare Security Bureau"),
  dept("water", "龙岩市水务集团", "Water supply"),
  dept("gas", "龙岩市燃气公司", "Gas supply"),
  dept("power", "国网龙岩供电公司", "Electricity supply"),
  dept("industry", "市工业和信息化局", "Industry and Information Technology Bureau"),
  dept("agriculture", "市农业农村局", "Agriculture and Rural Affairs Bureau"),
  dept("natural-resources", "市自然资源局(不动产登记中心)", "Natural Resources Bureau (real-estate registry)"),
  dept("pboc", "中国人民银行龙岩市中心支行", "People's Bank of China, Longyan branch"),
  dept("ecology", "市生态环境局", "Ecology and Environment Bureau"),
  dept("science", "市科学技术局", "Science and Technology Bureau"),
  dept("fx", "国家外汇管理局龙岩市中心支局", "State Administration of Foreign Exchange, Longyan"),
  dept("court", "龙岩市中级人民法院", "Longyan Intermediate People's Court"),
  dept("credit", "市发展和改革委员会(信用龙岩)", "Development and Reform Commission (Credit Longyan)"),
  dept("unionpay", "中国银联福建分公司", "China UnionPay, Fujian branch", "market"),
];

const categories: CreditDataCategory[] = [
  cat("samr", "market.registration", "登记注册信息", "Business registration", "name, type, legal representative, registered capital, founding date, status", ORG, false),
  cat("samr", "market.annual-report", "企业年报", "Annual reports", "annual report filings: assets, revenue, employees", ORG, false),
  cat("samr", "market.abnormal-list", "经营异常名录", "Abnormal-operation list", "listings on and removals from the abnormal-operation list", ORG, false),
  cat("samr", "market.penalty", "市场监管行政处罚", "Market-supervision penalties", "administrative penalties: date, cause, amount", ORG, false),
  cat("samr", "market.equity-pledge", "股权出质登记", "Equity pledges", "registered pledges of equity: pledgee, amount, status", ORG, false),
  cat("tax", "tax.credit-grade", "纳税信用等级", "Tax credit grade", "annual tax credit grade A/B/M/C/D", ORG, false),
  cat("tax", "tax.paid", "纳税金额", "Tax paid", "tax paid per month and tax type", ORG, false),
  cat("tax", "tax.invoiced-sales", "开票销售收入", "Invoiced sales", "monthly invoiced sales amounts", ORG, false),
  cat("tax", "tax.arrears", "欠税信息", "Tax arrears", "outstanding tax arrears and their dates", ORG, false),
  cat("hrss", "social.insurance-paid", "社会保险缴纳", "Social-insurance contributions", "monthly pension, unemployment and injury contributions and arrears", BOTH, true),
  cat("hrss", "social.insured-headcount", "参保职工人数", "Insured employees", "number of employees insured per month", ORG, false),
  cat("hrss", "social.startup-support", "创业补贴与创业担保贷款", "Start-up support", "start-up subsidies and start-up guaranteed loans received", BOTH, true),
  cat("housing-fund", "fund.contributions", "住房公积金缴存", "Housing-fund contributions", "monthly housing-fund contributions", BOTH, true),
  cat("housing-fund", "fund.arrears", "住房公积金欠缴", "Housing-fund arrears", "employer arrears of housing-fund contributions", ORG, false),
  cat("medical-security", "medical.insurance-paid", "医疗保险缴纳", "Medical-insurance contributions", "monthly medical-insurance contributions", BOTH, true),
  cat("medical-security", "medical.insured-headcount", "医保参保人数", "Medical-insurance headcount", "number of employees with medical insurance", ORG, false),
  cat("water", "water.usage", "用水量", "Water use", "monthly water use (m³)", BOTH, true),
  cat("water", "water.payment", "水费缴纳", "Water bills", "monthly water bills and payment delays", BOTH, true),
  cat("gas", "gas.usage", "用气量", "Gas use", "monthly gas use (m³)", BOTH, true),
  cat("gas", "gas.payment", "燃气费缴纳", "Gas bills", "monthly gas bills and payment delays", BOTH, true),
  cat("power", "power.usage", "用电量", "Electricity use", "monthly electricity use (kWh)", BOTH, true),
  cat("power", "power.payment", "电费缴纳", "Electricity bills", "monthly electricity bills and payment delays", BOTH, true),
  cat("industry", "industry.subsidies", "企业奖补", "Enterprise awards and subsidies", "awards and subsidies granted by the industry bureau", ORG, false),
  cat("industry", "industry.recognition", "专精特新等认定", "Specialised-and-innovative recognition", "专精特新, 小巨人 and similar recognitions", ORG, false),
  cat("industry", "industry.above-scale", "规模以上工业企业", "Above-designated-size status", "whether and since when the firm is 规上", ORG, false),
  cat("agriculture", "agri.new-entity", "新型农业经营主体", "New agricultural entities", "family farm and cooperative registrations and ratings", ORG, false),
  cat("agriculture", "agri.subsidies", "农业补贴", "Agricultural subsidies", "planting, stock-raising and other agricultural subsidies", BOTH, true),
  cat("agriculture", "agri.land-contract", "土地承包经营权", "Land contract rights", "confirmed contracted land: area, term", BOTH, true),
  cat("agriculture", "agri.machinery-subsidy", "农机购置补贴", "Machinery purchase subsidies", "subsidised machine purchases: category, price, subsidy, dates", BOTH, true),
  cat("agriculture", "agri.livestock", "畜禽养殖备案", "Livestock farm filings", "filed livestock and poultry farms: scale, species", BOTH, true),
  cat("natural-resources", "estate.registration", "不动产登记", "Real-estate registration", "registered real estate: location, area, use, rights holder", BOTH, true),
  cat("natural-resources", "estate.mortgage", "不动产抵押登记", "Real-estate mortgages", "registered mortgages on real estate: mortgagee, amount, term", BOTH, true),
  cat("natural-resources", "estate.forest-right", "林权登记", "Forest rights", "registered forest rights: area, species, term", BOTH, true),
  cat("pboc", "finance.loan-records", "信贷记录", "Loan records", "loans held or repaid, one record per loan (used to find 首贷户)", BOTH, true),
  cat("ecology", "ecology.credit-rating", "环境信用评价", "Environmental credit rating", "annual environmental credit rating and penalties", ORG, false),
  cat("science", "science.tech-enterprise", "科技企业认定", "Technology-enterprise recognition", "高新技术企业 and 科技型中小企业 recognitions", ORG, false),
  cat("fx", "fx.cross-border", "跨境收支", "Cross-border receipts and payments", "monthly foreign-exchange receipts and payments", ORG, false),
  cat("fx", "fx.trade-class", "货物贸易外汇管理分类", "Goods-trade FX class", "A/B/C classification in goods-trade FX management", ORG, false),
  cat("court", "court.judgments", "裁判文书", "Court judgments", "civil and commercial judgments naming the subject", BOTH, true),
  cat("court", "court.enforcement", "被执行人信息", "Enforcement cases", "open enforcement cases against the subject", BOTH, true),
  cat("court", "court.dishonest", "失信被执行人", "Dishonest judgment debtors", "listing as a dishonest judgment debtor", BOTH, true),
  cat("credit", "credit.commitments", "信用承诺", "Credit commitments", "credit commitments made and kept", BOTH, true),
  cat("credit", "credit.honours", "守信激励名单", "Good-credit lists", "listings for good credit (红名单)", BOTH, true),
  cat("credit", "credit.serious-dishonesty", "严重失信主体名单", "Serious dishonesty lists", "listings as a seriously dishonest subject", BOTH, true),
  cat("unionpay", "unionpay.acquiring-flow", "银联收单流水", "UnionPay acquiring flow", "monthly card and QR acquiring turnover of an individual business (小店经济)", ORG, true),
];

export const longyanCreditDataCatalogue: CreditDataCatalogue = { departments, categories };
