import { DomainError, type Fen } from "../../kernel/mod.ts";

const RULE = "FAC-R07";

/** A platform lien's claim on disposal proceeds: its loan's interest arrears, then its principal. */
export interface LienClaim {
  readonly lienId: string;
  readonly interestArrears: Fen;
  readonly principal: Fen;
}

/** A claim recorded outside the platform (the registry's existing encumbrance). */
export interface OffPlatformClaimInput {
  readonly id: string;
  readonly amount: Fen;
}

export interface LienPayment {
  readonly lienId: string;
  readonly interest: Fen;
  readonly principal: Fen;
  /** What the lien's claim did not get. */
  readonly shortfall: Fen;
}

export interface Waterfall {
  readonly proceeds: Fen;
  readonly costs: Fen;
  readonly liens: readonly LienPayment[];
  readonly offPlatform: readonly { readonly id: string; readonly paid: Fen; readonly shortfall: Fen }[];
  readonly holder: Fen;
}

function amount(v: Fen, field: string): Fen {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new DomainError(`${field} must be a non-negative whole number of fen`, { ruleId: RULE, field });
  }
  return v;
}

/**
 * FAC-R07 优先受偿: disposal proceeds go, in order, to the disposal costs; the platform-registered
 * liens in rank order (each its loan's interest arrears, then principal); the
 * claims recorded outside the platform; and what is left to the holder. `liens` must already be
 * in rank order (lien-ranking.ts). Every fen of the proceeds is accounted for exactly once.
 */
export function applyProceeds(
  proceeds: Fen,
  costs: Fen,
  liens: readonly LienClaim[],
  offPlatform: readonly OffPlatformClaimInput[] = [],
): Waterfall {
  let left = amount(proceeds, "proceeds");
  const costsPaid = Math.min(amount(costs, "costs"), left);
  left -= costsPaid;
  const paidLiens: LienPayment[] = new Array(liens.length);
  for (let i = 0; i < liens.length; i++) {
    const c = liens[i] as LienClaim;
    const interestClaim = amount(c.interestArrears, "interestArrears");
    const principalClaim = amount(c.principal, "principal");
    const interest = Math.min(interestClaim, left);
    left -= interest;
    const principal = Math.min(principalClaim, left);
    left -= principal;
    paidLiens[i] = {
      lienId: c.lienId,
      interest,
      principal,
      shortfall: interestClaim + principalClaim - interest - principal,
    };
  }
  const paidOff: { id: string; paid: Fen; shortfall: Fen }[] = new Array(offPlatform.length);
  for (let i = 0; i < offPlatform.length; i++) {
    const c = offPlatform[i] as OffPlatformClaimInput;
    const paid = Math.min(amount(c.amount, "offPlatform.amount"), left);
    left -= paid;
    paidOff[i] = { id: c.id, paid, shortfall: c.amount - paid };
  }
  return { proceeds, costs: costsPaid, liens: paidLiens, offPlatform: paidOff, holder: left };
}
