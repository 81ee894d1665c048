import { identityError } from "./identity-error.ts";

/** Bank card number: 16–19 digits with a valid Luhn (ISO/IEC 7812) check digit. Spaces and hyphens are dropped. */
const SEPARATORS_RE = /[\s-]/g;

/** Does the digit string pass the Luhn check? (false for anything but digits) */
export function luhnValid(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let d = digits.charCodeAt(n - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Validates a bank card number and returns its digits; throws a KRN-ID DomainError naming `field`. */
export function validateBankCard(value: string, field = "bankCard"): string {
  const card = typeof value === "string" ? value.replace(SEPARATORS_RE, "") : "";
  if (card.length < 16 || card.length > 19 || !/^\d+$/.test(card)) {
    throw identityError(`${field} must be a bank card number of 16 to 19 digits`, field, "format");
  }
  if (!luhnValid(card)) throw identityError(`${field} fails its Luhn check digit`, field, "check_digit");
  return card;
}

/** True when `value` is a valid bank card number. */
export function isValidBankCard(value: string): boolean {
  try {
    validateBankCard(value);
    return true;
  } catch {
    return false;
  }
}
