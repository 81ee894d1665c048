import type { Institution } from "../../../core/marketplace/mod.ts";
import { demoInstitutions } from "./demo-institutions.ts";
import { organisationCode, syntheticUscc } from "./synthetic-identities.ts";

/**
 * The rest of 龙岩's platform at the seed's scale — 33 banks, 13 government guarantors and 2
 * insurers (notice 三(一)) — added to the demo institutions. Names are those of the kinds of
 * institutions a prefecture has (national and joint-stock banks' branches, city and rural
 * commercial banks, county guarantors); ids and USCCs are synthetic.
 */
const REGION = "350800";
const AT = new Date("2021-06-01T00:00:00Z");

// id | 中文名称 | English name
const BANKS = `
adbc | 中国农业发展银行龙岩市分行 | ADBC Longyan
bocom | 交通银行龙岩分行 | Bank of Communications Longyan
cmb | 招商银行龙岩分行 | China Merchants Bank Longyan
citic | 中信银行龙岩分行 | China CITIC Bank Longyan
ceb | 中国光大银行龙岩分行 | China Everbright Bank Longyan
cmbc | 中国民生银行龙岩分行 | China Minsheng Bank Longyan
hxb | 华夏银行龙岩分行 | Hua Xia Bank Longyan
pab | 平安银行龙岩分行 | Ping An Bank Longyan
spdb | 浦发银行龙岩分行 | SPD Bank Longyan
cgb | 广发银行龙岩分行 | China Guangfa Bank Longyan
czb | 浙商银行龙岩分行 | China Zheshang Bank Longyan
cbhb | 渤海银行龙岩分行 | China Bohai Bank Longyan
xmbank | 厦门银行龙岩分行 | Bank of Xiamen Longyan
qzbank | 泉州银行龙岩分行 | Bank of Quanzhou Longyan
xmib | 厦门国际银行龙岩分行 | Xiamen International Bank Longyan
ydrcb | 福建永定农村商业银行 | Yongding Rural Commercial Bank
ctrcb | 福建长汀农村商业银行 | Changting Rural Commercial Bank
shrcb | 福建上杭农村商业银行 | Shanghang Rural Commercial Bank
wprcb | 福建武平农村商业银行 | Wuping Rural Commercial Bank
lcrcb | 福建连城农村商业银行 | Liancheng Rural Commercial Bank
zprcb | 福建漳平农村商业银行 | Zhangping Rural Commercial Bank
xlvb | 新罗村镇银行 | Xinluo Village Bank
ctvb | 长汀村镇银行 | Changting Village Bank
shvb | 上杭村镇银行 | Shanghang Village Bank
wpvb | 武平村镇银行 | Wuping Village Bank
`;

const GUARANTORS = `
xlguar | 龙岩市新罗区融资担保有限公司 | Xinluo Financing Guarantee
ydguar | 龙岩市永定区融资担保有限公司 | Yongding Financing Guarantee
ctguar | 长汀县融资担保有限公司 | Changting Financing Guarantee
shguar | 上杭县融资担保有限公司 | Shanghang Financing Guarantee
wpguar | 武平县融资担保有限公司 | Wuping Financing Guarantee
lcguar | 连城县融资担保有限公司 | Liancheng Financing Guarantee
zpguar | 漳平市融资担保有限公司 | Zhangping Financing Guarantee
smeguar | 龙岩市中小企业融资担保有限公司 | Longyan SME Financing Guarantee
fjguar | 福建省融资担保有限责任公司龙岩分公司 | Fujian Financing Guarantee, Longyan
cfguar | 龙岩市城发融资担保有限公司 | Longyan Urban Development Guarantee
indguar | 龙岩市工业融资担保有限公司 | Longyan Industrial Financing Guarantee
`;

function rows(table: string): [string, string, string][] {
  return table
    .trim()
    .split("\n")
    .map((line) => line.split("|").map((c) => c.trim()) as [string, string, string]);
}

function institution(n: number, [key, zh, en]: [string, string, string], kind: Institution["kind"]): Institution {
  const id = `inst_${key}`;
  return {
    id,
    regionCode: REGION,
    name: { zh, en },
    kind,
    uscc: syntheticUscc(`91${REGION}${organisationCode(7_200_000 + n)}`),
    branches: [{ id: `${id}_main`, name: { zh: `${zh}营业部`, en: `${en}, main office` }, regionCode: "350802" }],
    status: "ACTIVE",
    registeredAt: AT,
  };
}

export const seedScaleInstitutions: readonly Institution[] = [
  ...demoInstitutions,
  ...rows(BANKS).map((r, i) => institution(i, r, "bank")),
  ...rows(GUARANTORS).map((r, i) => institution(100 + i, r, "guarantor")),
];

/** Banks connected directly at the seed's scale (the notice: 10 banks directly connected). */
export const directBanks: readonly string[] = [
  "inst_abc",
  "inst_ccb",
  "inst_lyrcb",
  "inst_icbc",
  "inst_bocom",
  "inst_cmb",
  "inst_xmbank",
  "inst_ydrcb",
  "inst_shrcb",
  "inst_pab",
];
