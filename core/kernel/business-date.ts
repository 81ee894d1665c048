import { DomainError } from "./errors.ts";

/**
 * KRN-R03 time. Instants are UTC; business dates (YYYY-MM-DD) and deadlines are read in
 * Asia/Shanghai. China has kept UTC+08:00 without daylight saving since 1992, so the conversion
 * is plain arithmetic and needs no time-zone database. Dates are handled as "epoch days"
 * (days since 1970-01-01) with the proleptic Gregorian calendar, years 0001–9999.
 */
export const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Epoch days of 0001-01-01 and 9999-12-31, the range an ISO date string can name. */
const MIN_EPOCH_DAY = -719162;
const MAX_EPOCH_DAY = 2932896;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (Hinnant's days_from_civil). */
function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Epoch day of a YYYY-MM-DD string, or undefined when it is not a real calendar date. */
export function tryEpochDay(text: string): number | undefined {
  if (typeof text !== "string" || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return undefined;
  }
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = digit(text, i);
    if (c < 0) return undefined;
    y = y * 10 + c;
  }
  const m1 = digit(text, 5);
  const m2 = digit(text, 6);
  const d1 = digit(text, 8);
  const d2 = digit(text, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return undefined;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return civilToDays(y, m, d);
}

/** Is `text` a real calendar date written YYYY-MM-DD? */
export function isIsoDate(text: string): boolean {
  return tryEpochDay(text) !== undefined;
}

/** Returns `text` if it is a real YYYY-MM-DD date, else throws a KRN-R03 DomainError naming `field`. */
export function assertIsoDate(text: string, field = "date"): string {
  if (tryEpochDay(text) === undefined) {
    throw new DomainError(`${field} must be a calendar date written YYYY-MM-DD`, { ruleId: "KRN-R03", field });
  }
  return text;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws a KRN-R03 DomainError for anything else. */
export function epochDay(date: string, field = "date"): number {
  const day = tryEpochDay(date);
  if (day === undefined) {
    throw new DomainError(`${field} must be a calendar date written YYYY-MM-DD`, { ruleId: "KRN-R03", field });
  }
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** The YYYY-MM-DD date of an epoch day (Hinnant's civil_from_days). */
export function dateOfEpochDay(day: number): string {
  if (!Number.isSafeInteger(day) || day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
    throw new DomainError("the date falls outside the years 0001–9999", { ruleId: "KRN-R03", field: "date" });
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const ys = y < 1000 ? `${y}`.padStart(4, "0") : `${y}`;
  return `${ys}-${pad2(m)}-${pad2(d)}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) {
    throw new DomainError("a number of days must be a whole number", { ruleId: "KRN-R03", field: "days" });
  }
  return dateOfEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to, "to") - epochDay(from, "from");
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month becomes
 * that month's last day (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  epochDay(date);
  if (!Number.isSafeInteger(months)) {
    throw new DomainError("a number of months must be a whole number", { ruleId: "KRN-R03", field: "months" });
  }
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (y < 1 || y > 9999) {
    throw new DomainError("the date falls outside the years 0001–9999", { ruleId: "KRN-R03", field: "date" });
  }
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return dateOfEpochDay(civilToDays(y, m, d));
}

/** ISO weekday of a date: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: string): number {
  return isoWeekdayOfEpochDay(epochDay(date));
}

/** ISO weekday of an epoch day (1970-01-01 was a Thursday). */
export function isoWeekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function assertInstant(instant: Date, field: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new DomainError(`${field} must be a valid instant`, { ruleId: "KRN-R03", field });
  }
  return ms;
}

/** The Asia/Shanghai business date (YYYY-MM-DD) on which a UTC instant falls. */
export function businessDateOf(instant: Date, field = "instant"): string {
  const ms = assertInstant(instant, field);
  return dateOfEpochDay(Math.floor((ms + SHANGHAI_UTC_OFFSET_MS) / DAY_MS));
}

/** The instant at which a business date begins: 00:00 Asia/Shanghai (16:00 UTC the day before). */
export function startOfBusinessDate(date: string): Date {
  return new Date(epochDay(date) * DAY_MS - SHANGHAI_UTC_OFFSET_MS);
}

/**
 * The instant at which a business date ends: 24:00 Asia/Shanghai, which is 16:00 UTC of that
 * date. A deadline "by the end of <date>" is met by any instant strictly before it.
 */
export function endOfBusinessDate(date: string): Date {
  return new Date((epochDay(date) + 1) * DAY_MS - SHANGHAI_UTC_OFFSET_MS);
}
