import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeTimer } from "../../adapters/marketplace/node-timer.ts";
import { since } from "../../core/kernel/mod.ts";
import { type LenderGateway, LenderGatewayPort, marketplacePolicyDefaults } from "../../core/marketplace/mod.ts";
import { apply, useCases } from "../../core/marketplace/testing/flows.ts";
import { products } from "../../core/marketplace/testing/test-catalogue.ts";
import { createTestWorld, people, principals, type TestWorld } from "../../core/marketplace/testing/test-world.ts";
import { createHttpGateway } from "../../plugins/http-gateway/create-http-gateway.ts";
import { manifest } from "../../plugins/http-gateway/manifest.ts";
import { FakeBank } from "./support/fake-bank.ts";
import { newSecret, pluginContext } from "./support/gateway-fixtures.ts";

/**
 * MKT-R06 end to end through KRN-R14: the marketplace core submits 张师傅's application for
 * 建行智慧快贷 (direct-connect) and asks 建行 over signed HTTP on loopback; the core's budget is
 * 300 ms here.
 */
const pack = { ...marketplacePolicyDefaults, instantDecision: { budgetMs: since("2021-01-01", 300, "test: 300 ms") } };

let bank: FakeBank;
let world: TestWorld;

beforeEach(async () => {
  const base = await createTestWorld({ policy: pack });
  const secret = newSecret();
  bank = await FakeBank.start({ institutionId: "inst_ccb", keys: { k1: secret }, signWith: "k1", clock: base.clock });
  const config = v.parse(manifest.configSchema, {
    institutions: [
      { institutionId: "inst_ccb", baseUrl: bank.url, keyId: "k1", secretEnv: "CCB", allowHttpForTesting: true },
    ],
  });
  const { ctx } = pluginContext({ clock: base.clock });
  const lenders = createHttpGateway(config, ctx, { CCB: secret }).get(LenderGatewayPort) as LenderGateway;
  // Real time here: the bank is a real server on loopback, so the budget runs on Node's timers.
  world = { ...base, deps: { ...base.deps, lenders, timer: nodeTimer } };
});
afterEach(async () => {
  await bank.close();
});

const zhangApplies = () =>
  apply(useCases(world), principals.zhang, people.zhang, products.kuaidai, ["tax.paid", "unionpay.acquiring-flow"]);

describe("MKT-R06 秒批 over the KRN-R14 HTTPS gateway", () => {
  it("the bank approves at once: the application is APPROVED with the bank's amount, rate and reference", async () => {
    bank.reply = (r) => ({
      kind: "json",
      body: {
        applicationId: r.applicationId,
        decision: "approved",
        amountGrantedFen: 30_000_000,
        rateBp: 420,
        termMonths: 12,
        reference: "CCB-LY-0001",
      },
    });
    const { application, push } = await zhangApplies();
    expect(application.state).toBe("APPROVED");
    expect(application.instantDecision?.outcome).toBe("approved");
    expect(bank.requests[0]?.body?.push).toMatchObject({
      pushId: push.id,
      contentHash: push.contentHash,
      categories: ["tax.paid", "unionpay.acquiring-flow"],
    });
  });

  it("the bank does not answer within the budget: the application waits in the manual queue, counted as a timeout", async () => {
    bank.reply = () => ({ kind: "hang" });
    const { application } = await zhangApplies();
    expect(application.state).toBe("SUBMITTED");
    expect(application.fellBackToManual).toBe(true);
    expect(application.instantDecision?.outcome).toBe("timeout");
  });

  it("an answer with a bad signature is never applied: manual queue, the failure names the reason", async () => {
    bank.reply = (r) => ({
      kind: "json",
      body: { applicationId: r.applicationId, decision: "rejected", reason: "forged", reference: "X" },
      sign: { secret: newSecret() },
    });
    const { application } = await zhangApplies();
    expect(application.state).toBe("SUBMITTED");
    expect(application.fellBackToManual).toBe(true);
    expect(application.instantDecision?.outcome).toBe("failed");
    const stored = world.store.state.applications.get(application.id);
    expect(stored?.instantDecision?.error).toContain("answer refused: bad signature");
  });
});
