import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYuan } from "../../kernel/mod.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import {
  checkMutualSelfCompensation,
  type MutualParty,
  mutualSelfCompensationPlan,
  mutualUnmetMessage,
} from "./mutual-self-compensation.ts";
import { type PlanParty, planPayout } from "./plan-payout.ts";

const P = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01");

function party(id: string, pct: number, vehicle: string, change: Partial<PlanParty> = {}): PlanParty {
  return {
    partyId: id,
    liabilityBp: pct * 100,
    compulsoryInsurerId: `ins-${id}`,
    commercial: { insurerId: `ins-${id}`, limitFen: 100_000_000 },
    vehicleLossFen: parseYuan(vehicle),
    otherPropertyLossFen: 0,
    medicalLossFen: 0,
    consented: true,
    ...change,
  };
}

describe("QC-R06 互碰自赔 mutual self-compensation", () => {
  describe("within its conditions each insurer pays its own insured's vehicle", () => {
    it.each([
      ["同等责任 50/50 scrape, 1,500 and 1,800 yuan, both agree", [party("A", 50, "1500"), party("B", 50, "1800")]],
      [
        "主次责任 70/30, both vehicles within 2,000 yuan, both agree",
        [party("A", 70, "1999.99"), party("B", 30, "600")],
      ],
      ["a loss of exactly 2,000 yuan is within the limit", [party("A", 50, "2000"), party("B", 50, "2000")]],
      [
        "three vehicles all partly at fault, all within 2,000 yuan",
        [party("A", 40, "900"), party("B", 30, "800"), party("C", 30, "700")],
      ],
    ])("%s", (_title, parties) => {
      const { plan, mutual } = planPayout(parties, P, false);
      expect(mutual.applies).toBe(true);
      expect(plan.mode).toBe("mutual-self-compensation");
      for (const [i, v] of plan.victims.entries()) {
        const own = parties[i] as PlanParty;
        expect(v.lines).toEqual([
          {
            payerPartyId: own.partyId,
            insurerId: own.compulsoryInsurerId,
            cover: "mutual",
            head: "property",
            amountFen: own.vehicleLossFen,
          },
        ]);
        expect(v.insurerPaidFen).toBe(own.vehicleLossFen);
      }
    });
  });

  describe("outside its conditions the case falls back to QC-R05", () => {
    it.each([
      [
        "追尾 rear-end 100/0: the front vehicle bears no liability",
        [party("A", 0, "1500"), party("B", 100, "800")],
        "party_not_liable",
      ],
      [
        "a vehicle loss of 2,000.01 yuan is above the limit",
        [party("A", 50, "2000.01"), party("B", 50, "800")],
        "vehicle_loss_over_limit",
      ],
      ["a party did not agree", [party("A", 50, "1500"), party("B", 50, "800", { consented: false })], "no_consent"],
      [
        "a vehicle has no 交强险",
        [party("A", 50, "1500"), party("B", 50, "800", { compulsoryInsurerId: null })],
        "no_compulsory_cover",
      ],
      [
        "a roadside fence was also damaged",
        [party("A", 50, "1500", { otherPropertyLossFen: 30_000 }), party("B", 50, "800")],
        "not_only_vehicles",
      ],
      [
        "a driver's medical cost",
        [party("A", 50, "1500", { medicalLossFen: 20_000 }), party("B", 50, "800")],
        "not_only_vehicles",
      ],
    ])("%s", (_title, parties, code) => {
      const { plan, mutual } = planPayout(parties, P, false);
      expect(mutual.applies).toBe(false);
      expect(mutual.unmet.map((u) => u.code)).toEqual([code]);
      expect(plan.mode).toBe("compulsory-first");
    });

    it("someone hurt at the scene rules it out even before a medical bill is known", () => {
      const v = checkMutualSelfCompensation(
        [party("A", 50, "100"), party("B", 50, "100")],
        P.mutualSelfCompensation,
        true,
      );
      expect(v.unmet.map((u) => u.code)).toEqual(["not_only_vehicles"]);
    });

    it("explains an unmet condition in policy words", () => {
      const v = checkMutualSelfCompensation(
        [party("A", 50, "2500"), party("B", 50, "100")],
        P.mutualSelfCompensation,
        false,
      );
      expect(v.unmet.map((u) => mutualUnmetMessage(u, P.mutualSelfCompensation))).toEqual([
        "party A: the vehicle's loss is above 2000.00 yuan",
      ]);
    });

    it("a region that does not offer 互碰自赔 never applies it", () => {
      const off = { ...P.mutualSelfCompensation, enabled: false };
      const v = checkMutualSelfCompensation([party("A", 50, "100"), party("B", 50, "100")], off, false);
      expect(v.unmet.map((u) => u.code)).toEqual(["not_offered"]);
    });
  });

  it("property: under 互碰自赔 each insurer pays exactly its insured's vehicle loss and nobody owes anything", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200_000), { minLength: 2, maxLength: 4 }), (losses) => {
        const parties: MutualParty[] = losses.map((loss, i) => ({
          partyId: String(i),
          liabilityBp: 1,
          compulsoryInsurerId: `ins-${i % 2}`,
          vehicleLossFen: loss,
          otherPropertyLossFen: 0,
          medicalLossFen: 0,
          consented: true,
        }));
        const plan = mutualSelfCompensationPlan(parties);
        for (const [i, v] of plan.victims.entries()) {
          expect(v.insurerPaidFen).toBe(losses[i]);
          expect(v.lines.reduce((s, l) => s + l.amountFen, 0) + v.selfBorneFen).toBe(losses[i]);
          expect(v.lines.every((l) => l.payerPartyId === v.partyId)).toBe(true);
          expect(v.owed).toEqual([]);
        }
      }),
    );
  });
});
