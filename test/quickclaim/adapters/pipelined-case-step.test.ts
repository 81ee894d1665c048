import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeHasher } from "../../../adapters/crypto/node-hasher.ts";
import { createAuditWriter } from "../../../adapters/platform/audit-writer.ts";
import { FixedClock } from "../../../adapters/platform/fixed-clock.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import { type AuditEntryInput, DomainError, type Hasher } from "../../../core/kernel/mod.ts";
import type { QuickClaimCase } from "../../../core/quickclaim/mod.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

/**
 * The case step in two round trips on Postgres: the case save is sent pipelined with its version
 * check done by the database, and the audit chain is extended by the database (no waited-for
 * statement per entry). On PGlite the same statements are waited for one by one.
 */
describe("KRN-R09 pipelined case save: a version conflict is still a 409 with nothing written", () => {
  let t: QuickClaimTestPlatform;
  beforeAll(async () => {
    t = await createQuickClaimTestPlatform();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string, column: string, value: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(
          t.platform.database.db,
        )
      ).rows[0]?.n,
    );

  /** One transaction saving `c` as its next version, with an audit entry and an outbox event after the save. */
  const saveStep = (c: QuickClaimCase, tag: string, readAfter = false) =>
    t.deps.uow.run(async (tx) => {
      await tx.cases.update({ ...c, version: c.version + 1 });
      if (readAfter) await tx.cases.get(c.id); // a statement waited for after the pipelined save
      await tx.audit.append({
        regionCode: c.regionCode,
        actor: "staff:test",
        action: "quickclaim.case.test_save",
        objectType: "quickclaim.case",
        objectId: c.id,
        outcome: "ok",
        detail: { tag },
      });
      await tx.outbox.enqueue({
        regionCode: c.regionCode,
        type: "quickclaim.case.test_saved",
        aggregateId: c.id,
        payload: { tag },
      });
      return tag;
    });

  for (const readAfter of [false, true]) {
    it(`two saves over the same version at once: exactly one wins, the other is a 409 and writes nothing${readAfter ? " (a read after the save reports it)" : ""}`, async () => {
      const { caseId } = await driveOnPlatform(t, "evidence");
      const c = (await t.deps.uow.run((tx) => tx.cases.get(caseId))) as QuickClaimCase;
      const auditBefore = await count("platform.audit_log", "object_id", caseId);
      const outcomes = await Promise.allSettled([saveStep(c, "first", readAfter), saveStep(c, "second", readAfter)]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(DomainError);
      expect(lost[0]?.reason).toMatchObject({ ruleId: "KRN-R09", kind: "conflict", field: "version" });
      const winner = (won[0] as PromiseFulfilledResult<string>).value;
      const after = (await t.deps.uow.run((tx) => tx.cases.get(caseId))) as QuickClaimCase;
      expect(after.version).toBe(c.version + 1);
      expect(await count("platform.audit_log", "object_id", caseId)).toBe(auditBefore + 1);
      const events = await sql<{ tag: string }>`select payload->>'tag' as tag from platform.outbox
        where aggregate_id = ${caseId} and type = 'quickclaim.case.test_saved'`.execute(t.platform.database.db);
      expect(events.rows.map((r) => r.tag)).toEqual([winner]);
      expect(await verifyAuditChain(t.platform.database.db)).toMatchObject({ ok: true });
    });
  }

  it("a save over a stale version alone is a 409, and the connection serves the next step", async () => {
    const { caseId } = await driveOnPlatform(t, "evidence");
    const c = (await t.deps.uow.run((tx) => tx.cases.get(caseId))) as QuickClaimCase;
    await saveStep(c, "fresh");
    await expect(saveStep(c, "stale")).rejects.toMatchObject({ ruleId: "KRN-R09", kind: "conflict" });
    await expect(saveStep({ ...c, version: c.version + 1 }, "next")).resolves.toBe("next");
    const events = await sql<{ tag: string }>`select payload->>'tag' as tag from platform.outbox
      where aggregate_id = ${caseId} and type = 'quickclaim.case.test_saved' order by created_at, id`.execute(
      t.platform.database.db,
    );
    expect(events.rows.map((r) => r.tag).sort()).toEqual(["fresh", "next"]);
  });
});

describe("KRN-R07 audit chain extended by the database (chainInDatabase): the same chain the writer computes", () => {
  let t: TestDatabase;
  const clock = new FixedClock("2026-11-27T08:00:00.000Z");
  const IN_DB = { pipelined: true, chainInDatabase: true } as const;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  const entry = (regionCode: string, i: number, detail: Record<string, unknown> = { i }): AuditEntryInput => ({
    regionCode,
    actor: "staff:clerk-1",
    action: "quickclaim.case.party_items",
    objectType: "quickclaim.case",
    objectId: `qccase_${i}`,
    outcome: "ok",
    detail,
  });

  it("many transactions appending to one new region at once: one gap-free chain that verifies", async () => {
    const n = 16;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.db.transaction().execute(async (tx) => {
          const w = createAuditWriter(tx, clock, undefined, i % 4 === 3 ? { pipelined: true } : IN_DB);
          await w.append(entry("350981", i));
          await w.append(entry("350981", 100 + i));
        }),
      ),
    );
    expect(await verifyAuditChain(t.db, { regionCode: "350981" })).toEqual({ ok: true, checked: 2 * n, regions: 1 });
    const seqs = await sql<{
      seq: number;
    }>`select seq from platform.audit_log where region_code = '350981' order by seq`.execute(t.db);
    expect(seqs.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 2 * n }, (_, i) => i + 1));
    const head = await sql<{ seq: number }>`select seq from platform.audit_head where region_code = '350981'`.execute(
      t.db,
    );
    expect(Number(head.rows[0]?.seq)).toBe(2 * n);
  });

  it("the database hashes exactly the text the writer would: non-ASCII, quotes, escapes, odd characters", async () => {
    const details = [
      { note: "闽J8K627 车主 陈某" },
      { note: 'quote " backslash \\ slash / tab \t newline \n' },
      { note: "emoji 🚗 and line separator \u2028 and NUL \u0000 and lone \ud800" },
      { nested: { b: [1, 2.5, -3, 1e21, null, true], a: "z" }, 'key with "quote"': 1 },
      {},
    ];
    for (const [i, d] of details.entries()) {
      clock.advance(1);
      await t.db
        .transaction()
        .execute((tx) => createAuditWriter(tx, clock, undefined, IN_DB).append(entry("350982", i, d)));
      // and the writer's own hash on the next entry of the same chain
      await t.db.transaction().execute((tx) => createAuditWriter(tx, clock).append(entry("350982", 50 + i, d)));
    }
    expect(await verifyAuditChain(t.db, { regionCode: "350982" })).toEqual({
      ok: true,
      checked: 2 * details.length,
      regions: 1,
    });
  });

  it("a rolled-back transaction takes its entry and the head it created with it", async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await createAuditWriter(tx, clock, undefined, IN_DB).append(entry("350983", 1));
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    const rows = await sql<{
      n: number;
    }>`select (select count(*) from platform.audit_log where region_code = '350983')::int
      + (select count(*) from platform.audit_head where region_code = '350983')::int as n`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("with a hasher other than the node SHA-256 one, the writer hashes in the application (as pipelined)", async () => {
    const calls: string[] = [];
    const node = new NodeHasher();
    const counting: Hasher = {
      sha256Hex(text) {
        calls.push(text);
        return node.sha256Hex(text);
      },
    };
    await t.db.transaction().execute((tx) => createAuditWriter(tx, clock, counting, IN_DB).append(entry("350984", 1)));
    expect(calls).toHaveLength(1);
    expect(await verifyAuditChain(t.db, { regionCode: "350984" })).toMatchObject({ ok: true, checked: 1 });
  });
});
