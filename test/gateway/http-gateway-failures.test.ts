import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeTimer } from "../../adapters/marketplace/node-timer.ts";
import type { LenderGateway } from "../../core/marketplace/mod.ts";
import { withinBudget } from "../../core/marketplace/use-cases/within-budget.ts";
import { connectFakeBank } from "./support/connection.ts";
import type { FakeBank } from "./support/fake-bank.ts";
import { approval, decisionRequest, type LogLine } from "./support/gateway-fixtures.ts";

let bank: FakeBank;
let lenders: LenderGateway;
let lines: LogLine[];

beforeEach(async () => {
  ({ bank, lenders, lines } = await connectFakeBank({ timeoutMs: 1500 }));
});
afterEach(async () => {
  await bank.close();
});

const ask = (budgetMs = 1500, signal = new AbortController().signal) =>
  lenders.requestDecision(decisionRequest(), { signal, budgetMs });

const until = async (check: () => boolean, ms = 2000) => {
  const end = performance.now() + ms;
  while (!check() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe("KRN-R14 institution gateway: answers that cannot be trusted are failures (manual-queue fallback)", () => {
  it.each([
    ["signed with a secret the platform does not hold", { secret: "x".repeat(43) }, "answer refused: bad signature"],
    [
      "changed after signing",
      { tamper: (b: string) => b.replace("5000000", "9000000") },
      "answer refused: bad signature",
    ],
    [
      "signed with an unknown key id",
      { keyId: "k0" },
      "answer refused: unknown key: institution inst_ccb has no key k0",
    ],
    ["sent without signature headers", { unsigned: true }, "answer refused: missing header X-FIF-Institution"],
    ["signed six minutes ago", { skewSeconds: -360 }, "answer refused: stale timestamp"],
    ["signed six minutes ahead", { skewSeconds: 360 }, "answer refused: stale timestamp"],
    ["signed as another institution", { institutionId: "inst_cib" }, "answer refused: unknown key"],
  ])("an answer %s is refused", async (_title, sign, message) => {
    bank.reply = () => ({ kind: "json", body: approval(), sign });
    await expect(ask()).rejects.toThrow(`inst_ccb: ${message}`);
  });

  it("a replayed answer (the same nonce a second time) is refused", async () => {
    bank.reply = () => ({ kind: "json", body: approval(), sign: { nonce: "same-nonce-every-time-0001" } });
    await expect(ask()).resolves.toMatchObject({ decision: "approved" });
    await expect(ask()).rejects.toThrow("inst_ccb: answer refused: replayed nonce");
  });

  it.each([
    ["text that is not JSON", { text: "<html>busy</html>" }, "malformed answer: not JSON"],
    [
      "JSON of the wrong shape",
      { text: JSON.stringify({ ...approval(), amountGrantedFen: 12.5 }) },
      "amountGrantedFen",
    ],
    [
      "an unknown decision",
      { text: JSON.stringify({ ...approval(), decision: "maybe" }) },
      "malformed answer: decision",
    ],
    [
      "an answer about another application",
      { text: JSON.stringify(approval("app_9999")) },
      "malformed answer: it is about application app_9999, not app_0001",
    ],
    [
      "HTML content",
      { text: "{}", contentType: "text/html" },
      'malformed answer: content type "text/html" is not JSON',
    ],
    ["HTTP 503", { text: "{}", status: 503 }, "the institution answered HTTP 503"],
    ["a redirect", { text: "", status: 302, headers: { location: "http://127.0.0.1:9/x" } }, "could not reach"],
    ["an answer of 300 KB", { text: JSON.stringify({ ...approval(), pad: "x".repeat(300_000) }) }, "larger than"],
  ])("a signed answer with %s is a failure", async (_title, raw, message) => {
    bank.reply = () => ({ kind: "raw", ...raw });
    await expect(ask()).rejects.toThrow(message);
  });

  it("a slow bank: when the core's budget runs out the request is aborted and the bank sees the connection dropped", async () => {
    bank.reply = () => ({ kind: "json", body: approval(), delayMs: 5000 });
    const started = performance.now();
    const attempt = await withinBudget(nodeTimer, 200, (signal) =>
      lenders.requestDecision(decisionRequest(), { signal, budgetMs: 5000 }),
    );
    expect(attempt).toEqual({ kind: "timeout" });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await until(() => bank.requests[0]?.aborted === true)).toBe(true);
  });

  it("a slow bank: the gateway itself gives up after the budget it was given, before timeoutMs", async () => {
    bank.reply = () => ({ kind: "hang" });
    const started = performance.now();
    await expect(ask(300)).rejects.toThrow("inst_ccb: no answer within 300 ms");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a slow bank: the signal of the core stops the wait at once", async () => {
    bank.reply = () => ({ kind: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(ask(5000, controller.signal)).rejects.toThrow("abandoned: the decision budget ran out");
  });

  it("a call already cancelled is not sent at all", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(ask(5000, controller.signal)).rejects.toThrow("cancelled before the request was sent");
    expect(bank.requests).toHaveLength(0);
  });

  it("the bank is down: a failure naming the connection error, logged without personal data", async () => {
    await bank.close();
    await expect(ask()).rejects.toThrow("inst_ccb: could not reach the institution (ECONNREFUSED)");
    const warned = lines.find((l) => l.level === "warn");
    expect(warned?.fields).toMatchObject({ institutionId: "inst_ccb", applicationId: "app_0001" });
    expect(JSON.stringify(lines)).not.toContain("350802198801153019");
  });
});
