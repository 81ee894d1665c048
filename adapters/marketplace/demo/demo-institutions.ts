import type { Branch, Institution } from "../../../core/marketplace/mod.ts";
import { organisationCode, syntheticUscc } from "./synthetic-identities.ts";

/**
 * 龙岩 demo institutions: eight banks, the two government guarantors and two insurers of the
 * pilot zone, each with branches in its counties. Ids are fixed (the seed finds them again);
 * USCCs are synthetic with valid check characters.
 */
export const DEMO_REGION = "350800";
const REGISTERED = new Date("2021-06-01T00:00:00Z");

const COUNTIES: readonly (readonly [string, string, string])[] = [
  ["xinluo", "350802", "新罗"],
  ["yongding", "350803", "永定"],
  ["changting", "350821", "长汀"],
  ["shanghang", "350823", "上杭"],
  ["wuping", "350824", "武平"],
  ["liancheng", "350825", "连城"],
  ["zhangping", "350881", "漳平"],
];

function branches(id: string, zh: string, en: string, count: number): Branch[] {
  return COUNTIES.slice(0, count).map(([key, code, county]) => ({
    id: `${id}_${key}`,
    name: { zh: `${zh}${county}支行`, en: `${en}, ${key[0]?.toUpperCase()}${key.slice(1)}` },
    regionCode: code,
  }));
}

function inst(n: number, id: string, zh: string, en: string, kind: Institution["kind"], branchCount = 3): Institution {
  return {
    id,
    regionCode: DEMO_REGION,
    name: { zh, en },
    kind,
    uscc: syntheticUscc(`91${DEMO_REGION}${organisationCode(7_100_000 + n)}`),
    branches: branches(id, zh.replace(/分行$|分公司$|中心支公司$/, ""), en, branchCount),
    status: "ACTIVE",
    registeredAt: REGISTERED,
  };
}

export const demoInstitutions: readonly Institution[] = [
  inst(1, "inst_abc", "中国农业银行龙岩分行", "ABC Longyan", "bank", 7),
  inst(2, "inst_ccb", "中国建设银行龙岩分行", "CCB Longyan", "bank", 7),
  inst(3, "inst_cib", "兴业银行龙岩分行", "CIB Longyan", "bank", 4),
  inst(4, "inst_lyrcb", "福建龙岩农村商业银行", "Longyan Rural Commercial Bank", "bank", 7),
  inst(5, "inst_icbc", "中国工商银行龙岩分行", "ICBC Longyan", "bank", 5),
  inst(6, "inst_boc", "中国银行龙岩分行", "Bank of China Longyan", "bank", 4),
  inst(7, "inst_psbc", "中国邮政储蓄银行龙岩市分行", "PSBC Longyan", "bank", 7),
  inst(8, "inst_fjhxb", "福建海峡银行龙岩分行", "Fujian Haixia Bank Longyan", "bank", 2),
  inst(9, "inst_lyguar", "龙岩市融资担保有限责任公司", "Longyan Financing Guarantee", "guarantor", 1),
  inst(10, "inst_lyagri", "龙岩市农业融资担保有限公司", "Longyan Agricultural Guarantee", "guarantor", 1),
  inst(11, "inst_picc", "中国人民财产保险龙岩市分公司", "PICC P&C Longyan", "insurer", 2),
  inst(12, "inst_cpic", "中国太平洋财产保险龙岩中心支公司", "CPIC P&C Longyan", "insurer", 1),
];
