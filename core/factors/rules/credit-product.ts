import { DomainError, type Fen, formatYuan } from "../../kernel/mod.ts";
import type { CollateralUnit } from "../domain/collateral.ts";
import { BUNDLE_LTV_KEY, type CreditProductTerms } from "../domain/credit-product.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ltvOf } from "./loan-to-value.ts";
import { bundleMemberTypes } from "./marine-bundle.ts";

const RULE = "FAC-R11";
const BP = 10000;

function err(message: string, field: string, detail?: Record<string, unknown>): DomainError {
  return new DomainError(message, { ruleId: RULE, field, ...(detail ? { detail } : {}) });
}

/** FAC-R11 problems with a product definition (empty when it may be offered), as [field, message]. */
export function productProblems(p: CreditProductTerms, policy: FactorsPolicy, onDate: string): [string, string][] {
  const out: [string, string][] = [];
  if (p.amountMinFen > p.amountMaxFen) out.push(["amountMinFen", "the least amount is above the largest"]);
  if (p.termMonthsMin > p.termMonthsMax) out.push(["termMonthsMin", "the shortest term is above the longest"]);
  if (p.rateMinBp > p.rateMaxBp) out.push(["rateMinBp", "the lowest rate is above the highest"]);
  for (const code of p.acceptedTypes) {
    if (!policy.catalogue[code]?.collateral) out.push(["acceptedTypes", `type ${code} is not a collateral type`]);
  }
  for (const [key, bp] of Object.entries(p.ltvOverrideBp)) {
    const kind = key === BUNDLE_LTV_KEY ? "bundle" : "factor";
    if (kind === "factor" && !p.acceptedTypes.includes(key)) {
      out.push([`ltvOverrideBp.${key}`, `the product does not accept type ${key}`]);
      continue;
    }
    if (kind === "factor" && !policy.catalogue[key]?.collateral) continue;
    const limit = ltvOf(policy, { kind, typeCodes: [key] }, onDate);
    if (bp > limit)
      out.push([`ltvOverrideBp.${key}`, `the product LTV ${bp / 100} % is above FAC-R05's ${limit / 100} %`]);
  }
  if (p.requiresGuarantor && !p.guarantorId) out.push(["guarantorId", "a product that requires a guarantor names it"]);
  if (p.requiresInsurer && !p.insurerId) out.push(["insurerId", "a product that requires an insurer names it"]);
  const shares = p.sharing?.sharesBp;
  if (shares && shares.guarantor > 0 && !p.guarantorId) out.push(["sharing", "a guarantor share needs a guarantor"]);
  if (shares && shares.insurer > 0 && !p.insurerId) out.push(["sharing", "an insurer share needs an insurer"]);
  if (!p.sharing && !(p.guarantorId && p.insurerId)) {
    out.push(["sharing", "the default sharing is for a guaranteed and insured product: give this product its own"]);
  }
  for (const code of Object.keys(p.labourBenefits)) {
    if (policy.catalogue[code]?.category !== "L")
      out.push([`labourBenefits.${code}`, `${code} is not a labour-quality type`]);
  }
  return out;
}

export function assertProductValid(p: CreditProductTerms, policy: FactorsPolicy, onDate: string): void {
  const [first] = productProblems(p, policy, onDate);
  if (first) throw err(first[1], first[0]);
}

/** The LTV a product lends at on a unit: its override, never above FAC-R05's. */
export function productLtv(
  p: CreditProductTerms,
  policy: FactorsPolicy,
  unit: Pick<CollateralUnit, "kind" | "typeCodes">,
  onDate: string,
): number {
  const limit = ltvOf(policy, unit, onDate);
  const key = unit.kind === "bundle" ? BUNDLE_LTV_KEY : (unit.typeCodes[0] ?? "");
  const override = p.ltvOverrideBp[key];
  return override !== undefined && override < limit ? override : limit;
}

/** FAC-R11 a product lends on a unit whose every type it accepts, within its amount and term. */
export function assertProductFits(
  p: CreditProductTerms,
  policy: FactorsPolicy,
  unit: Pick<CollateralUnit, "kind" | "typeCodes">,
  amount: Fen,
  termMonths: number,
  onDate: string,
): void {
  const types = unit.kind === "bundle" ? bundleMemberTypes(policy, onDate) : unit.typeCodes;
  const refused = types.filter((t) => !p.acceptedTypes.includes(t));
  if (refused.length > 0) throw err(`the product does not accept type ${refused.join(", ")}`, "factorIds");
  if (amount < p.amountMinFen || amount > p.amountMaxFen) {
    throw err(`the product lends ${formatYuan(p.amountMinFen)}–${formatYuan(p.amountMaxFen)} yuan`, "amount");
  }
  if (termMonths < p.termMonthsMin || termMonths > p.termMonthsMax) {
    throw err(`the product's term is ${p.termMonthsMin}–${p.termMonthsMax} months`, "termMonths");
  }
}

/** FAC-R11 the uplift and discount the borrower's labour-quality types earn (each type once, capped). */
export function labourBenefit(
  p: CreditProductTerms,
  heldTypes: readonly string[],
): { upliftBp: number; discountBp: number } {
  let up = 0;
  let down = 0;
  for (const code of new Set(heldTypes)) {
    const b = p.labourBenefits[code];
    if (b) {
      up += b.limitUpliftBp;
      down += b.rateDiscountBp;
    }
  }
  return { upliftBp: Math.min(up, p.maxLimitUpliftBp), discountBp: Math.min(down, p.maxRateDiscountBp) };
}

/** The most a borrower may borrow: the secured headroom raised by the uplift, within the product's maximum. */
export function creditLimit(p: CreditProductTerms, securedHeadroom: Fen, upliftBp: number): Fen {
  const raised = securedHeadroom + Number((BigInt(securedHeadroom) * BigInt(upliftBp)) / BigInt(BP));
  return Math.min(raised, p.amountMaxFen);
}

/** The rate after the labour discount, never below the product's lowest rate. */
export function discountedRate(p: CreditProductTerms, rateBp: number, discountBp: number): number {
  const r = rateBp - discountBp;
  return Math.max(r, p.rateMinBp);
}

/** A loan of a product that requires a guarantor or insurer names one. */
export function assertRequiredParties(
  p: CreditProductTerms,
  guarantorId: string | null,
  insurerId: string | null,
): void {
  if (p.requiresGuarantor && !guarantorId) throw err("this product requires a government guarantor", "guarantorId");
  if (p.requiresInsurer && !insurerId) throw err("this product requires an insurer", "insurerId");
}
