import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processOnce } from "../../adapters/platform/process-once.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("KRN-R09 receivers dedupe by event id (inbox)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`create table public.effects (event_id text not null, n int not null)`.execute(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const effects = async (eventId: string) =>
    (await t.db.selectFrom("public.effects").selectAll().where("event_id", "=", eventId).execute()).length;
  const effect = (eventId: string) => async (tx: typeof t.db) => {
    await tx.insertInto("public.effects").values({ event_id: eventId, n: 1 }).execute();
    return "done";
  };

  it("a redelivered event is skipped; its effect happened once", async () => {
    expect(await processOnce(t.db, "bank-push", "evt_1", effect("evt_1"))).toEqual({ processed: true, result: "done" });
    expect(await processOnce(t.db, "bank-push", "evt_1", effect("evt_1"))).toEqual({ processed: false });
    expect(await effects("evt_1")).toBe(1);
  });

  it("each consumer processes the event once for itself", async () => {
    await processOnce(t.db, "bank-push", "evt_2", effect("evt_2"));
    expect((await processOnce(t.db, "sms-notify", "evt_2", effect("evt_2"))).processed).toBe(true);
    expect(await effects("evt_2")).toBe(2);
  });

  it("a failed attempt leaves neither the effect nor the inbox row, so the retry runs", async () => {
    await expect(
      processOnce(t.db, "bank-push", "evt_3", async (tx) => {
        await effect("evt_3")(tx);
        throw new Error("gateway down");
      }),
    ).rejects.toThrow("gateway down");
    expect(await effects("evt_3")).toBe(0);
    expect((await processOnce(t.db, "bank-push", "evt_3", effect("evt_3"))).processed).toBe(true);
    expect(await effects("evt_3")).toBe(1);
  });

  it("ten simultaneous deliveries of one event run it once", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        processOnce(t.db, "bank-push", "evt_4", async (tx) => {
          await new Promise((r) => setTimeout(r, 5));
          return effect("evt_4")(tx);
        }),
      ),
    );
    expect(results.filter((r) => r.processed)).toHaveLength(1);
    expect(await effects("evt_4")).toBe(1);
  });
});
