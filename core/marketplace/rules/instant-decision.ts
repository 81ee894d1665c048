import { isFen, valueAsOf } from "../../kernel/mod.ts";
import type { ApplicationEvent, InstantDecisionRecord, OutcomeDetails } from "../domain/application.ts";
import type { Product } from "../domain/product.ts";
import type { LenderDecision } from "../marketplace.ports.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * MKT-R06 instant decision (秒批). A direct-connect product's decision is requested synchronously
 * within a budget (5 s by default). A timeout, a failure of the adapter or an answer that breaks
 * the product's terms falls back to the manual queue and is counted against the institution;
 * the application is never lost. A "referred" answer goes to the manual queue by the
 * institution's own choice and is not counted as a failure.
 */
export const INSTANT_DECISION_RULE = "MKT-R06";

export function instantDecisionBudgetMs(policy: MarketplacePolicy, submittedOn: string): number {
  return valueAsOf(policy.instantDecision.budgetMs, submittedOn, "instantDecision.budgetMs");
}

/** What happened when the gateway was asked. */
export type GatewayAttempt =
  | { readonly kind: "answer"; readonly answer: LenderDecision }
  | { readonly kind: "timeout" }
  | { readonly kind: "failure"; readonly error: string };

export interface InstantDecisionEffect {
  readonly record: InstantDecisionRecord;
  /** The lifecycle event to apply now, or null to leave it in the manual queue. */
  readonly event: Extract<ApplicationEvent, "approve" | "reject"> | null;
  readonly details: OutcomeDetails;
  readonly fellBackToManual: boolean;
}

type Terms = Pick<Product, "amountMin" | "amountMax" | "rateMinBp" | "rateMaxBp" | "termMonthsMin" | "termMonthsMax">;

/** Why an approval breaks the product's advertised terms, or null when it keeps them. */
export function approvalOutsideTerms(
  a: { readonly amountGranted: unknown; readonly rateBp: unknown; readonly termMonths: unknown },
  p: Terms,
): string | null {
  if (!isFen(a.amountGranted) || a.amountGranted <= 0 || a.amountGranted > p.amountMax) {
    return "approved amount is not a positive number of fen within the product's maximum";
  }
  if (!Number.isInteger(a.rateBp) || (a.rateBp as number) < p.rateMinBp || (a.rateBp as number) > p.rateMaxBp) {
    return "approved rate is outside the product's rate range";
  }
  if (!Number.isInteger(a.termMonths) || (a.termMonths as number) < 1 || (a.termMonths as number) > p.termMonthsMax) {
    return "approved term is outside the product's term range";
  }
  return null;
}

function fallback(outcome: "timeout" | "failed", at: Date, latencyMs: number, error: string): InstantDecisionEffect {
  return { record: { outcome, at, latencyMs, error }, event: null, details: {}, fellBackToManual: true };
}

export function instantDecisionEffect(
  attempt: GatewayAttempt,
  product: Terms,
  at: Date,
  latencyMs: number,
): InstantDecisionEffect {
  if (attempt.kind === "timeout") return fallback("timeout", at, latencyMs, "no answer within the budget");
  if (attempt.kind === "failure") return fallback("failed", at, latencyMs, attempt.error);
  const a = attempt.answer;
  const reference = typeof a?.reference === "string" && a.reference.length > 0 ? a.reference : undefined;
  switch (a?.decision) {
    case "approved": {
      const wrong = approvalOutsideTerms(a, product);
      if (wrong) return fallback("failed", at, latencyMs, `malformed answer: ${wrong}`);
      return {
        record: { outcome: "approved", at, latencyMs, error: null },
        event: "approve",
        details: {
          amountGranted: a.amountGranted,
          rateBp: a.rateBp,
          grantedTermMonths: a.termMonths,
          ...(reference ? { institutionReference: reference } : {}),
        },
        fellBackToManual: false,
      };
    }
    case "rejected":
      return {
        record: { outcome: "rejected", at, latencyMs, error: null },
        event: "reject",
        details: {
          reason: typeof a.reason === "string" ? a.reason : "rejected",
          ...(reference ? { institutionReference: reference } : {}),
        },
        fellBackToManual: false,
      };
    case "referred":
      return {
        record: { outcome: "referred", at, latencyMs, error: null },
        event: null,
        details: reference ? { institutionReference: reference } : {},
        fellBackToManual: false,
      };
    default:
      return fallback("failed", at, latencyMs, "malformed answer: unknown decision");
  }
}
