import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import {
  createIdempotencyStore,
  type IdempotencyStore,
  idempotencyRequestHash,
} from "../../adapters/platform/idempotency-store.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const SCOPE = "inst:ccb/u1 POST /api/marketplace/applications";
const created = {
  status: 201,
  headers: { "content-type": "application/json", location: "/x/1" },
  body: '{"id":"app_1"}',
};

describe("KRN-R08 idempotency keys", () => {
  let t: TestDatabase;
  let clock: FixedClock;
  let store: IdempotencyStore;
  beforeAll(async () => {
    t = await createTestDatabase();
    clock = new FixedClock("2026-11-27T08:00:00.000Z");
    store = createIdempotencyStore(t.db, clock);
  });
  afterAll(async () => {
    await t?.close();
  });

  const h = (body: unknown) => idempotencyRequestHash(body);

  it("a retry with the same key and body gets the first response back", async () => {
    expect(await store.begin(SCOPE, "k-replay", h({ amount: "100.00" }))).toEqual({ kind: "new" });
    await store.complete(SCOPE, "k-replay", created);
    expect(await store.begin(SCOPE, "k-replay", h({ amount: "100.00" }))).toEqual({ kind: "replay", ...created });
  });

  it("the same key with a different body is refused (422), before and after completion", async () => {
    await store.begin(SCOPE, "k-mismatch", h({ amount: "100.00" }));
    expect(await store.begin(SCOPE, "k-mismatch", h({ amount: "999.00" }))).toEqual({ kind: "mismatch" });
    await store.complete(SCOPE, "k-mismatch", created);
    expect(await store.begin(SCOPE, "k-mismatch", h({ amount: "999.00" }))).toEqual({ kind: "mismatch" });
  });

  it("a retry while the first is still running is told so (409)", async () => {
    await store.begin(SCOPE, "k-running", h({ a: 1 }));
    expect(await store.begin(SCOPE, "k-running", h({ a: 1 }))).toEqual({ kind: "in_progress" });
  });

  it("a 4xx result is stored and replayed like a success", async () => {
    const refused = { status: 422, headers: { "content-type": "application/problem+json" }, body: '{"title":"bad"}' };
    await store.begin(SCOPE, "k-4xx", h({ a: 1 }));
    await store.complete(SCOPE, "k-4xx", refused);
    expect(await store.begin(SCOPE, "k-4xx", h({ a: 1 }))).toEqual({ kind: "replay", ...refused });
  });

  it("a failed first attempt (5xx) that is abandoned frees the key for a retry", async () => {
    await store.begin(SCOPE, "k-5xx", h({ a: 1 }));
    await store.abandon(SCOPE, "k-5xx");
    expect(await store.begin(SCOPE, "k-5xx", h({ a: 1 }))).toEqual({ kind: "new" });
  });

  it("abandon does not discard a completed response", async () => {
    await store.begin(SCOPE, "k-done", h({ a: 1 }));
    await store.complete(SCOPE, "k-done", created);
    await store.abandon(SCOPE, "k-done");
    expect((await store.begin(SCOPE, "k-done", h({ a: 1 }))).kind).toBe("replay");
  });

  it("keys belong to their scope: another principal or route with the same key starts afresh", async () => {
    await store.begin(SCOPE, "k-shared", h({ a: 1 }));
    expect(await store.begin("inst:pingan/u9 POST /api/marketplace/applications", "k-shared", h({ a: 1 }))).toEqual({
      kind: "new",
    });
  });

  it("a first attempt that crashed (lease of 60 s run out) is taken over by one retry", async () => {
    await store.begin(SCOPE, "k-lease", h({ a: 1 }));
    clock.advance(59_000);
    expect((await store.begin(SCOPE, "k-lease", h({ a: 1 }))).kind).toBe("in_progress");
    clock.advance(2_000);
    const racing = await Promise.all([1, 2, 3].map(() => store.begin(SCOPE, "k-lease", h({ a: 1 }))));
    expect(racing.filter((r) => r.kind === "new")).toHaveLength(1);
    expect(racing.filter((r) => r.kind === "in_progress")).toHaveLength(2);
  });

  it("a key expires after 24 hours and may then be used for a new request", async () => {
    await store.begin(SCOPE, "k-expiry", h({ a: 1 }));
    await store.complete(SCOPE, "k-expiry", created);
    clock.advance(24 * 3600_000 - 1);
    expect((await store.begin(SCOPE, "k-expiry", h({ a: 2 }))).kind).toBe("mismatch");
    clock.advance(1);
    expect(await store.begin(SCOPE, "k-expiry", h({ a: 2 }))).toEqual({ kind: "new" });
  });

  it("of 20 concurrent first requests with one key exactly one runs; the others are told it is running", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.begin(SCOPE, "k-concurrent", h({ amount: "100.00" }))),
    );
    expect(results.filter((r) => r.kind === "new")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "in_progress")).toHaveLength(19);
  });

  it("housekeeping removes expired keys only", async () => {
    const local = createIdempotencyStore(t.db, clock, { ttlMs: 1000 });
    await local.begin("housekeeping", "old", h(1));
    clock.advance(1000);
    await local.begin("housekeeping", "fresh", h(1));
    const removed = await local.purgeExpired();
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await t.db
      .selectFrom("platform.idempotency")
      .select("key")
      .where("scope", "=", "housekeeping")
      .execute();
    expect(left.map((r) => r.key)).toEqual(["fresh"]);
  });

  it.each([[""], ["has space"], ["x".repeat(256)], ["中文"]])("refuses the key %j", async (key) => {
    await expect(store.begin(SCOPE, key, h(1))).rejects.toThrow(/idempotency key/);
  });

  it("the request hash ignores key order and whitespace but not values (property)", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(idempotencyRequestHash(reversed)).toBe(idempotencyRequestHash(obj));
        expect(idempotencyRequestHash(JSON.parse(JSON.stringify(obj, null, 2)))).toBe(idempotencyRequestHash(obj));
      }),
    );
    expect(idempotencyRequestHash({ amount: "100.00" })).not.toBe(idempotencyRequestHash({ amount: "100.01" }));
  });
});
