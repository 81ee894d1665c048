import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { computeCompulsoryFirstPayout, type PayoutParty } from "./compulsory-first-payout.ts";
import { payoutAnyParties } from "./payout-any-parties.ts";
import { payoutTwoParties } from "./payout-two-parties.ts";

const LIMITS = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").compulsoryLimits;

/** fast-check generator of n payout parties: liabilities adding to 100 %, random losses and covers. */
const arbParties = (n: number): fc.Arbitrary<PayoutParty[]> =>
  fc
    .tuple(
      fc.array(fc.nat(10_000), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0)),
      fc.array(
        fc.record({
          property: fc.nat(3_000_000),
          medical: fc.oneof(fc.constant(0), fc.nat(3_000_000)),
          insured: fc.boolean(),
          commercial: fc.option(fc.nat(5_000_000)),
        }),
        { minLength: n, maxLength: n },
      ),
    )
    .map(([weights, raw]) => {
      const total = weights.reduce((s, w) => s + w, 0);
      const bp = weights.map((w) => Math.floor((w * 10_000) / total));
      bp[0] = (bp[0] as number) + 10_000 - bp.reduce((s, x) => s + x, 0);
      return raw.map(
        (r, i): PayoutParty => ({
          partyId: String.fromCharCode(65 + i),
          liabilityBp: bp[i] as number,
          compulsoryInsurerId: r.insured ? `ins-${i}` : null,
          commercial: r.commercial === null ? null : { insurerId: `ins-${i}`, limitFen: r.commercial },
          propertyLossFen: r.property,
          medicalLossFen: r.medical,
        }),
      );
    });

describe("QC-R05 properties of the payout (money invariants)", () => {
  const anyCase = fc.integer({ min: 2, max: 4 }).chain(arbParties);

  it("for every victim, insurer lines + owed + self-borne add back to the loss exactly, nothing negative", () => {
    fc.assert(
      fc.property(anyCase, (parties) => {
        const plan = computeCompulsoryFirstPayout(parties, LIMITS);
        for (const [j, v] of plan.victims.entries()) {
          const lines = v.lines.reduce((s, l) => s + l.amountFen, 0);
          const owed = v.owed.reduce((s, o) => s + o.amountFen, 0);
          expect(lines + owed + v.selfBorneFen).toBe(
            (parties[j] as PayoutParty).propertyLossFen + (parties[j] as PayoutParty).medicalLossFen,
          );
          expect(lines).toBe(v.insurerPaidFen);
          for (const x of [...v.lines, ...v.owed]) expect(x.amountFen).toBeGreaterThan(0);
          expect(v.selfBorneFen >= 0).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("no 交强险 pays more per head than its limit (liable or not), no 三者险 more than its limit", () => {
    fc.assert(
      fc.property(anyCase, (parties) => {
        const plan = computeCompulsoryFirstPayout(parties, LIMITS);
        const all = plan.victims.flatMap((v) => v.lines);
        for (const p of parties) {
          const mine = all.filter((l) => l.payerPartyId === p.partyId);
          const limit = p.liabilityBp > 0 ? LIMITS.liable : LIMITS.notLiable;
          const sum = (cover: string, head?: string) =>
            mine
              .filter((l) => l.cover === cover && (head === undefined || l.head === head))
              .reduce((s, l) => s + l.amountFen, 0);
          expect(sum("compulsory", "property") <= limit.propertyFen).toBe(true);
          expect(sum("compulsory", "medical") <= limit.medicalFen).toBe(true);
          expect(sum("commercial") <= (p.commercial?.limitFen ?? 0)).toBe(true);
          if (p.liabilityBp === 0) expect(sum("commercial")).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("two vehicles: a victim's compulsory payout is min(loss, the other's limit) per head", () => {
    fc.assert(
      fc.property(arbParties(2), (parties) => {
        const plan = computeCompulsoryFirstPayout(parties, LIMITS);
        for (const [j, v] of plan.victims.entries()) {
          const other = parties[1 - j] as PayoutParty;
          const me = parties[j] as PayoutParty;
          const limit = other.liabilityBp > 0 ? LIMITS.liable : LIMITS.notLiable;
          const ctpl = (head: string) =>
            [
              ...v.lines.filter((l) => l.cover === "compulsory"),
              ...v.owed.filter((o) => o.why === "no-compulsory-cover"),
            ]
              .filter((x) => x.head === head)
              .reduce((s, x) => s + x.amountFen, 0);
          expect(ctpl("property")).toBe(Math.min(me.propertyLossFen, limit.propertyFen));
          expect(ctpl("medical")).toBe(Math.min(me.medicalLossFen, limit.medicalFen));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("more commercial cover never lowers what a victim's claim pays", () => {
    fc.assert(
      fc.property(arbParties(2), fc.nat(1_000_000), (parties, extra) => {
        const richer = parties.map((p) =>
          p.commercial ? { ...p, commercial: { ...p.commercial, limitFen: p.commercial.limitFen + extra } } : p,
        );
        const before = computeCompulsoryFirstPayout(parties, LIMITS).victims;
        const after = computeCompulsoryFirstPayout(richer, LIMITS).victims;
        for (const [j, v] of before.entries()) expect((after[j]?.insurerPaidFen ?? 0) >= v.insurerPaidFen).toBe(true);
      }),
    );
  });
});

describe("QC-R05 the two-vehicle fast path gives exactly the general result", () => {
  it("property: payoutTwoParties equals payoutAnyParties to the fen, line by line", () => {
    fc.assert(
      fc.property(arbParties(2), (parties) => {
        const [a, b] = parties as [PayoutParty, PayoutParty];
        expect(payoutTwoParties(a, b, LIMITS)).toEqual(payoutAnyParties(parties, LIMITS));
      }),
      { numRuns: 2_000 },
    );
  });
});
