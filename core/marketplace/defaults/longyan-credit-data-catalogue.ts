import type {
  CreditDataCatalogue,
  CreditDataCategory,
  CreditDataDepartment,
  DataSubjectKind,
} from "../domain/credit-data.ts";

/**
 * 龙岩 public-credit data catalogue: the seed's "市场、税务、水务、燃气、'五险一金'、企业奖补(工信)、
 * 农业等17个部门、44大类" (notice 三(一)一). The seed names only some departments; the rest of the
 * list is this project's default reading of a prefecture's data-aggregation platform, and a
 * region's pack may replace it. UnionPay's acquiring flow (小店经济, notice 三(一)二) is a market
 * source, listed separately so that the government figures stay 17 / 44.
 *
 * The tables below read one line per entry, columns separated by "|".
 */

// code | kind | 中文名称 | English name
const DEPARTMENTS = `
samr | government | 市市场监督管理局 | Market Supervision Administration
tax | government | 国家税务总局龙岩市税务局 | Taxation Bureau
hrss | government | 市人力资源和社会保障局 | Human Resources and Social Security Bureau
housing-fund | government | 龙岩市住房公积金中心 | Housing Provident Fund Centre
medical-security | government | 市医疗保障局 | Healthcare Security Bureau
water | government | 龙岩市水务集团 | Water supply
gas | government | 龙岩市燃气公司 | Gas supply
power | government | 国网龙岩供电公司 | Electricity supply
industry | government | 市工业和信息化局 | Industry and Information Technology Bureau
agriculture | government | 市农业农村局 | Agriculture and Rural Affairs Bureau
natural-resources | government | 市自然资源局(不动产登记中心) | Natural Resources Bureau (real-estate registry)
pboc | government | 中国人民银行龙岩市中心支行 | People's Bank of China, Longyan branch
ecology | government | 市生态环境局 | Ecology and Environment Bureau
science | government | 市科学技术局 | Science and Technology Bureau
fx | government | 国家外汇管理局龙岩市中心支局 | State Administration of Foreign Exchange, Longyan
court | government | 龙岩市中级人民法院 | Longyan Intermediate People's Court
credit | government | 市发展和改革委员会(信用龙岩) | Development and Reform Commission (Credit Longyan)
unionpay | market | 中国银联福建分公司 | China UnionPay, Fujian branch
`;

