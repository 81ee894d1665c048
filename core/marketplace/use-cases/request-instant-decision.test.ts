import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

const fastPack = {
  ...marketplacePolicyDefaults,
  instantDecision: { budgetMs: since("2021-01-01", 100, "test: 100 ms") },
};
const kuaidai = products.kuaidai;
const zhangApplies = async (world: Awaited<ReturnType<typeof createTestWorld>>) =>
  apply(useCases(world), principals.zhang, people.zhang, kuaidai, ["tax.paid", "unionpay.acquiring-flow"]);

describe("MKT-R06 秒批 instant decision through the LenderGateway", () => {
  it("a bank that does not answer within the budget: the application waits in the manual queue, counted against the bank", async () => {
    const world = await createTestWorld({ policy: fastPack });
    world.lenders.behaviour = { kind: "hang" };
    const submitting = zhangApplies(world);
    await world.timer.armed();
    world.timer.advance(100); // the 100 ms budget runs out
    const { application } = await submitting;
    expect(application.state).toBe("SUBMITTED");
    expect(application.fellBackToManual).toBe(true);
    expect(application.instantDecision?.outcome).toBe("timeout");
    expect(world.store.outbox.at(-1)?.type).toBe("marketplace.application.instant-fallback");
    const board = await useCases(world).getInstitutionReport.execute({ column: "pending" }, principals.ccbStaff);
    expect(board.report.rows[0]).toMatchObject({ institutionId: "inst_ccb", pending: 1, instantFallbacks: 1 });
    expect(board.list?.items.map((a) => a.id)).toEqual([application.id]);
  });

  it.each([
    ["an adapter failure", { kind: "fail", error: "ECONNREFUSED" }, "failed", true, "SUBMITTED"],
    [
      "an answer breaking the product's terms",
      {
        kind: "answer",
        answer: { decision: "approved", amountGranted: 1, rateBp: 9999, termMonths: 12, reference: "x" },
      },
      "failed",
      true,
      "SUBMITTED",
    ],
    [
      "a referral to the manual queue",
      { kind: "answer", answer: { decision: "referred", reason: "manual review", reference: "R1" } },
      "referred",
      false,
      "SUBMITTED",
    ],
    [
      "a rejection",
      { kind: "answer", answer: { decision: "rejected", reason: "score below cut-off", reference: "R2" } },
      "rejected",
      false,
      "REJECTED",
    ],
  ] as const)(
    "%s is recorded and the application is never lost",
    async (_title, behaviour, outcome, fellBack, state) => {
      const world = await createTestWorld({ policy: fastPack });
      world.lenders.behaviour = behaviour as never;
      const { application } = await zhangApplies(world);
      expect(application.instantDecision?.outcome).toBe(outcome);
      expect(application.fellBackToManual).toBe(fellBack);
      expect(application.state).toBe(state);
      expect(world.store.state.applications.get(application.id)?.state).toBe(state);
    },
  );

  it("the bank receives only the minimised push: consented categories, the subject, the hash of the push log", async () => {
    const world = await createTestWorld();
    const { push } = await zhangApplies(world);
    const req = world.lenders.calls[0];
    expect(req?.push).toMatchObject({
      pushId: push.id,
      contentHash: push.contentHash,
      categories: ["tax.paid", "unionpay.acquiring-flow"],
    });
    expect(req?.applicationId).toBeDefined();
  });

  it("an operator can ask again for an application that has no answer yet (e.g. after a crash); once answered, asking again is a conflict", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { application } = await zhangApplies(world);
    // simulate a crash between submission and the decision
    await world.store.run(async (tx) => {
      const a = await tx.applications.get(application.id);
      if (a)
        await tx.applications.update({
          ...a,
          state: "SUBMITTED",
          instantDecision: null,
          amountGranted: null,
          decidedAt: null,
          concludedAt: null,
          contactedAt: null,
        });
    });
    const decided = await uc.requestInstantDecision.execute({ applicationId: application.id }, principals.admin);
    expect(decided.state).toBe("APPROVED");
    expect(world.lenders.calls).toHaveLength(2);
    expect(
      await asyncRefusalOf(uc.requestInstantDecision.execute({ applicationId: application.id }, principals.admin)),
    ).toMatchObject({
      rule: "MKT-R06",
      kind: "conflict",
    });
    expect(
      await asyncRefusalOf(uc.requestInstantDecision.execute({ applicationId: application.id }, principals.ccbStaff)),
    ).toMatchObject({
      rule: "KRN-R06",
    });
  });
});
