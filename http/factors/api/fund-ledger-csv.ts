import type { CreditProduct, FactorsPolicy, FundLedger } from "../../../core/factors/mod.ts";
import { formatYuan } from "../../../core/kernel/mod.ts";
import { institutionName } from "../pages/format.ts";

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  // A BOM so that Excel (what a county finance bureau opens it with) reads the UTF-8 Chinese.
  return `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

const countyName = (policy: FactorsPolicy, code: string) => policy.counties[code]?.name.zh ?? code;

/**
 * FAC-R09 the fund's claims of the year as a CSV for the county finance bureau (风险补偿资金代偿
 * 申请台账): one line per claim, amounts in yuan with two decimals (exact, from fen), names in Chinese.
 */
export function fundClaimsCsv(ledger: FundLedger, policy: FactorsPolicy, products: readonly CreditProduct[]): string {
  const productName = new Map(products.map((p) => [p.id, p.name.zh]));
  const inst = (id: string | null) => institutionName(id, policy, "zh", ledger.capsAsOf);
  return csv([
    [
      "年度",
      "县（市、区）代码",
      "县（市、区）",
      "损失分担编号",
      "贷款编号",
      "贷款银行",
      "信贷产品",
      "担保机构",
      "保险机构",
      "贷款本金（元）",
      "放款日期",
      "损失金额（元）",
      "风险补偿资金承担（元）",
      "分担日期",
    ],
    ...ledger.claims.map((c) => [
      String(ledger.year),
      c.countyCode,
      countyName(policy, c.countyCode),
      c.allocationId,
      c.loanId,
      inst(c.bankId),
      productName.get(c.productId) ?? c.productId,
      inst(c.guarantorId),
      inst(c.insurerId),
      formatYuan(c.principal),
      c.startedOn,
      formatYuan(c.loss),
      formatYuan(c.fundPart),
      c.allocatedOn,
    ]),
  ]);
}

/** FAC-R09 each county fund's annual cap, what it has taken and what is left, as a CSV. */
export function fundCountiesCsv(ledger: FundLedger, policy: FactorsPolicy): string {
  return csv([
    [
      "年度",
      "县（市、区）代码",
      "县（市、区）",
      "年度上限（元）",
      "已承担（元）",
      "剩余额度（元）",
      "代偿笔数",
      "上限取值日期",
    ],
    ...ledger.counties.map((c) => [
      String(ledger.year),
      c.countyCode,
      countyName(policy, c.countyCode),
      c.annualCap === null ? "未设上限" : formatYuan(c.annualCap),
      formatYuan(c.used),
      c.remaining === null ? "—" : formatYuan(c.remaining),
      String(c.claims),
      ledger.capsAsOf,
    ]),
  ]);
}
