import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_GENESIS_HASH } from "../../adapters/platform/audit-hash.ts";
import { createAuditWriter } from "../../adapters/platform/audit-writer.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { verifyAuditChain } from "../../adapters/platform/verify-audit-chain.ts";
import type { AuditEntryInput } from "../../core/kernel/mod.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const clock = new FixedClock("2026-11-27T08:00:00.000Z");

function entry(regionCode: string, i: number, detail: Record<string, unknown> = {}): AuditEntryInput {
  return {
    regionCode,
    actor: "inst:ccb/u1",
    action: "factor.confirm",
    objectType: "factor",
    objectId: `fac_${i}`,
    outcome: "ok",
    detail: { i, ...detail },
  };
}

describe("KRN-R07 hash-chained audit log", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Appends `n` entries to a region, each in its own committed transaction. */
  async function appendMany(regionCode: string, n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      clock.advance(1000);
      await t.db.transaction().execute((tx) => createAuditWriter(tx, clock).append(entry(regionCode, i)));
    }
  }

  const rows = (regionCode: string) =>
    t.db.selectFrom("platform.audit_log").selectAll().where("region_code", "=", regionCode).orderBy("seq").execute();

  it("numbers entries 1, 2, 3… per region, each linking to the hash before it", async () => {
    await appendMany("350902", 4);
    await appendMany("350802", 2);
    const ningde = await rows("350902");
    expect(ningde.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(ningde[0]!.prev_hash).toBe(AUDIT_GENESIS_HASH);
    for (let i = 1; i < ningde.length; i++) expect(ningde[i]!.prev_hash).toBe(ningde[i - 1]!.hash);
    expect((await rows("350802")).map((r) => r.seq)).toEqual([1, 2]);
    const head = await t.db
      .selectFrom("platform.audit_head")
      .selectAll()
      .where("region_code", "=", "350902")
      .executeTakeFirst();
    expect(head).toMatchObject({ seq: 4, hash: ningde[3]!.hash });
    expect(await verifyAuditChain(t.db, { regionCode: "350902" })).toEqual({ ok: true, checked: 4, regions: 1 });
  });

  it("stores the detail with C2 data masked and C3 data removed, and the chain still verifies", async () => {
    await t.db.transaction().execute((tx) =>
      createAuditWriter(tx, clock).append(
        entry("350921", 1, {
          applicant: { mobile: "13812345678", idNumber: "350902199001011234" },
          note: "卡号 6222021234567890128",
          smsCode: "123456",
        }),
      ),
    );
    const [row] = await rows("350921");
    expect(row!.detail).toEqual({
      i: 1,
      applicant: { mobile: "138****5678", idNumber: "3****************4" },
      note: "卡号 622202*********0128",
      smsCode: "[C3 redacted]",
    });
    expect(JSON.stringify(row)).not.toContain("13812345678");
    expect((await verifyAuditChain(t.db, { regionCode: "350921" })).ok).toBe(true);
  });

  it("text jsonb cannot hold (NUL, unpaired surrogates) is replaced, not a failed use case", async () => {
    await createAuditWriter(t.db, clock).append(entry("350927", 1, { note: "a\u0000b", odd: "x\uD800y", ok: "😀" }));
    const [row] = await rows("350927");
    expect(row!.detail).toEqual({ i: 1, note: "a\uFFFDb", odd: "x\uFFFDy", ok: "😀" });
    expect((await verifyAuditChain(t.db, { regionCode: "350927" })).ok).toBe(true);
  });

  it("an edited detail is reported at that entry", async () => {
    await appendMany("350922", 5);
    await sql`update platform.audit_log set detail = '{"i": 99}'::jsonb where region_code = '350922' and seq = 3`.execute(
      t.db,
    );
    const report = await verifyAuditChain(t.db, { regionCode: "350922" });
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(2);
    expect(report.firstBroken).toMatchObject({ regionCode: "350922", seq: 3 });
    expect(report.firstBroken!.reason).toMatch(/edited/);
  });

  it("an edited outcome, or a time moved by one microsecond, is reported too", async () => {
    await appendMany("350923", 3);
    await sql`update platform.audit_log set outcome = 'denied' where region_code = '350923' and seq = 2`.execute(t.db);
    expect((await verifyAuditChain(t.db, { regionCode: "350923" })).firstBroken).toMatchObject({ seq: 2 });
    await appendMany("350924", 3);
    await sql`update platform.audit_log set at = at + interval '1 microsecond' where region_code = '350924' and seq = 1`.execute(
      t.db,
    );
    expect((await verifyAuditChain(t.db, { regionCode: "350924" })).firstBroken).toMatchObject({ seq: 1 });
  });

  it("a deleted entry is reported at its number", async () => {
    await appendMany("350925", 5);
    await sql`delete from platform.audit_log where region_code = '350925' and seq = 2`.execute(t.db);
    const report = await verifyAuditChain(t.db, { regionCode: "350925" });
    expect(report.firstBroken).toMatchObject({ regionCode: "350925", seq: 2 });
    expect(report.firstBroken!.reason).toMatch(/missing/);
  });

  it("deleting the newest entries is caught by the chain head", async () => {
    await appendMany("350926", 5);
    await sql`delete from platform.audit_log where region_code = '350926' and seq >= 4`.execute(t.db);
    const report = await verifyAuditChain(t.db, { regionCode: "350926" });
    expect(report.firstBroken).toMatchObject({ regionCode: "350926", seq: 4 });
  });

  it("re-ordered entries are reported at the first position that moved", async () => {
    await appendMany("350981", 5);
    await t.db.transaction().execute(async (tx) => {
      const swap = (from: number, to: number) =>
        sql`update platform.audit_log set seq = ${to} where region_code = '350981' and seq = ${from}`.execute(tx);
      await swap(3, -1);
      await swap(4, 3);
      await swap(-1, 4);
    });
    const report = await verifyAuditChain(t.db, { regionCode: "350981" });
    expect(report.firstBroken).toMatchObject({ regionCode: "350981", seq: 3 });
    expect(report.firstBroken!.reason).toMatch(/re-ordered/);
  });

  it("a rolled-back transaction leaves no entry and does not move the chain head", async () => {
    await appendMany("350982", 2);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await createAuditWriter(tx, clock).append(entry("350982", 3));
        throw new Error("the use case failed after auditing");
      }),
    ).rejects.toThrow("the use case failed");
    // A region's very first entry rolled back leaves no head either.
    await expect(
      t.db.transaction().execute(async (tx) => {
        await createAuditWriter(tx, clock).append(entry("350803", 1));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await rows("350982")).map((r) => r.seq)).toEqual([1, 2]);
    const heads = await t.db
      .selectFrom("platform.audit_head")
      .select(["region_code", "seq"])
      .where("region_code", "in", ["350982", "350803"])
      .execute();
    expect(heads).toEqual([{ region_code: "350982", seq: 2 }]);
    await appendMany("350982", 1);
    expect(await verifyAuditChain(t.db, { regionCode: "350982" })).toEqual({ ok: true, checked: 3, regions: 1 });
  });

  it("20 concurrent transactions in one region give one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction().execute(async (tx) => {
          await sql`select 1`.execute(tx); // take a connection first so the transactions overlap
          await createAuditWriter(tx, clock).append(entry("350821", i));
          await new Promise((r) => setTimeout(r, 5)); // hold the head lock a moment
          await createAuditWriter(tx, clock).append(entry("350821", 100 + i));
        }),
      ),
    );
    const all = await rows("350821");
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Both entries of one transaction sit next to each other: the lock is held to commit.
    for (let i = 0; i < 40; i += 2) expect(all[i + 1]!.detail.i).toBe(all[i]!.detail.i + 100);
    expect(await verifyAuditChain(t.db, { regionCode: "350821" })).toEqual({ ok: true, checked: 40, regions: 1 });
  });

  it("verifies in small batches and finds a break in a later batch", async () => {
    await appendMany("350823", 10);
    expect(await verifyAuditChain(t.db, { regionCode: "350823", batchSize: 3 })).toEqual({
      ok: true,
      checked: 10,
      regions: 1,
    });
    await sql`update platform.audit_log set actor = 'someone' where region_code = '350823' and seq = 8`.execute(t.db);
    expect((await verifyAuditChain(t.db, { regionCode: "350823", batchSize: 3 })).firstBroken).toMatchObject({
      seq: 8,
    });
  });

  it("appends through a plain database handle in a transaction of its own", async () => {
    await createAuditWriter(t.db, clock).append(entry("350824", 1));
    await createAuditWriter(t.db, clock).append(entry("350824", 2));
    expect(await verifyAuditChain(t.db, { regionCode: "350824" })).toEqual({ ok: true, checked: 2, regions: 1 });
  });

  it("a region that has no entries verifies as empty", async () => {
    expect(await verifyAuditChain(t.db, { regionCode: "350881" })).toEqual({ ok: true, checked: 0, regions: 1 });
  });

  it.each([
    ["a region code that is not 6 digits", { regionCode: "35090" }],
    ["an empty actor", { actor: "" }],
    ["an unknown outcome", { outcome: "maybe" }],
  ])("refuses an entry with %s", async (_title, change) => {
    await expect(
      createAuditWriter(t.db, clock).append({ ...entry("350825", 1), ...change } as AuditEntryInput),
    ).rejects.toThrow(TypeError);
  });

  it("over the whole database, names the first broken region and entry", async () => {
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    // Regions are checked in code order; 350821 and 350824 are intact, 350823 was edited at 8.
    expect(report.firstBroken).toMatchObject({ regionCode: "350823", seq: 8 });
  });
});
