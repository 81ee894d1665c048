import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { LenderDecision } from "../marketplace.ports.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { products } from "../testing/test-catalogue.ts";
import { type GatewayAttempt, instantDecisionBudgetMs, instantDecisionEffect } from "./instant-decision.ts";

const AT = new Date("2026-03-02T02:00:01Z");
const kuaidai = products.kuaidai; // 1万–100万 yuan, 1–12 months, 3.85–4.35 %
const approved = (a: Partial<Extract<LenderDecision, { decision: "approved" }>> = {}): GatewayAttempt => ({
  kind: "answer",
  answer: { decision: "approved", amountGranted: 20_000_000, rateBp: 425, termMonths: 12, reference: "CCB-88", ...a },
});

describe("MKT-R06 秒批 instant decision", () => {
  it("a direct-connect institution has 5 seconds by default", () => {
    expect(instantDecisionBudgetMs(marketplacePolicyDefaults, "2026-03-02")).toBe(5000);
  });

  it("follows the pack: a region giving 3 seconds gives 3 seconds", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      instantDecision: { budgetMs: since("2021-01-01", 3000, "test") },
    };
    expect(instantDecisionBudgetMs(pack, "2026-03-02")).toBe(3000);
  });

  it.each([
    ["an approval within the product's terms approves at once", approved(), "approve", "approved", false],
    [
      "a rejection rejects at once",
      { kind: "answer", answer: { decision: "rejected", reason: "score", reference: "CCB-89" } },
      "reject",
      "rejected",
      false,
    ],
    [
      "a referral leaves it in the manual queue by the bank's choice, not counted as a failure",
      { kind: "answer", answer: { decision: "referred", reason: "manual", reference: "CCB-90" } },
      null,
      "referred",
      false,
    ],
    [
      "no answer within the budget falls back to the manual queue and counts against the bank",
      { kind: "timeout" },
      null,
      "timeout",
      true,
    ],
    [
      "a failing adapter falls back to the manual queue and counts against the bank",
      { kind: "failure", error: "ECONNRESET" },
      null,
      "failed",
      true,
    ],
    [
      "an approval above the product's maximum is treated as a failure",
      approved({ amountGranted: 100_000_001 }),
      null,
      "failed",
      true,
    ],
    [
      "an approval with a rate outside the product's range is treated as a failure",
      approved({ rateBp: 600 }),
      null,
      "failed",
      true,
    ],
    [
      "an approval with a fractional amount of fen is treated as a failure",
      approved({ amountGranted: 100.5 }),
      null,
      "failed",
      true,
    ],
    [
      "an answer with an unknown decision is treated as a failure",
      { kind: "answer", answer: { decision: "maybe" } as unknown as LenderDecision },
      null,
      "failed",
      true,
    ],
  ] as [string, GatewayAttempt, string | null, string, boolean][])(
    "%s",
    (_title, attempt, event, outcome, fellBack) => {
      const effect = instantDecisionEffect(attempt, kuaidai, AT, 42);
      expect(effect.event).toBe(event);
      expect(effect.record.outcome).toBe(outcome);
      expect(effect.fellBackToManual).toBe(fellBack);
      expect(effect.record.latencyMs).toBe(42);
    },
  );

  it("an approval carries the granted amount, rate, term and the bank's reference", () => {
    expect(instantDecisionEffect(approved(), kuaidai, AT, 1).details).toEqual({
      amountGranted: 20_000_000,
      rateBp: 425,
      grantedTermMonths: 12,
      institutionReference: "CCB-88",
    });
  });
});
