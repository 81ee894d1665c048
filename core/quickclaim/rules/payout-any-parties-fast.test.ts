import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paramsAsOf } from "../params-as-of.ts";
import type { CompulsoryLimits } from "../policy.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import type { PayoutParty } from "./compulsory-first-payout.ts";
import { payoutAnyParties } from "./payout-any-parties.ts";
import { payoutAnyPartiesFast } from "./payout-any-parties-fast.ts";

const LIMITS = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").compulsoryLimits;
const OLD_LIMITS = paramsAsOf(ningdeQuickClaimPolicy, "2019-06-01").compulsoryLimits;

/** The same plan, including the order of keys, lines and owed parts. */
function expectSamePlan(parties: readonly PayoutParty[], limits: CompulsoryLimits): void {
  const fast = payoutAnyPartiesFast(parties, limits);
  const reference = payoutAnyParties(parties, limits);
  expect(fast).toEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

const yuan = (y: number) => y * 100;

function party(
  id: string,
  pct: number,
  property: number,
  medical = 0,
  commercial: number | null = 1_000_000,
  insured = true,
): PayoutParty {
  return {
    partyId: id,
    liabilityBp: pct * 100,
    compulsoryInsurerId: insured ? `ins-${id}` : null,
    commercial: commercial === null ? null : { insurerId: `com-${id}`, limitFen: yuan(commercial) },
    propertyLossFen: yuan(property),
    medicalLossFen: yuan(medical),
  };
}

/** Liability shares in bp from raw weights, adding to exactly 10000. */
function toBp(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const bp = weights.map((w) => Math.floor((w * 10_000) / total));
  bp[0] = (bp[0] as number) + 10_000 - bp.reduce((s, x) => s + x, 0);
  return bp;
}

/** Losses and limits from everyday amounts to ones large enough to take splitInto's bigint path. */
const arbLoss = fc.oneof(
  { weight: 3, arbitrary: fc.nat(3_000_000) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.nat(10_000_000_000_000) },
);

const arbParties = (n: number): fc.Arbitrary<PayoutParty[]> =>
  fc
    .tuple(
      fc
        .array(fc.oneof(fc.constant(0), fc.nat(10_000)), { minLength: n, maxLength: n })
        .filter((w) => w.some((x) => x > 0)),
      fc.array(
        fc.record({
          property: arbLoss,
          medical: arbLoss,
          insured: fc.boolean(),
          commercial: fc.option(fc.oneof(fc.nat(5_000_000), fc.nat(100_000_000_000_000))),
        }),
        { minLength: n, maxLength: n },
      ),
    )
    .map(([weights, raw]) => {
      const bp = toBp(weights);
      return raw.map(
        (r, i): PayoutParty => ({
          partyId: `P${i}`,
          liabilityBp: bp[i] as number,
          compulsoryInsurerId: r.insured ? `ins-${i}` : null,
          commercial: r.commercial === null ? null : { insurerId: `com-${i}`, limitFen: r.commercial },
          propertyLossFen: r.property,
          medicalLossFen: r.medical,
        }),
      );
    });

/** Policy-pack limits: liable ≥ not liable per head, zero allowed, some large. */
const arbLimits: fc.Arbitrary<CompulsoryLimits> = fc
  .record({
    liableProperty: fc.oneof(fc.nat(500_000), fc.nat(2_000_000_000)),
    liableMedical: fc.oneof(fc.nat(5_000_000), fc.nat(2_000_000_000)),
    notLiableProperty: fc.nat(1_000_000),
    notLiableMedical: fc.nat(1_000_000),
  })
  .map((x) => ({
    liable: { propertyFen: x.liableProperty, medicalFen: x.liableMedical },
    notLiable: {
      propertyFen: Math.min(x.notLiableProperty, x.liableProperty),
      medicalFen: Math.min(x.notLiableMedical, x.liableMedical),
    },
  }));

describe("QC-R05 交强险先行、商业险按责 compulsory insurance first: the any-party fast path gives exactly the reference plan", () => {
  it.each([
    [
      "三车追尾 a three-vehicle chain, C 100 %: the two no-liability 交强险 pay at most 100 yuan each",
      [party("A", 0, 3_000), party("B", 0, 2_500, 500), party("C", 100, 1_800)],
    ],
    [
      "三车 60/20/20, B has no 商业三者险: B's share is owed by B",
      [party("A", 60, 2_100), party("B", 20, 950, 0, null), party("C", 20, 400)],
    ],
    [
      "四车 one vehicle without 交强险: its compulsory share is owed, not paid",
      [party("A", 40, 1_500, 300), party("B", 30, 900, 0, 1_000, false), party("C", 30, 700), party("D", 0, 200)],
    ],
    [
      "五车 a low 三者险 limit shared across victims and heads in proportion",
      [
        party("A", 40, 2_600, 900),
        party("B", 30, 1_200, 0, 500),
        party("C", 20, 750, 0, null),
        party("D", 10, 1_800),
        party("E", 0, 400, 300),
      ],
    ],
    [
      "巨额损失 losses too large for a double: the exact bigint split is used",
      [party("A", 30, 90_000_000_000), party("B", 30, 70_000_000_000, 5_000_000), party("C", 40, 1)],
    ],
  ])("%s", (_title, parties) => {
    expectSamePlan(parties, LIMITS);
    expectSamePlan(parties, OLD_LIMITS);
  });

  it("property: equal to payoutAnyParties line by line, 2..8 parties, the policy's limits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain(arbParties),
        fc.constantFrom(LIMITS, OLD_LIMITS),
        (parties, limits) => expectSamePlan(parties, limits),
      ),
      { numRuns: 3_000 },
    );
  });

  it("property: equal to payoutAnyParties for any valid limits, cases of different sizes in turn", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 8 }).chain(arbParties), { minLength: 1, maxLength: 4 }),
        arbLimits,
        (cases, limits) => {
          for (const parties of cases) expectSamePlan(parties, limits);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
