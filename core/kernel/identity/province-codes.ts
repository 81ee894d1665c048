/**
 * GB/T 2260 province-level divisions (the first two digits of a region code, of a resident ID
 * and of a USCC's region part). 81 Hong Kong, 82 Macao and 83 (the prefix of residence permits
 * for Taiwan residents) appear on residence-permit numbers, which follow GB 11643.
 */
export interface ProvinceCode {
  readonly prefix: string;
  readonly zh: string;
  readonly en: string;
  /** Only a resident-ID (residence permit) prefix, not a GB/T 2260 division. */
  readonly permitOnly?: true;
}

export const PROVINCE_CODES: readonly ProvinceCode[] = [
  { prefix: "11", zh: "北京市", en: "Beijing" },
  { prefix: "12", zh: "天津市", en: "Tianjin" },
  { prefix: "13", zh: "河北省", en: "Hebei" },
  { prefix: "14", zh: "山西省", en: "Shanxi" },
  { prefix: "15", zh: "内蒙古自治区", en: "Inner Mongolia" },
  { prefix: "21", zh: "辽宁省", en: "Liaoning" },
  { prefix: "22", zh: "吉林省", en: "Jilin" },
  { prefix: "23", zh: "黑龙江省", en: "Heilongjiang" },
  { prefix: "31", zh: "上海市", en: "Shanghai" },
  { prefix: "32", zh: "江苏省", en: "Jiangsu" },
  { prefix: "33", zh: "浙江省", en: "Zhejiang" },
  { prefix: "34", zh: "安徽省", en: "Anhui" },
  { prefix: "35", zh: "福建省", en: "Fujian" },
  { prefix: "36", zh: "江西省", en: "Jiangxi" },
  { prefix: "37", zh: "山东省", en: "Shandong" },
  { prefix: "41", zh: "河南省", en: "Henan" },
  { prefix: "42", zh: "湖北省", en: "Hubei" },
  { prefix: "43", zh: "湖南省", en: "Hunan" },
  { prefix: "44", zh: "广东省", en: "Guangdong" },
  { prefix: "45", zh: "广西壮族自治区", en: "Guangxi" },
  { prefix: "46", zh: "海南省", en: "Hainan" },
  { prefix: "50", zh: "重庆市", en: "Chongqing" },
  { prefix: "51", zh: "四川省", en: "Sichuan" },
  { prefix: "52", zh: "贵州省", en: "Guizhou" },
  { prefix: "53", zh: "云南省", en: "Yunnan" },
  { prefix: "54", zh: "西藏自治区", en: "Tibet" },
  { prefix: "61", zh: "陕西省", en: "Shaanxi" },
  { prefix: "62", zh: "甘肃省", en: "Gansu" },
  { prefix: "63", zh: "青海省", en: "Qinghai" },
  { prefix: "64", zh: "宁夏回族自治区", en: "Ningxia" },
  { prefix: "65", zh: "新疆维吾尔自治区", en: "Xinjiang" },
  { prefix: "71", zh: "台湾省", en: "Taiwan" },
  { prefix: "81", zh: "香港特别行政区", en: "Hong Kong" },
  { prefix: "82", zh: "澳门特别行政区", en: "Macao" },
  { prefix: "83", zh: "台湾居民居住证", en: "Taiwan residents (residence permit)", permitOnly: true },
];

const BY_PREFIX: ReadonlyMap<string, ProvinceCode> = new Map(PROVINCE_CODES.map((p) => [p.prefix, p]));

/** The province-level division a two-digit prefix names, if any. */
export function provinceOfPrefix(prefix: string): ProvinceCode | undefined {
  return BY_PREFIX.get(prefix);
}

/** Is the two-digit prefix (at `offset` in `text`) a known province-level code? */
export function isKnownProvincePrefix(text: string, offset = 0): boolean {
  return BY_PREFIX.has(text.slice(offset, offset + 2));
}
