import fc from "fast-check";
import type { PayoutParty } from "../rules/compulsory-first-payout.ts";

/** fast-check generator of n payout parties: liabilities adding to 100 %, random losses and covers. */
export const arbPayoutParties = (n: number): fc.Arbitrary<PayoutParty[]> =>
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
