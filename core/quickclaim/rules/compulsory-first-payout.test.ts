import { describe, expect, it } from "vitest";
import { formatYuan, isDomainError, parseYuan } from "../../kernel/mod.ts";
import type { PayoutPlan } from "../domain/payout-plan.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { computeCompulsoryFirstPayout, type PayoutParty } from "./compulsory-first-payout.ts";

const LIMITS = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").compulsoryLimits;
const OLD_LIMITS = paramsAsOf(ningdeQuickClaimPolicy, "2019-06-01").compulsoryLimits;

/** A party: liability %, property and medical loss in yuan, commercial limit in yuan (null = none). */
function party(
  id: string,
  pct: number,
  property: string,
  medical = "0",
  commercial: string | null = "1000000",
  insured = true,
): PayoutParty {
  return {
    partyId: id,
    liabilityBp: pct * 100,
    compulsoryInsurerId: insured ? `ins-${id}` : null,
    commercial: commercial === null ? null : { insurerId: `ins-${id}`, limitFen: parseYuan(commercial) },
    propertyLossFen: parseYuan(property),
    medicalLossFen: parseYuan(medical),
  };
}

/** Readable summary: per victim "paid by insurers | lines | owed | self-borne". */
function summary(plan: PayoutPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of plan.victims) {
    const lines = v.lines.map((l) => `${l.payerPartyId}:${l.cover}/${l.head} ${formatYuan(l.amountFen)}`);
    const owed = v.owed.map((o) => `${o.byPartyId} owes ${o.head} ${formatYuan(o.amountFen)} (${o.why})`);
    out[v.partyId] = [
      `paid ${formatYuan(v.insurerPaidFen)}`,
      ...lines,
      ...owed,
      `self ${formatYuan(v.selfBorneFen)}`,
    ].join("; ");
  }
  return out;
}

