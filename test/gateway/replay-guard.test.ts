import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryReplayGuard } from "../../adapters/gateway/memory-replay-guard.ts";
import { createReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const NOW = "2026-03-02T02:00:00Z";
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const use = (nonce: string, signedAt = NOW, institutionId = "inst_ccb") => ({
  institutionId,
  nonce,
  signedAt: new Date(signedAt),
});

async function rows(regionCode: string) {
  return database.db
    .selectFrom("platform.gateway_nonces")
    .select(["institution_id", "nonce", "region_code", "signed_at", "created_at"])
    .where("region_code", "=", regionCode)
    .orderBy("nonce")
    .execute();
}

describe("KRN-R14 replay guard: a signed message is used once (platform.gateway_nonces)", () => {
  it("the first use is accepted and recorded with the region and both times; the second is refused", async () => {
    const clock = new FixedClock(NOW);
    const guard = createReplayGuard(database.db, { regionCode: "350801", clock });
    expect(await guard.firstUse(use("n-first-use-000000001", "2026-03-02T01:59:30Z"))).toBe(true);
    expect(await guard.firstUse(use("n-first-use-000000001", "2026-03-02T01:59:30Z"))).toBe(false);
    const [row] = await rows("350801");
    expect(row).toMatchObject({ institution_id: "inst_ccb", nonce: "n-first-use-000000001", region_code: "350801" });
    expect(new Date(row?.signed_at as Date).toISOString()).toBe("2026-03-02T01:59:30.000Z");
    expect(new Date(row?.created_at as Date).toISOString()).toBe("2026-03-02T02:00:00.000Z");
  });

  it("the same nonce from two institutions are two different messages", async () => {
    const guard = createReplayGuard(database.db, { regionCode: "350802", clock: new FixedClock(NOW) });
    expect(await guard.firstUse(use("n-two-banks-000000001", NOW, "inst_ccb"))).toBe(true);
    expect(await guard.firstUse(use("n-two-banks-000000001", NOW, "inst_abc"))).toBe(true);
  });

  it("of ten concurrent uses of one nonce exactly one wins", async () => {
    const guard = createReplayGuard(database.db, { regionCode: "350803", clock: new FixedClock(NOW) });
    const results = await Promise.all(Array.from({ length: 10 }, () => guard.firstUse(use("n-race-0000000000001"))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a replay into another region's guard is refused too (the key is institution + nonce)", async () => {
    const clock = new FixedClock(NOW);
    const a = createReplayGuard(database.db, { regionCode: "350804", clock });
    const b = createReplayGuard(database.db, { regionCode: "350805", clock });
    expect(await a.firstUse(use("n-cross-region-000001"))).toBe(true);
    expect(await b.firstUse(use("n-cross-region-000001"))).toBe(false);
  });

  it("nonces whose timestamp left the window are purged; those still inside it are kept", async () => {
    const clock = new FixedClock(NOW);
    const guard = createReplayGuard(database.db, { regionCode: "350806", clock, windowSeconds: 300 });
    await guard.firstUse(use("n-purge-old-000000001", "2026-03-02T01:56:00Z"));
    await guard.firstUse(use("n-purge-new-000000001", "2026-03-02T01:59:00Z"));
    clock.set("2026-03-02T02:02:00Z"); // the first is 360 s old, the second 180 s
    expect(await guard.purge()).toBe(1);
    expect((await rows("350806")).map((r) => r.nonce)).toEqual(["n-purge-new-000000001"]);
  });

  it("purging happens on its own at most once per period, before recording a nonce", async () => {
    const clock = new FixedClock(NOW);
    const guard = createReplayGuard(database.db, {
      regionCode: "350807",
      clock,
      windowSeconds: 60,
      purgeEverySeconds: 30,
    });
    await guard.firstUse(use("n-auto-purge-00000001"));
    clock.advance(61_000);
    await guard.firstUse(use("n-auto-purge-00000002", "2026-03-02T02:01:01Z"));
    expect((await rows("350807")).map((r) => r.nonce)).toEqual(["n-auto-purge-00000002"]);
  });
});

describe("KRN-R14 replay guard in memory (answers to our own requests)", () => {
  it("refuses a second use and forgets nonces once they left the window", async () => {
    const clock = new FixedClock(NOW);
    const guard = new MemoryReplayGuard(clock, 300);
    expect(await guard.firstUse(use("m-nonce-000000000001"))).toBe(true);
    expect(await guard.firstUse(use("m-nonce-000000000001"))).toBe(false);
    expect(await guard.firstUse(use("m-nonce-000000000001", NOW, "inst_abc"))).toBe(true);
    clock.advance(301_000);
    expect(await guard.firstUse(use("m-nonce-000000000002", "2026-03-02T02:05:01Z"))).toBe(true);
    expect(guard.size).toBe(1);
  });
});
