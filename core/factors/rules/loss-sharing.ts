import { DomainError, type Fen, splitByWeights, valueAsOf } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import type { SharingAgreement, SharingParty } from "../policy-schemas.ts";

const RULE = "FAC-R09";

export type LossShares = Record<SharingParty, Fen>;

/** FAC-R09 a defaulted loan's loss: principal + interest arrears − disposal proceeds applied to it. */
export function lossOnLoan(outstandingPrincipal: Fen, interestArrears: Fen, proceedsApplied: Fen): Fen {
  for (const [v, field] of [
    [outstandingPrincipal, "outstandingPrincipal"],
    [interestArrears, "interestArrears"],
    [proceedsApplied, "proceedsApplied"],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new DomainError(`${field} must be a non-negative whole number of fen`, { ruleId: RULE, field });
    }
  }
  const loss = outstandingPrincipal + interestArrears - proceedsApplied;
  if (loss < 0) {
    throw new DomainError("more proceeds were applied than the loan owed", { ruleId: RULE, field: "proceedsApplied" });
  }
  return loss;
}

/** The agreement a product's loans share losses by: its own, else the pack's default. */
export function sharingAgreementFor(
  policy: FactorsPolicy,
  productSharing: SharingAgreement | null,
  onDate: string,
): SharingAgreement {
  return (
    productSharing ?? valueAsOf(policy.riskSharing.defaultAgreement, onDate, "factors.riskSharing.defaultAgreement")
  );
}

const W = [0, 0, 0, 0];
const CAP = [0, 0, 0, 0];
const PART = [0, 0, 0, 0];
const REM = [0, 0, 0, 0];
const OUT = [0, 0, 0, 0];

/** Largest-remainder split of `total` over the parties still active (mask bit i), ties to the lower index. */
function split(total: number, active: number): void {
  let sum = 0;
  for (let i = 0; i < 4; i++) if (active & (1 << i)) sum += W[i] as number;
  if (total * sum > Number.MAX_SAFE_INTEGER) {
    const idx = [0, 1, 2, 3].filter((i) => active & (1 << i));
    const parts = splitByWeights(
      total,
      idx.map((i) => W[i] as number),
    );
    for (let i = 0; i < 4; i++) PART[i] = 0;
    idx.forEach((i, k) => {
      PART[i] = parts[k] as number;
    });
    return;
  }
  let given = 0;
  for (let i = 0; i < 4; i++) {
    if (active & (1 << i)) {
      const p = total * (W[i] as number);
      const r = p % sum;
      PART[i] = (p - r) / sum;
      REM[i] = r;
      given += PART[i] as number;
    } else {
      PART[i] = 0;
      REM[i] = -1;
    }
  }
  for (let left = total - given; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < 4; i++) if ((REM[i] as number) > (best < 0 ? -1 : (REM[best] as number))) best = i;
    PART[best] = (PART[best] as number) + 1;
    REM[best] = -1;
  }
}

/**
 * FAC-R09 政银保担: splits `loss` among bank, guarantor, insurer and government fund by the
 * agreement's shares. A party whose share would pass its cap (per loan; for the fund also what
 * is left of its annual cap, `fundAnnualRemaining`) takes its cap, and the rest is re-split among
 * the others in proportion to their shares; what no one else can take stays with the bank. Exact
 * to the fen: largest remainder, ties in the order bank, guarantor, insurer, government fund.
 */
export function shareLoss(loss: Fen, agreement: SharingAgreement, fundAnnualRemaining: Fen | null = null): LossShares {
  if (!Number.isSafeInteger(loss) || loss < 0) {
    throw new DomainError("a loss is a non-negative whole number of fen", { ruleId: RULE, field: "loss" });
  }
  const s = agreement.sharesBp;
  const c = agreement.perLoanCapsFen;
  W[0] = s.bank;
  W[1] = s.guarantor;
  W[2] = s.insurer;
  W[3] = s.governmentFund;
  CAP[0] = Number.POSITIVE_INFINITY;
  CAP[1] = c.guarantor ?? Number.POSITIVE_INFINITY;
  CAP[2] = c.insurer ?? Number.POSITIVE_INFINITY;
  const fundCap = c.governmentFund ?? Number.POSITIVE_INFINITY;
  CAP[3] = fundAnnualRemaining === null ? fundCap : Math.min(fundCap, Math.max(0, fundAnnualRemaining));
  let active = 0;
  for (let i = 0; i < 4; i++) {
    OUT[i] = 0;
    if ((W[i] as number) > 0) active |= 1 << i;
  }
  let remaining = loss;
  while (remaining > 0) {
    if (active === 0) {
      OUT[0] = (OUT[0] as number) + remaining; // finally stays with the bank
      break;
    }
    split(remaining, active);
    let capped = false;
    for (let i = 1; i < 4; i++) {
      if (active & (1 << i) && (PART[i] as number) > (CAP[i] as number)) {
        OUT[i] = CAP[i] as number;
        remaining -= CAP[i] as number;
        active &= ~(1 << i);
        capped = true;
      }
    }
    if (!capped) {
      for (let i = 0; i < 4; i++) if (active & (1 << i)) OUT[i] = PART[i] as number;
      break;
    }
  }
  return {
    bank: OUT[0] as number,
    guarantor: OUT[1] as number,
    insurer: OUT[2] as number,
    governmentFund: OUT[3] as number,
  };
}