describe("QC-R05 交强险先行、商业险按责 compulsory insurance first, then commercial cover by liability", () => {
  it.each([
    [
      "追尾 rear-end: B (rear, 100 %) hits A; A's 3,000 loss: B's 交强险 2,000 + B's 三者险 1,000; B's own 1,500: A's no-liability 交强险 100, rest borne by B",
      [party("A", 0, "3000"), party("B", 100, "1500")],
      {
        A: "paid 3000.00; B:compulsory/property 2000.00; B:commercial/property 1000.00; self 0.00",
        B: "paid 100.00; A:compulsory/property 100.00; self 1400.00",
      },
    ],
    [
      "追尾 rear-end where the rear vehicle has no 三者险: the 1,000 above its 交强险 is shown as owed by B",
      [party("A", 0, "3000"), party("B", 100, "800", "0", null)],
      {
        A: "paid 2000.00; B:compulsory/property 2000.00; B owes property 1000.00 (no-commercial-cover); self 0.00",
        B: "paid 100.00; A:compulsory/property 100.00; self 700.00",
      },
    ],
    [
      "变更车道 lane change: A (100 %) cut into B; B's 1,800 loss is within A's 交强险; A's own 600: B pays 100 without liability",
      [party("A", 100, "600"), party("B", 0, "1800")],
      {
        A: "paid 100.00; B:compulsory/property 100.00; self 500.00",
        B: "paid 1800.00; A:compulsory/property 1800.00; self 0.00",
      },
    ],
    [
      "倒车 reversing: B (100 %) reversed into A; A's 2,450.50 loss, B's own loss 0",
      [party("A", 0, "2450.50"), party("B", 100, "0")],
      {
        A: "paid 2450.50; B:compulsory/property 2000.00; B:commercial/property 450.50; self 0.00",
        B: "paid 0.00; self 0.00",
      },
    ],
    [
      "开关车门 opening a door: A's door (100 %) struck B's car and hurt B's driver (medical 1,200)",
      [party("A", 100, "0"), party("B", 0, "900", "1200")],
      {
        A: "paid 0.00; self 0.00",
        B: "paid 2100.00; A:compulsory/property 900.00; A:compulsory/medical 1200.00; self 0.00",
      },
    ],
    [
      "同等责任 50/50: A's 3,000 loss: B's 交强险 2,000, then 50 % of 1,000 from B's 三者险; B's 1,000 within A's 交强险",
      [party("A", 50, "3000"), party("B", 50, "1000")],
      {
        A: "paid 2500.00; B:compulsory/property 2000.00; B:commercial/property 500.00; self 500.00",
        B: "paid 1000.00; A:compulsory/property 1000.00; self 0.00",
      },
    ],
    [
      "主次责任 70/30 (A main): A's 4,000 loss: B's 交强险 2,000 + 30 % of 2,000; B's 2,500: A's 交强险 2,000 + 70 % of 500",
      [party("A", 70, "4000"), party("B", 30, "2500")],
      {
        A: "paid 2600.00; B:compulsory/property 2000.00; B:commercial/property 600.00; self 1400.00",
        B: "paid 2350.00; A:compulsory/property 2000.00; A:commercial/property 350.00; self 150.00",
      },
    ],
    [
      "an injured party hit by a vehicle with no liability: medical paid up to the 1,800 no-liability limit",
      [party("A", 0, "0"), party("B", 100, "0", "2500")],
      {
        A: "paid 0.00; self 0.00",
        B: "paid 1800.00; A:compulsory/medical 1800.00; self 700.00",
      },
    ],
    [
      "a 三者险 limit smaller than the share: the excess is owed by the liable party",
      [party("A", 0, "3000"), party("B", 100, "0", "0", "500")],
      {
        A: "paid 2500.00; B:compulsory/property 2000.00; B:commercial/property 500.00; B owes property 500.00 (above-commercial-limit); self 0.00",
        B: "paid 0.00; self 0.00",
      },
    ],
    [
      "a liable vehicle without 交强险 owes what its 交强险 would have paid, and its 三者险 still pays the rest",
      [party("A", 0, "2600"), party("B", 100, "0", "0", "1000000", false)],
      {
        A: "paid 600.00; B:commercial/property 600.00; B owes property 2000.00 (no-compulsory-cover); self 0.00",
        B: "paid 0.00; self 0.00",
      },
    ],
    [
      "a 1-fen loss split 50/50 leaves the odd fen with the lower party index (here: the victim)",
      [party("A", 50, "2000.01"), party("B", 50, "0")],
      {
        A: "paid 2000.00; B:compulsory/property 2000.00; self 0.01",
        B: "paid 0.00; self 0.00",
      },
    ],
  ])("%s", (_title, parties, expected) => {
    expect(summary(computeCompulsoryFirstPayout(parties, LIMITS))).toEqual(expected);
  });

  it("judges medical limits by the accident date: 10,000 liable before 2020-09-19, 18,000 after", () => {
    const parties = [party("A", 100, "0", "0", null), party("B", 0, "0", "12000", null)];
    expect(summary(computeCompulsoryFirstPayout(parties, OLD_LIMITS)).B).toBe(
      "paid 10000.00; A:compulsory/medical 10000.00; A owes medical 2000.00 (no-commercial-cover); self 0.00",
    );
    expect(summary(computeCompulsoryFirstPayout(parties, LIMITS)).B).toBe(
      "paid 12000.00; A:compulsory/medical 12000.00; self 0.00",
    );
  });

  it("三车追尾 a three-vehicle rear-end chain (C 100 %): each no-liability 交强险 pays at most 100, C's at most 2,000", () => {
    const plan = computeCompulsoryFirstPayout(
      [party("A", 0, "1000"), party("B", 0, "2000"), party("C", 100, "1500")],
      LIMITS,
    );
    const paidBy = (payer: string, cover: string) =>
      plan.victims
        .flatMap((v) => v.lines)
        .filter((l) => l.payerPartyId === payer && l.cover === cover)
        .reduce((s, l) => s + l.amountFen, 0);
    expect([paidBy("A", "compulsory"), paidBy("B", "compulsory"), paidBy("C", "compulsory")]).toEqual([
      10_000, 10_000, 200_000,
    ]);
    const [a, b, c] = plan.victims;
    expect([a?.insurerPaidFen, b?.insurerPaidFen]).toEqual([100_000, 200_000]); // C's 三者险 pays the rest of A and B
    // C's own loss meets A's and B's 100-yuan covers already shared with the other victim; C bears the rest.
    expect((c?.insurerPaidFen ?? 0) < 20_000).toBe(true);
    expect((c?.insurerPaidFen ?? 0) + (c?.selfBorneFen ?? 0)).toBe(150_000);
  });

  it.each([
    ["liability shares that do not add to 100 %", [party("A", 60, "1"), party("B", 30, "1")], "parties"],
    [
      "a negative loss",
      [party("A", 100, "1"), { ...party("B", 0, "1"), propertyLossFen: -1 }],
      "parties.1.propertyLossFen",
    ],
    ["a single party", [party("A", 100, "1")], "parties"],
  ])("refuses %s (QC-R05)", (_title, parties, field) => {
    try {
      computeCompulsoryFirstPayout(parties, LIMITS);
      throw new Error("expected a refusal");
    } catch (e) {
      if (!isDomainError(e)) throw e;
      expect([e.ruleId, e.field]).toEqual(["QC-R05", field]);
    }
  });
});
