import { identityError } from "./identity-error.ts";
import { provinceOfPrefix } from "./province-codes.ts";

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V): registration-authority code (1), category
 * code (1), the registering authority's GB/T 2260 region code (6), the entity identifier (9,
 * GB 11714) and a check character: weights 3^i mod 31, C18 = 31 − (Σ mod 31), 31 → 0.
 */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Value of each alphabet character by char code, −1 for characters outside it. */
const VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_ALPHABET.length; i++) t[USCC_ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/**
 * Registration authorities (登记管理部门) and the category codes each assigns where they are
 * fixed by the standard: 1 机构编制, 5 民政, 9 市场监管 (工商); the other authorities (2 外交,
 * 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业农村, Y 其他)
 * are accepted with any category character.
 */
export const USCC_AUTHORITIES: Readonly<Record<string, { zh: string; en: string; categories?: string }>> = {
  "1": { zh: "机构编制", en: "establishment administration", categories: "1239" },
  "2": { zh: "外交", en: "foreign affairs" },
  "3": { zh: "司法行政", en: "justice administration" },
  "4": { zh: "文化", en: "culture" },
  "5": { zh: "民政", en: "civil affairs", categories: "1239" },
  "6": { zh: "旅游", en: "tourism" },
  "7": { zh: "宗教", en: "religious affairs" },
  "8": { zh: "工会", en: "trade unions" },
  "9": { zh: "市场监管（工商）", en: "market regulation", categories: "123" },
  A: { zh: "中央军委改革和编制办公室", en: "military establishment office" },
  N: { zh: "农业农村", en: "agriculture and rural affairs" },
  Y: { zh: "其他", en: "other" },
};

/** Categories under authority 9 (market regulation). */
export const USCC_MARKET_CATEGORIES: Readonly<Record<string, { zh: string; en: string }>> = {
  "1": { zh: "企业", en: "enterprise" },
  "2": { zh: "个体工商户", en: "individual business" },
  "3": { zh: "农民专业合作社", en: "farmers' cooperative" },
};

/** The check character of the first 17 characters, or undefined if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length < 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i);
    const val = c < 128 ? (VALUE[c] as number) : -1;
    if (val < 0) return undefined;
    sum += val * (WEIGHTS[i] as number);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Validates a unified social credit code and returns it normalised (trimmed, upper-case). Throws a
 * KRN-ID DomainError naming `field` (reason format, category, region or check_digit).
 */
export function validateUscc(value: string, field = "uscc"): string {
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (code.length !== 18)
    throw identityError(`${field} must be an 18-character unified social credit code`, field, "format");
  const check = usccCheckChar(code);
  const last = code.charCodeAt(17);
  if (check === undefined || last >= 128 || (VALUE[last] as number) < 0) {
    throw identityError(`${field} may only use digits and capitals other than I, O, Z, S, V`, field, "format");
  }
  const authority = USCC_AUTHORITIES[code[0] as string];
  if (!authority) throw identityError(`${field} names no known registration authority`, field, "category");
  if (authority.categories && !authority.categories.includes(code[1] as string)) {
    throw identityError(`${field} has a category code its registration authority does not use`, field, "category");
  }
  const region = code.slice(2, 8);
  const province = provinceOfPrefix(region.slice(0, 2));
  if (!isDigits(code, 2, 8) || !(region === "100000" || (province && !province.permitOnly))) {
    throw identityError(`${field} does not hold a GB/T 2260 region code in characters 3–8`, field, "region");
  }
  if (code[17] !== check) throw identityError(`${field} fails its check character (GB 32100)`, field, "check_digit");
  return code;
}

/** True when `value` is a valid unified social credit code. */
export function isValidUscc(value: string): boolean {
  try {
    validateUscc(value);
    return true;
  } catch {
    return false;
  }
}

/** The parts of a valid, normalised USCC. */
export function usccParts(code: string): {
  registrationAuthority: string;
  category: string;
  regionCode: string;
  entityId: string;
} {
  return {
    registrationAuthority: code.slice(0, 1),
    category: code.slice(1, 2),
    regionCode: code.slice(2, 8),
    entityId: code.slice(8, 17),
  };
}
