import { residentIdCheckChar, usccCheckChar } from "../../../core/kernel/mod.ts";

/**
 * Synthetic identity numbers for demo data: the check characters are right (GB 32100 /
 * GB 11643), the numbers belong to no one.
 */
export function syntheticUscc(first17: string): string {
  const check = usccCheckChar(first17);
  if (first17.length !== 17 || check === undefined) throw new RangeError(`cannot complete USCC ${first17}`);
  return `${first17}${check}`;
}

export function syntheticResidentId(first17: string): string {
  const check = residentIdCheckChar(first17);
  if (first17.length !== 17 || check === undefined) throw new RangeError(`cannot complete resident ID ${first17}`);
  return `${first17}${check}`;
}

/** A 9-character organisation code body from a number (digits and capitals USCC allows). */
export function organisationCode(n: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let out = "";
  let rest = n;
  for (let i = 0; i < 9; i++) {
    out = alphabet[rest % 31] + out;
    rest = Math.floor(rest / 31);
  }
  return out;
}
