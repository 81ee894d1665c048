import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import { apply, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

const kuaidai = products.kuaidai;
const declared = kuaidai.dataNeeds.map((n) => n.category);
const required = kuaidai.dataNeeds.filter((n) => n.required).map((n) => n.category);

describe("MKT-R02 最小化 end to end: what reaches the bank is never more than the consent", () => {
  it("property: for any consented subset and a careless data source, the push log and the bank see only consented categories of the subject within the period", async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(declared, { minLength: 1 }), fc.boolean(), async (consented, leaky) => {
        const world = await createTestWorld();
        world.creditData.leaky = leaky;
        const uc = useCases(world);
        try {
          const { push } = await apply(uc, principals.zhang, people.zhang, kuaidai, consented);
          const stored = world.store.state.pushes.get(push.id);
          const sent = world.lenders.calls[0]?.push;
          expect(required.every((c) => consented.includes(c))).toBe(true);
          expect(stored?.categories.every((c) => consented.includes(c))).toBe(true);
          expect(stored?.categories.length).toBeLessThanOrEqual(consented.length);
          for (const r of sent?.records ?? []) {
            expect(consented).toContain(r.category);
            expect(r.subjectId).toBe(people.zhang.idNumber);
            expect(
              r.observedOn >= (stored?.dataPeriod.from ?? "") && r.observedOn <= (stored?.dataPeriod.to ?? ""),
            ).toBe(true);
          }
        } catch (e) {
          if (!isDomainError(e)) throw e;
          expect(e.ruleId).toBe("MKT-R02");
          expect(required.some((c) => !consented.includes(c))).toBe(true);
          expect(world.store.state.pushes.size).toBe(0);
          expect(world.lenders.calls).toHaveLength(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
