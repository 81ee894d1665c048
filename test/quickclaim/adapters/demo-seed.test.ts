import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyStore } from "../../../adapters/auth/api-key-store.ts";
import type { SeedReporter } from "../../../adapters/composition/seeds.ts";
import { quickClaimDemoSeed } from "../../../adapters/quickclaim/demo-seed.ts";
import { demoChen, demoLiu } from "../../../adapters/quickclaim/demo-seed-people.ts";
import { getCase } from "../../../core/quickclaim/mod.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

function recorder() {
  const created: string[] = [];
  const secrets: string[] = [];
  const report: SeedReporter = { created: (w) => created.push(w), secret: (l) => secrets.push(l) };
  return { created, secrets, report };
}

describe("quickclaim demo seed: the demo story's accident, paid, and a case at the police desk (idempotent)", () => {
  let t: QuickClaimTestPlatform;
  beforeAll(async () => {
    t = await createQuickClaimTestPlatform();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seeds 陈姐's paid case, a 福安 case waiting for the officer and the module's staff keys; a second run adds nothing", async () => {
    const first = recorder();
    await quickClaimDemoSeed.run(t.platform, "350900", first.report);
    expect(first.secrets.length).toBe(5);
    expect(first.created.filter((c) => c.startsWith("快处快赔 case")).length).toBe(2);

    const [chenCase] = await t.deps.queries.casesOfSubject(t.blindIndexer.index("mobile", demoChen.mobile));
    const view = await getCase(t.deps, { caseId: chenCase?.caseId as string }, t.citizen(demoChen.mobile));
    expect([view.status, view.centreId, view.claims[0]?.status, view.claims[0]?.paidFen]).toEqual([
      "PAID",
      "fuding",
      "PAID",
      320_000,
    ]);
    const [liuCase] = await t.deps.queries.casesOfSubject(t.blindIndexer.index("mobile", demoLiu.mobile));
    expect([liuCase?.status, liuCase?.centreId]).toEqual(["EVIDENCE_SUBMITTED", "fuan"]);

    const second = recorder();
    await quickClaimDemoSeed.run(t.platform, "350900", second.report);
    expect([second.created, second.secrets]).toEqual([[], []]);
    const keys = await createApiKeyStore(t.platform.database.db, t.clock, t.platform.ids).list();
    expect(keys.filter((k) => k.label.startsWith("demo:quickclaim:")).length).toBe(5);
  });
});
