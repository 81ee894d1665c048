import { epochDay, tryEpochDay } from "../business-date.ts";
import { identityError } from "./identity-error.ts";
import { isKnownProvincePrefix } from "./province-codes.ts";

/**
 * Resident ID number (居民身份证号, GB 11643-1999): 6-digit address code (GB/T 2260), 8-digit
 * birth date YYYYMMDD, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character
 * (0–9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
/** Birth dates before this are refused as implausible for a living person's ID. */
const EARLIEST_BIRTH = "1900-01-01";
const EARLIEST_BIRTH_DAY = tryEpochDay(EARLIEST_BIRTH) as number;

export interface ResidentIdOptions {
  /** The business date the ID is checked on; a birth date after it is refused. */
  readonly asOf: string;
  /** The input field named in the error. */
  readonly field?: string;
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits, or undefined if they are not digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (first17.length < 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    sum += d * (WEIGHTS[i] as number);
  }
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates a resident ID number and returns it normalised (trimmed, a lower-case x upper-cased).
 * Throws a KRN-ID DomainError naming `field` (reason format, region, birth_date or check_digit).
 */
export function validateResidentId(value: string, options: ResidentIdOptions): string {
  const field = options.field ?? "residentId";
  const asOfDay = epochDay(options.asOf, "asOf");
  const id = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (id.length !== 18) throw identityError(`${field} must be an 18-character resident ID number`, field, "format");
  const check = residentIdCheckChar(id);
  const last = id.charCodeAt(17);
  if (check === undefined || !((last >= 48 && last <= 57) || last === 88)) {
    throw identityError(`${field} must be 17 digits followed by a digit or X`, field, "format");
  }
  if (!isKnownProvincePrefix(id)) {
    throw identityError(`${field} does not start with a known province code`, field, "region");
  }
  const birth = tryEpochDay(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (birth === undefined || birth < EARLIEST_BIRTH_DAY || birth > asOfDay) {
    throw identityError(`${field} does not hold a valid birth date`, field, "birth_date");
  }
  if (id[17] !== check) throw identityError(`${field} fails its check character (GB 11643)`, field, "check_digit");
  return id;
}

/** True when `value` is a valid resident ID number on `asOf` (see validateResidentId). */
export function isValidResidentId(value: string, asOf: string): boolean {
  try {
    validateResidentId(value, { asOf });
    return true;
  } catch {
    return false;
  }
}

/** The parts of a valid, normalised resident ID: address code, birth date and sex. */
export function residentIdParts(id: string): { regionCode: string; birthDate: string; sex: "male" | "female" } {
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? "male" : "female",
  };
}
