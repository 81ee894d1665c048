import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KyselyFactorsUnitOfWork } from "../../../adapters/factors/kysely-unit-of-work.ts";
import { FixedClock } from "../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../adapters/platform/random-ids.ts";
import { acceptMortgage, applyForMortgage, registerLien, valueCollateral } from "../../../core/factors/mod.ts";
import { aFactor, marineBundle, offer, demoPrincipals as who } from "../../../core/factors/testing/mod.ts";
import { kyselyTestbed } from "./kysely-testbed.ts";

describe("the kysely factors store keeps its guarantees (KRN-R09, FAC-R06, append-only history)", () => {
  let tb: Awaited<ReturnType<typeof kyselyTestbed>>;
  beforeAll(async () => {
    tb = await kyselyTestbed();
  });
  afterAll(async () => {
    await tb?.database.close();
  });

  it("a unit of work that fails writes nothing: no row, no audit entry, no outgoing event", async () => {
    const db = tb.database.db;
    const uow = new KyselyFactorsUnitOfWork(db, {
      clock: new FixedClock("2026-03-02T02:00:00Z"),
      ids: new RandomIds(),
    });
    const count = async () => {
      const r = await sql<{ f: number; a: number; o: number }>`select
        (select count(*) from factors.factors)::int as f,
        (select count(*) from platform.audit_log)::int as a,
        (select count(*) from platform.outbox)::int as o`.execute(db);
      return r.rows[0];
    };
    const before = await count();
    await expect(
      uow.run(async (tx) => {
        await tx.factors.insert(aFactor({ id: "fac-doomed", regionCode: "350900" }));
        await tx.audit.append({
          regionCode: "350900",
          actor: "t",
          action: "x.y",
          objectType: "factor",
          objectId: "fac-doomed",
          outcome: "ok",
        });
        await tx.outbox.enqueue({
          regionCode: "350900",
          type: "factors.factor.registered",
          aggregateId: "fac-doomed",
          payload: {},
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await count()).toEqual(before);
  });

  it("an update against a stale version changes nothing and says so (optimistic concurrency)", async () => {
    const uow = new KyselyFactorsUnitOfWork(tb.database.db, { clock: tb.clock, ids: new RandomIds() });
    await uow.run((tx) => tx.factors.insert(aFactor({ id: "fac-opt", regionCode: "350900" })));
    const f = await uow.run((tx) => tx.factors.get("350900", "fac-opt"));
    expect(f?.version).toBe(1);
    expect(await uow.run((tx) => tx.factors.update({ ...f!, title: "first", version: 2 }))).toBe(true);
    expect(await uow.run((tx) => tx.factors.update({ ...f!, title: "stale", version: 2 }))).toBe(false);
    expect((await uow.run((tx) => tx.factors.get("350900", "fac-opt")))?.title).toBe("first");
    expect(await uow.run((tx) => tx.factors.get("350800", "fac-opt"))).toBeNull();
  });

  it("the history is append-only: the database refuses to rewrite or delete an event", async () => {
    const db = tb.database.db;
    const uow = new KyselyFactorsUnitOfWork(db, { clock: tb.clock, ids: new RandomIds() });
    await uow.run((tx) =>
      tx.factors.appendEvent({
        factorId: "fac-opt",
        regionCode: "350900",
        seq: 1,
        kind: "registered",
        fromStatus: "DRAFT",
        toStatus: "DRAFT",
        at: "2026-03-02T02:00:00.000Z",
        actor: "t",
        reason: "r",
        ruleId: null,
        data: {},
      }),
    );
    await expect(sql`update factors.factor_events set reason = 'rewritten'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from factors.factor_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("FAC-R06 two registrations racing for one unit's headroom: the first ranks, the second is refused: only 68,000 yuan is left", async () => {
    const { factorIds } = await marineBundle(tb);
    await valueCollateral(tb.deps, who.lin, { factorIds }); // 280,000 yuan → limit 168,000 yuan
    const productId = await offer(tb, "fish-raft-farming");
    const apps: string[] = [];
    for (let k = 0; k < 2; k++) {
      const a = await applyForMortgage(tb.deps, who.lin, {
        productId,
        collateral: [{ factorIds }],
        amountFen: 100_000_00,
        termMonths: 24,
      });
      await acceptMortgage(tb.deps, who.ruralBank, { applicationId: a.id, decision: "accept", rateBp: 450 });
      apps.push(a.id);
    }
    const results = await Promise.allSettled(
      apps.map((applicationId) => registerLien(tb.deps, who.ruralBank, { applicationId })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toMatchObject({ ruleId: "FAC-R06" });
    const liens = await sql<{
      n: number;
      s: number;
    }>`select count(*)::int as n, coalesce(sum(secured_amount), 0)::bigint as s
      from factors.liens where status = 'active'`.execute(tb.database.db);
    expect(liens.rows[0]).toEqual({ n: 1, s: 100_000_00 });
  });
});
