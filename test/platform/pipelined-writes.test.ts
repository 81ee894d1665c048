import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PIPELINED } from "../../adapters/db/create-database.ts";
import { createAuditWriter } from "../../adapters/platform/audit-writer.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { createOutboxWriter } from "../../adapters/platform/outbox-writer.ts";
import { verifyAuditChain } from "../../adapters/platform/verify-audit-chain.ts";
import type { AuditEntryInput, IdGenerator } from "../../core/kernel/mod.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const clock = new FixedClock("2026-11-27T08:00:00.000Z");
const PIPE = { pipelined: true } as const;

function entry(regionCode: string, i: number): AuditEntryInput {
  return {
    regionCode,
    actor: "staff:clerk-1",
    action: "quickclaim.case.party_items",
    objectType: "quickclaim.case",
    objectId: `qccase_${i}`,
    outcome: "ok",
    detail: { i, mobile: "13800000000" },
  };
}

/** Ids that repeat: the second event with the same id violates the outbox's primary key. */
const sameId = (id: string): IdGenerator => ({ next: () => id });
const event = (i: number) => ({
  regionCode: "350902",
  type: "quickclaim.case.party_items_given",
  aggregateId: `qccase_${i}`,
  payload: { i },
});

describe("KRN-R07/R09 pipelined audit and outbox writes (one transaction, fewer round trips)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string, where: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(
          t.db,
        )
      ).rows[0]?.n,
    );

  it("chains entries exactly as the plain writer does: new region, many entries, both writers mixed", async () => {
    for (let i = 1; i <= 6; i++) {
      clock.advance(1000);
      await t.db.transaction().execute(async (tx) => {
        const writer = createAuditWriter(tx, clock, undefined, i % 3 === 0 ? {} : PIPE);
        await writer.append(entry("350921", i));
        await writer.append(entry("350922", i));
      });
    }
    // not in a transaction: the pipelined writer opens its own
    await createAuditWriter(t.db, clock, undefined, PIPE).append(entry("350921", 7));
    const report = await verifyAuditChain(t.db);
    expect(report).toEqual({ ok: true, checked: 13, regions: 2 });
    const head = await t.db
      .selectFrom("platform.audit_head")
      .select(["seq"])
      .where("region_code", "=", "350921")
      .executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(7);
    const stored = await sql<{ d: string }>`select detail::text as d from platform.audit_log`.execute(t.db);
    expect(stored.rows.some((r) => r.d.includes("13800000000"))).toBe(false); // C2 still redacted
  });

  it("a pipelined write that fails fails the transaction at COMMIT with its own error, and nothing is stored", async () => {
    await t.db.transaction().execute((tx) => createOutboxWriter(tx, clock, sameId("evt_dup1"), PIPE).enqueue(event(1)));
    const failing = t.db.transaction().execute(async (tx) => {
      await createAuditWriter(tx, clock, undefined, PIPE).append(entry("350923", 1));
      await createOutboxWriter(tx, clock, sameId("evt_dup1"), PIPE).enqueue(event(2)); // duplicate id
    });
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    expect(await count("platform.audit_log", "region_code = '350923'")).toBe(0);
    expect(await count("platform.audit_head", "region_code = '350923'")).toBe(0);
    expect(await count("platform.outbox", "aggregate_id = 'qccase_2'")).toBe(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("the next statement that is waited for raises the pipelined failure, not 'transaction aborted'", async () => {
    await t.db.transaction().execute((tx) => createOutboxWriter(tx, clock, sameId("evt_dup2"), PIPE).enqueue(event(3)));
    const failing = t.db.transaction().execute(async (tx) => {
      await createOutboxWriter(tx, clock, sameId("evt_dup2"), PIPE).enqueue(event(4));
      await sql`select 1`.execute(tx);
    });
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    expect(await count("platform.outbox", "aggregate_id = 'qccase_4'")).toBe(0);
  });

  it("a rolled-back transaction takes its pipelined writes with it; the connection stays usable", async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await createAuditWriter(tx, clock, undefined, PIPE).append(entry("350924", 1));
        await createOutboxWriter(tx, clock, sameId("evt_rb"), PIPE).enqueue(event(5));
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await count("platform.audit_log", "region_code = '350924'")).toBe(0);
    expect(await count("platform.outbox", "id = 'evt_rb'")).toBe(0);
    for (let i = 0; i < 3; i++) await createAuditWriter(t.db, clock, undefined, PIPE).append(entry("350924", 2 + i));
    expect(await verifyAuditChain(t.db, { regionCode: "350924" })).toMatchObject({ ok: true, checked: 3 });
  });

  it("outside a transaction the marker is only a comment: the statement is waited for", async () => {
    await sql`${sql.raw(PIPELINED)}insert into platform.outbox (id, region_code, type, aggregate_id, payload, created_at, next_attempt_at)
      values ('evt_plain', '350902', 'quickclaim.case.x', 'qccase_9', '{}', now(), now())`.execute(t.db);
    await expect(
      sql`${sql.raw(PIPELINED)}insert into platform.outbox (id, region_code, type, aggregate_id, payload, created_at, next_attempt_at)
        values ('evt_plain', '350902', 'quickclaim.case.x', 'qccase_9', '{}', now(), now())`.execute(t.db),
    ).rejects.toMatchObject({ code: "23505" });
  });
});
