import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type AuthService, createAuthService } from "../../adapters/auth/auth-service.ts";
import { DEFAULT_AUTH_SETTINGS } from "../../adapters/auth/auth-settings.ts";
import {
  createMaintenance,
  type MaintenanceTask,
  type MaintenanceTimers,
  platformMaintenanceTasks,
  unrefTimers,
} from "../../adapters/composition/maintenance.ts";
import { HmacBlindIndexer } from "../../adapters/crypto/hmac-blind-indexer.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { createIdempotencyStore, type IdempotencyStore } from "../../adapters/platform/idempotency-store.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import type { Principal } from "../../core/kernel/mod.ts";
import type { LogFields, Logger } from "../../plugins/_framework/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** Timers the test fires by hand. */
class ManualTimers implements MaintenanceTimers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  #next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer; returns their delays. */
  fireAll(): number[] {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
    return due.map((t) => t.ms);
  }
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
}

function capturingLogger() {
  const lines: { level: string; msg: string; fields: LogFields }[] = [];
  const at =
    (level: string) =>
    (msg: string, fields: LogFields = {}) =>
      lines.push({ level, msg, fields });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("housekeeping: expired idempotency keys, sessions and one-time codes are purged on a schedule", () => {
  let database: TestDatabase;
  let clock: FixedClock;
  let idempotency: IdempotencyStore;
  let auth: AuthService;

  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    clock = new FixedClock("2026-03-02T02:00:00Z");
    idempotency = createIdempotencyStore(database.db, clock);
    auth = createAuthService({
      db: database.db,
      clock,
      ids: new RandomIds(clock),
      blindIndexer: new HmacBlindIndexer(new Uint8Array(32).fill(7)),
      notifierFor: () => ({ send: async () => {} }),
      citizenRegions: () => ["350900"],
      settings: DEFAULT_AUTH_SETTINGS,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("deletes each kind of row once it has expired, and only then", async () => {
    // A stored response (kept 24 h), a one-time code (5 min) and a session (1 h).
    expect(await idempotency.begin("ops-1 POST /x", "key-1", "hash")).toEqual({ kind: "new" });
    await idempotency.complete("ops-1 POST /x", "key-1", { status: 201, headers: {}, body: "{}" });
    await auth.otp.request({ mobile: "13905930001", regionCode: "350900" });
    const principal: Principal = { id: "cit_1", roles: ["citizen"], regionCodes: ["350900"] } as Principal;
    await auth.sessions.create({
      kind: "citizen",
      principal,
      label: "139****0001",
      regionCode: "350900",
      ttlSeconds: 3600,
    });

    const timers = new ManualTimers();
    const { logger, lines } = capturingLogger();
    const m = createMaintenance(platformMaintenanceTasks({ idempotency, auth }), {
      clock,
      logger,
      timers,
      firstRunAfterMs: 1000,
      intervalMs: 10 * MINUTE,
    });
    m.start();
    m.start(); // a second start schedules nothing more
    expect(timers.delays()).toEqual([1000, 1000]);

    const tick = async () => {
      expect(timers.fireAll()).toHaveLength(2);
      await vi.waitFor(() => expect(timers.delays()).toEqual([10 * MINUTE, 10 * MINUTE]));
    };

    await tick(); // nothing has expired yet
    expect(m.status().map((s) => s.lastResult)).toEqual([{ deleted: 0 }, { sessions: 0, codes: 0 }]);
    expect([
      await count("platform.idempotency"),
      await count("platform.citizen_otp"),
      await count("platform.sessions"),
    ]).toEqual([1, 1, 1]);

    clock.advance(10 * MINUTE); // the code has expired
    await tick();
    expect(m.status().map((s) => s.lastResult)).toEqual([{ deleted: 0 }, { sessions: 0, codes: 1 }]);
    expect(await count("platform.citizen_otp")).toBe(0);
    expect(await count("platform.sessions")).toBe(1);

    clock.advance(25 * HOUR); // the session and the stored response too
    await tick();
    expect(m.status().map((s) => s.lastResult)).toEqual([{ deleted: 1 }, { sessions: 1, codes: 0 }]);
    expect([await count("platform.idempotency"), await count("platform.sessions")]).toEqual([0, 0]);
    expect(m.status().map((s) => [s.name, s.runs, s.failures, s.lastRunAt?.toISOString()])).toEqual([
      ["idempotency-keys", 3, 0, "2026-03-03T03:10:00.000Z"],
      ["sessions-and-codes", 3, 0, "2026-03-03T03:10:00.000Z"],
    ]);

    // Work done is logged at info, runs that found nothing at debug.
    const done = lines.filter((l) => l.msg.startsWith("maintenance: task done"));
    expect(done.filter((l) => l.level === "info").map((l) => l.fields.task)).toEqual([
      "sessions-and-codes",
      "idempotency-keys",
      "sessions-and-codes",
    ]);
    expect(done.filter((l) => l.level === "debug")).toHaveLength(3);

    await m.stop();
    expect(timers.pending.size).toBe(0);
  });

  it("logs a failing task and tries again at the next interval, without throwing", async () => {
    const timers = new ManualTimers();
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const flaky: MaintenanceTask = {
      name: "flaky",
      run: async () => {
        calls++;
        if (calls === 1) throw new Error("database went away");
        return { deleted: 2 };
      },
    };
    const m = createMaintenance([flaky], { clock, logger, timers, firstRunAfterMs: 5, intervalMs: 50 });
    m.start();
    timers.fireAll();
    await vi.waitFor(() => expect(timers.delays()).toEqual([50]));
    expect(m.status()[0]).toMatchObject({ runs: 1, failures: 1, lastError: "database went away" });
    const failed = lines.find((l) => l.level === "error");
    expect(failed?.msg).toBe("maintenance: task failed; retrying at the next interval");
    expect(failed?.fields.task).toBe("flaky");
    expect((failed?.fields.error as Error | undefined)?.message).toBe("database went away");

    timers.fireAll();
    await vi.waitFor(() => expect(m.status()[0]?.runs).toBe(2));
    expect(m.status()[0]).toMatchObject({ runs: 2, failures: 1, lastResult: { deleted: 2 } });
    expect(m.status()[0]).not.toHaveProperty("lastError");
    await m.stop();
  });

  it("never runs a task twice at once, and stop() waits for the run under way", async () => {
    const timers = new ManualTimers();
    let release: () => void = () => {};
    let runs = 0;
    const slow: MaintenanceTask = {
      name: "slow",
      run: () => {
        runs++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const m = createMaintenance([slow], { clock, logger: capturingLogger().logger, timers, firstRunAfterMs: 1 });
    m.start();
    timers.fireAll();
    const now = m.runNow(); // joins the run under way
    expect(runs).toBe(1);

    let stopped = false;
    const stopping = m.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await now;
    expect(stopped).toBe(true);
    expect(runs).toBe(1);
    expect(timers.pending.size).toBe(0); // no run is scheduled after stop
  });

  it("keeps running a task that throws before it even returns a promise", async () => {
    const broken = {
      name: "broken",
      run: () => {
        throw new Error("not even a promise");
      },
    } as unknown as MaintenanceTask;
    const m = createMaintenance([broken], { clock, logger: capturingLogger().logger, timers: new ManualTimers() });
    await m.runNow();
    await m.runNow();
    expect(m.status()[0]).toMatchObject({ runs: 2, failures: 2, lastError: "not even a promise" });
  });

  it("uses unref'd timers by default, so a pending run never keeps the process alive", () => {
    const handle = unrefTimers.setTimeout(() => {}, 60_000) as ReturnType<typeof setTimeout>;
    expect(handle.hasRef()).toBe(false);
    unrefTimers.clearTimeout(handle);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])("refuses an interval of %s ms", (intervalMs) => {
    expect(() => createMaintenance([], { clock, logger: capturingLogger().logger, intervalMs })).toThrow(RangeError);
  });
});
