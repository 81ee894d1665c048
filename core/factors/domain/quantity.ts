import { DomainError } from "../../kernel/mod.ts";

const QUANTITY = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/** Parses a quantity such as "12" or "3.5" (at most 3 decimals) into thousandths of its unit. */
export function parseQuantity(text: string, field = "quantity"): number {
  const m = QUANTITY.exec(typeof text === "string" ? text.trim() : "");
  if (!m) {
    throw new DomainError(`${field} must be a positive number with at most 3 decimals, e.g. "12" or "3.5"`, {
      ruleId: "FAC-R04",
      field,
    });
  }
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"));
  if (milli <= 0) throw new DomainError(`${field} must be more than zero`, { ruleId: "FAC-R04", field });
  return milli;
}

/** Formats thousandths of a unit back to text: 3500 → "3.5". */
export function formatQuantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = milli % 1000;
  return frac === 0 ? `${whole}` : `${whole}.${`${frac}`.padStart(3, "0").replace(/0+$/, "")}`;
}
