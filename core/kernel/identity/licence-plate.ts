import { identityError } from "./identity-error.ts";

/**
 * Motor-vehicle licence plate (GA 36-2018): province abbreviation + issuing-authority letter +
 * serial. Ordinary plates have a 5-character serial of digits and capitals without I and O
 * (闽J·12345). New-energy plates have 6: small vehicles start with an energy letter — D (pure
 * electric) or F (other new energy), extended to A B C E / G H J K in 2022 — then a digit or
 * letter and 4 digits (闽J·D12345); large vehicles have 5 digits and end with D or F (闽J·12345D).
 * A middle dot, space or hyphen after the authority letter is optional and dropped.
 */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const SEPARATORS_RE = /[\s·•・.-]/g;
const ORDINARY_RE = /^[A-HJ-Z][A-HJ-NP-Z0-9]{5}$/;
const NEW_ENERGY_SMALL_RE = /^[A-HJ-Z][A-FGHJK][A-HJ-NP-Z0-9]\d{4}$/;
const NEW_ENERGY_LARGE_RE = /^[A-HJ-Z]\d{5}[DF]$/;

export type PlateKind = "ordinary" | "new_energy_small" | "new_energy_large";

function kindOfRest(rest: string): PlateKind | undefined {
  if (rest.length === 6) return ORDINARY_RE.test(rest) ? "ordinary" : undefined;
  if (rest.length !== 7) return undefined;
  if (NEW_ENERGY_SMALL_RE.test(rest)) return "new_energy_small";
  if (NEW_ENERGY_LARGE_RE.test(rest)) return "new_energy_large";
  return undefined;
}

function compact(value: string): string {
  return typeof value === "string" ? value.replace(SEPARATORS_RE, "").toUpperCase() : "";
}

/** The kind of a plate, or undefined when it is not a valid plate. */
export function plateKind(value: string): PlateKind | undefined {
  const p = compact(value);
  if (p.length < 7 || !PROVINCES.includes(p[0] as string)) return undefined;
  return kindOfRest(p.slice(1));
}

/**
 * Validates a licence plate and returns it compact and upper-case ("闽J12345"); throws a KRN-ID
 * DomainError naming `field`.
 */
export function validateLicencePlate(value: string, field = "plate"): string {
  const p = compact(value);
  if (p.length === 0 || !PROVINCES.includes(p[0] as string)) {
    throw identityError(`${field} must start with a province abbreviation such as 闽`, field, "region");
  }
  if (!kindOfRest(p.slice(1))) {
    throw identityError(
      `${field} must be a plate such as 闽J·12345 (new-energy: 闽J·D12345 or 闽J·12345D)`,
      field,
      "format",
    );
  }
  return p;
}

/** The plate written for display with a middle dot after the authority letter: "闽J·12345". */
export function formatLicencePlate(plate: string): string {
  const p = compact(plate);
  return `${p.slice(0, 2)}·${p.slice(2)}`;
}

/** True when `value` is a valid licence plate. */
export function isValidLicencePlate(value: string): boolean {
  return plateKind(value) !== undefined;
}