// department | category | 中文名称 | English name | subjects | C2 personal data? | what it holds
const CATEGORIES = `
samr | market.registration | 登记注册信息 | Business registration | organisation | - | name, type, legal representative, registered capital, founding date, status
samr | market.annual-report | 企业年报 | Annual reports | organisation | - | annual report filings: assets, revenue, employees
samr | market.abnormal-list | 经营异常名录 | Abnormal-operation list | organisation | - | listings on and removals from the abnormal-operation list
samr | market.penalty | 市场监管行政处罚 | Market-supervision penalties | organisation | - | administrative penalties: date, cause, amount
samr | market.equity-pledge | 股权出质登记 | Equity pledges | organisation | - | registered pledges of equity: pledgee, amount, status
tax | tax.credit-grade | 纳税信用等级 | Tax credit grade | organisation | - | annual tax credit grade A/B/M/C/D
tax | tax.paid | 纳税金额 | Tax paid | organisation | - | tax paid per month and tax type
tax | tax.invoiced-sales | 开票销售收入 | Invoiced sales | organisation | - | monthly invoiced sales amounts
tax | tax.arrears | 欠税信息 | Tax arrears | organisation | - | outstanding tax arrears and their dates
hrss | social.insurance-paid | 社会保险缴纳 | Social-insurance contributions | person+organisation | C2 | monthly pension, unemployment and injury contributions and arrears
hrss | social.insured-headcount | 参保职工人数 | Insured employees | organisation | - | number of employees insured per month
hrss | social.startup-support | 创业补贴与创业担保贷款 | Start-up support | person+organisation | C2 | start-up subsidies and start-up guaranteed loans received
housing-fund | fund.contributions | 住房公积金缴存 | Housing-fund contributions | person+organisation | C2 | monthly housing-fund contributions
housing-fund | fund.arrears | 住房公积金欠缴 | Housing-fund arrears | organisation | - | employer arrears of housing-fund contributions
medical-security | medical.insurance-paid | 医疗保险缴纳 | Medical-insurance contributions | person+organisation | C2 | monthly medical-insurance contributions
medical-security | medical.insured-headcount | 医保参保人数 | Medical-insurance headcount | organisation | - | number of employees with medical insurance
water | water.usage | 用水量 | Water use | person+organisation | C2 | monthly water use (m³)
water | water.payment | 水费缴纳 | Water bills | person+organisation | C2 | monthly water bills and payment delays
gas | gas.usage | 用气量 | Gas use | person+organisation | C2 | monthly gas use (m³)
gas | gas.payment | 燃气费缴纳 | Gas bills | person+organisation | C2 | monthly gas bills and payment delays
power | power.usage | 用电量 | Electricity use | person+organisation | C2 | monthly electricity use (kWh)
power | power.payment | 电费缴纳 | Electricity bills | person+organisation | C2 | monthly electricity bills and payment delays
industry | industry.subsidies | 企业奖补 | Enterprise awards and subsidies | organisation | - | awards and subsidies granted by the industry bureau
industry | industry.recognition | 专精特新等认定 | Specialised-and-innovative recognition | organisation | - | 专精特新, 小巨人 and similar recognitions
industry | industry.above-scale | 规模以上工业企业 | Above-designated-size status | organisation | - | whether and since when the firm is 规上
agriculture | agri.new-entity | 新型农业经营主体 | New agricultural entities | organisation | - | family farm and cooperative registrations and ratings
agriculture | agri.subsidies | 农业补贴 | Agricultural subsidies | person+organisation | C2 | planting, stock-raising and other agricultural subsidies
agriculture | agri.land-contract | 土地承包经营权 | Land contract rights | person+organisation | C2 | confirmed contracted land: area, term
agriculture | agri.machinery-subsidy | 农机购置补贴 | Machinery purchase subsidies | person+organisation | C2 | subsidised machine purchases: category, price, subsidy, dates
agriculture | agri.livestock | 畜禽养殖备案 | Livestock farm filings | person+organisation | C2 | filed livestock and poultry farms: scale, species
natural-resources | estate.registration | 不动产登记 | Real-estate registration | person+organisation | C2 | registered real estate: location, area, use, rights holder
natural-resources | estate.mortgage | 不动产抵押登记 | Real-estate mortgages | person+organisation | C2 | registered mortgages on real estate: mortgagee, amount, term
natural-resources | estate.forest-right | 林权登记 | Forest rights | person+organisation | C2 | registered forest rights: area, species, term
pboc | finance.loan-records | 信贷记录 | Loan records | person+organisation | C2 | loans held or repaid, one record per loan (used to find 首贷户)
ecology | ecology.credit-rating | 环境信用评价 | Environmental credit rating | organisation | - | annual environmental credit rating and penalties
science | science.tech-enterprise | 科技企业认定 | Technology-enterprise recognition | organisation | - | 高新技术企业 and 科技型中小企业 recognitions
fx | fx.cross-border | 跨境收支 | Cross-border receipts and payments | organisation | - | monthly foreign-exchange receipts and payments
fx | fx.trade-class | 货物贸易外汇管理分类 | Goods-trade FX class | organisation | - | A/B/C classification in goods-trade FX management
court | court.judgments | 裁判文书 | Court judgments | person+organisation | C2 | civil and commercial judgments naming the subject
court | court.enforcement | 被执行人信息 | Enforcement cases | person+organisation | C2 | open enforcement cases against the subject
court | court.dishonest | 失信被执行人 | Dishonest judgment debtors | person+organisation | C2 | listing as a dishonest judgment debtor
credit | credit.commitments | 信用承诺 | Credit commitments | person+organisation | C2 | credit commitments made and kept
credit | credit.honours | 守信激励名单 | Good-credit lists | person+organisation | C2 | listings for good credit (红名单)
credit | credit.serious-dishonesty | 严重失信主体名单 | Serious dishonesty lists | person+organisation | C2 | listings as a seriously dishonest subject
unionpay | unionpay.acquiring-flow | 银联收单流水 | UnionPay acquiring flow | organisation | C2 | monthly card and QR acquiring turnover of an individual business (小店经济)
`;

function rows(table: string): string[][] {
  return table
    .trim()
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()));
}

const departments: CreditDataDepartment[] = rows(DEPARTMENTS).map(([code, kind, zh, en]) => ({
  code: code as string,
  kind: kind === "market" ? "market" : "government",
  name: { zh: zh as string, en: en as string },
}));

const categories: CreditDataCategory[] = rows(CATEGORIES).map(
  ([department, code, zh, en, subjects, c2, description]) => ({
    code: code as string,
    department: department as string,
    name: { zh: zh as string, en: en as string },
    description: description as string,
    subjects: (subjects as string).split("+") as DataSubjectKind[],
    personal: c2 === "C2",
  }),
);

export const longyanCreditDataCatalogue: CreditDataCatalogue = { departments, categories };
