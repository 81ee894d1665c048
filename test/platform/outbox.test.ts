import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { listDeadOutboxEvents, requeueDeadOutboxEvent } from "../../adapters/platform/outbox-admin.ts";
import { OutboxDispatcher, type OutboxEvent } from "../../adapters/platform/outbox-dispatcher.ts";
import { createOutboxWriter } from "../../adapters/platform/outbox-writer.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import type { OutboxEventInput } from "../../core/kernel/mod.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const quiet = { onError: () => {} };

function event(i: number, type = "marketplace.application.submitted"): OutboxEventInput {
  return { regionCode: "350900", type, aggregateId: `app_${i}`, payload: { i, amountFen: 100_000 * i } };
}

describe("KRN-R09/R10 transactional outbox", () => {
  let t: TestDatabase;
  let clock: FixedClock;
  const ids = new RandomIds();
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    clock = new FixedClock("2026-11-27T08:00:00.000Z");
    await t.db.deleteFrom("platform.outbox").execute();
  });

  async function enqueue(...events: OutboxEventInput[]): Promise<void> {
    await t.db.transaction().execute(async (tx) => {
      const w = createOutboxWriter(tx, clock, ids);
      for (const e of events) await w.enqueue(e);
    });
  }
  const outbox = () => t.db.selectFrom("platform.outbox").selectAll().orderBy("id").execute();

  it("an event written in a rolled-back transaction is never stored; a committed one is", async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await createOutboxWriter(tx, clock, ids).enqueue(event(1));
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await outbox()).toEqual([]);
    await enqueue(event(2));
    const [row] = await outbox();
    expect(row).toMatchObject({
      region_code: "350900",
      aggregate_id: "app_2",
      payload: { i: 2, amountFen: 200_000 },
      attempts: 0,
    });
    expect(row!.id).toMatch(/^evt_/);
  });

  it("delivers an event to every subscriber of its type and marks it delivered", async () => {
    await enqueue(event(1));
    const seen: OutboxEvent[] = [];
    const d = new OutboxDispatcher(t.db, { clock, ...quiet });
    d.subscribe("marketplace.application.submitted", async (e) => void seen.push(e));
    d.subscribe("marketplace.application.submitted", async (e) => void seen.push(e));
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 1, failed: 0, dead: 0 });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ regionCode: "350900", aggregateId: "app_1", payload: { i: 1 }, attempt: 1 });
    const [row] = await outbox();
    expect(row!.delivered_at).toEqual(clock.now());
    expect(row!.locked_by).toBeNull();
    expect(await d.runOnce()).toEqual({ claimed: 0, delivered: 0, failed: 0, dead: 0 });
  });

  it("an event nobody subscribes to is marked delivered with a note", async () => {
    await enqueue(event(1, "factors.factor.unheard"));
    const d = new OutboxDispatcher(t.db, { clock, instanceId: "node-a", ...quiet });
    expect((await d.runOnce()).delivered).toBe(1);
    const [row] = await outbox();
    expect(row!.delivered_at).not.toBeNull();
    expect(row!.note).toBe("no subscriber for factors.factor.unheard on node-a");
  });

  it("a failing handler is retried with growing delays and ends dead (kept, visible) after maxAttempts", async () => {
    await enqueue(event(1));
    const d = new OutboxDispatcher(t.db, { clock, maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000, ...quiet });
    let calls = 0;
    d.subscribe("marketplace.application.submitted", async () => {
      calls += 1;
      throw new Error("bank gateway timed out for 13812345678");
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await d.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      const [row] = await outbox();
      const delay = row!.next_attempt_at.getTime() - clock.now().getTime();
      delays.push(delay);
      expect(row).toMatchObject({ attempts: attempt, locked_by: null, dead_at: null });
      expect(row!.last_error).toBe("Error: bank gateway timed out for 138****5678");
      clock.advance(delay - 1);
      expect((await d.runOnce()).claimed).toBe(0); // not due yet
      clock.advance(1);
    }
    expect(delays).toEqual([1000, 2000, 3000]); // doubling, capped at maxDelayMs
    expect(await d.runOnce()).toEqual({ claimed: 1, delivered: 0, failed: 0, dead: 1 });
    expect(calls).toBe(4);
    const [dead] = await outbox();
    expect(dead).toMatchObject({ attempts: 4, delivered_at: null });
    expect(dead!.dead_at).toEqual(clock.now());
    clock.advance(24 * 3600_000);
    expect((await d.runOnce()).claimed).toBe(0); // dead events are never picked up again
    const listed = await listDeadOutboxEvents(t.db, { regionCode: "350900" });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: dead!.id, attempts: 4, type: "marketplace.application.submitted" });
    // A person re-queues it once the gateway is back.
    expect(await requeueDeadOutboxEvent(t.db, clock, dead!.id)).toBe(true);
    expect(await requeueDeadOutboxEvent(t.db, clock, dead!.id)).toBe(false);
    const healthy = new OutboxDispatcher(t.db, { clock, ...quiet });
    healthy.subscribe("marketplace.application.submitted", async () => {});
    expect((await healthy.runOnce()).delivered).toBe(1);
  });

  it("a handler that does not finish in time counts as failed", async () => {
    await enqueue(event(1));
    const d = new OutboxDispatcher(t.db, { clock, handlerTimeoutMs: 20, ...quiet });
    d.subscribe("marketplace.application.submitted", () => new Promise(() => {}));
    expect(await d.runOnce()).toMatchObject({ failed: 1 });
    expect((await outbox())[0]!.last_error).toMatch(/did not finish within 20 ms/);
  });

  it("the claim of a crashed instance is taken over once its lock has run out", async () => {
    await enqueue(event(1));
    // Instance A claims the event (as its claim transaction does) and dies before marking it.
    await t.db
      .updateTable("platform.outbox")
      .set({ locked_by: "node-a", locked_until: new Date(clock.now().getTime() + 60_000), attempts: 1 })
      .execute();
    const b = new OutboxDispatcher(t.db, { clock, instanceId: "node-b", ...quiet });
    const seen: OutboxEvent[] = [];
    b.subscribe("marketplace.application.submitted", async (e) => void seen.push(e));
    expect((await b.runOnce()).claimed).toBe(0);
    clock.advance(60_000);
    expect(await b.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(seen[0]!.attempt).toBe(2);
  });

  it("a late failure report from an instance that lost its claim does not overwrite the new owner's", async () => {
    await enqueue(event(1));
    const a = new OutboxDispatcher(t.db, { clock, instanceId: "node-a", lockMs: 1000, ...quiet });
    let release!: () => void;
    a.subscribe(
      "marketplace.application.submitted",
      () => new Promise<void>((_, reject) => (release = () => reject(new Error("late")))),
    );
    const slow = a.runOnce();
    await new Promise((r) => setTimeout(r, 50));
    clock.advance(1000);
    const b = new OutboxDispatcher(t.db, { clock, instanceId: "node-b", ...quiet });
    b.subscribe("marketplace.application.submitted", async () => {});
    expect(await b.runOnce()).toMatchObject({ delivered: 1 });
    release();
    await slow;
    const [row] = await outbox();
    expect(row!.delivered_at).not.toBeNull();
    expect(row!.last_error).toBeNull();
  });

  it("two dispatcher instances running at once over 200 events deliver each exactly once", async () => {
    const events = Array.from({ length: 200 }, (_, i) => event(i));
    for (let i = 0; i < events.length; i += 50) await enqueue(...events.slice(i, i + 50));
    const calls = new Map<string, number>();
    const byInstance = { a: 0, b: 0 };
    const make = (name: "a" | "b") => {
      const d = new OutboxDispatcher(t.db, { clock, instanceId: `node-${name}`, batchSize: 10, ...quiet });
      d.subscribe("marketplace.application.submitted", async (e) => {
        calls.set(e.id, (calls.get(e.id) ?? 0) + 1);
        byInstance[name] += 1;
        await new Promise((r) => setTimeout(r, 1));
      });
      return d;
    };
    const [a, b] = [make("a"), make("b")];
    const drain = async (d: OutboxDispatcher) => {
      while ((await d.runOnce()).claimed > 0) {}
    };
    await Promise.all([drain(a), drain(b)]);
    expect(calls.size).toBe(200);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(byInstance.a + byInstance.b).toBe(200);
    if (t.kind === "postgres") {
      expect(byInstance.a).toBeGreaterThan(0);
      expect(byInstance.b).toBeGreaterThan(0);
    }
    const pending = await t.db.selectFrom("platform.outbox").select("id").where("delivered_at", "is", null).execute();
    expect(pending).toEqual([]);
  });

  it("start() polls until stop(), and stop() waits for the run in progress", async () => {
    const d = new OutboxDispatcher(t.db, { clock, ...quiet });
    const seen: string[] = [];
    d.subscribe("marketplace.application.submitted", async (e) => void seen.push(e.aggregateId));
    d.start(10);
    await enqueue(event(1), event(2));
    for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await d.stop();
    expect(seen.sort()).toEqual(["app_1", "app_2"]);
    await enqueue(event(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["a region code that is not 6 digits", { regionCode: "3509" }],
    ["a type without a module prefix", { type: "submitted" }],
    ["an empty aggregate id", { aggregateId: "" }],
    ["an array payload", { payload: [1] as unknown as Record<string, unknown> }],
  ])("the writer refuses %s", async (_title, change) => {
    await expect(createOutboxWriter(t.db, clock, ids).enqueue({ ...event(1), ...change })).rejects.toThrow(TypeError);
  });
});
