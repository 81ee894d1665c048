import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKeyStore } from "../../adapters/auth/api-key-store.ts";
import { createTestApp, jsonRequest, type TestApp } from "./support/test-app.ts";
import { newControl, type TestModuleControl, testModule } from "./support/test-module.ts";

describe("KRN-R08 幂等 idempotent POSTs", () => {
  let t: TestApp;
  let control: TestModuleControl;
  let keyA: string;
  let keyB: string;
  let n = 0;
  const nextKey = () => `order-${++n}-${Date.now()}`;

  beforeAll(async () => {
    control = newControl();
    t = await createTestApp({ modules: [testModule(control)] });
    const store = createApiKeyStore(t.database.db, t.clock, t.platform.ids);
    keyA = (await store.create({ institutionId: "bank-a", roles: ["institution_staff"], regionCodes: ["350800"] })).key;
    keyB = (await store.create({ institutionId: "bank-b", roles: ["institution_staff"], regionCodes: ["350800"] })).key;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    control.gate = undefined;
    control.fail = false;
    control.entered = () => {};
  });

  const post = (body: unknown, idemKey: string | undefined, apiKey = keyA) =>
    t.app.request(
      "/testing/orders",
      jsonRequest("POST", body, {
        Authorization: `Bearer ${apiKey}`,
        ...(idemKey ? { "Idempotency-Key": idemKey } : {}),
      }),
    );

  it("a retry with the same key and body returns the first response, marked as replayed, without running again", async () => {
    const key = nextKey();
    const first = await post({ item: "tea" }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.json();
    const runs = control.runs;

    const retry = await post({ item: "tea" }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await retry.json()).toEqual(firstBody);
    expect(control.runs).toBe(runs);
  });

  it("the same key with a different body is a 422 problem (KRN-R08)", async () => {
    const key = nextKey();
    expect((await post({ item: "tea" }, key)).status).toBe(201);
    const res = await post({ item: "rice" }, key);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      ruleId: "KRN-R08",
      field: "Idempotency-Key",
      type: "/problems/rule-violation",
    });
  });

  it("a duplicate while the first is still running is a 409 problem; the first then completes normally", async () => {
    const key = nextKey();
    let release: () => void = () => {};
    control.gate = new Promise<void>((r) => {
      release = r;
    });
    const entered = new Promise<void>((r) => {
      control.entered = r;
    });
    const first = post({ item: "seedlings" }, key);
    await entered;
    const dup = await post({ item: "seedlings" }, key);
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ ruleId: "KRN-R08", type: "/problems/conflict" });
    release();
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await post({ item: "seedlings" }, key);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("a 5xx frees the key, so the retry really runs", async () => {
    const key = nextKey();
    control.fail = true;
    const failed = await post({ item: "fertiliser" }, key);
    expect(failed.status).toBe(500);
    control.fail = false;
    const runs = control.runs;
    const retry = await post({ item: "fertiliser" }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(control.runs).toBe(runs + 1);
  });

  it("a 4xx answer is kept and replayed like a success", async () => {
    const key = nextKey();
    const bad = await post({ item: "tea", extra: 1 }, key);
    expect(bad.status).toBe(400);
    const again = await post({ item: "tea", extra: 1 }, key);
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("keys are scoped to the caller: another institution may use the same key", async () => {
    const key = nextKey();
    const a = await post({ item: "tea" }, key, keyA);
    const b = await post({ item: "tea" }, key, keyB);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(((await b.json()) as { run: number }).run).toBeGreaterThan(((await a.json()) as { run: number }).run);
  });

  it.each([
    ["missing", undefined],
    ["too long", "k".repeat(256)],
    ["with a space", "two words"],
  ])("an Idempotency-Key that is %s is a 400 problem naming the header", async (_what, key) => {
    const runs = control.runs;
    const res = await post({ item: "tea" }, key);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: "Idempotency-Key", ruleId: "KRN-R08" });
    expect(control.runs).toBe(runs);
  });
});
