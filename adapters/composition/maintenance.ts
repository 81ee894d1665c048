import type { Clock } from "../../core/kernel/mod.ts";
import type { Logger } from "../../plugins/_framework/logger.ts";

/**
 * Housekeeping that `npm start` runs in the background: every `intervalMs` it deletes expired
 * idempotency keys (KRN-R08) and expired sessions, one-time codes and rate-limit windows
 * (KRN-R06). Each task runs on its own timer chain (the next run is scheduled when the previous
 * one ends, so runs never overlap), the timers are unref'd (they never keep the process alive),
 * and a failure is logged and retried at the next interval, never thrown. The purges are plain
 * `DELETE … WHERE expires_at <= now`, so several app instances may run them at once.
 *
 *   const maintenance = createMaintenance(platformMaintenanceTasks({ idempotency, auth }), { clock, logger });
 *   maintenance.start();
 *   …
 *   await maintenance.stop(); // before closing the database
 */
export interface MaintenanceTask {
  readonly name: string;
  /** Does the work; what it resolves to is logged (e.g. counts of deleted rows). */
  run(): Promise<unknown>;
}

export interface TaskStatus {
  readonly name: string;
  readonly runs: number;
  readonly failures: number;
  readonly lastRunAt?: Date;
  readonly lastResult?: unknown;
  readonly lastError?: string;
}

/** The timer functions the scheduler uses (tests drive their own). */
export interface MaintenanceTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a pending housekeeping run never keeps the process alive. */
export const unrefTimers: MaintenanceTimers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface MaintenanceOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time between the end of one run of a task and the start of the next. Default 10 minutes. */
  readonly intervalMs?: number;
  /** Delay before the first runs, after `start()`. Default 30 seconds. */
  readonly firstRunAfterMs?: number;
  readonly timers?: MaintenanceTimers;
}

export interface Maintenance {
  /** Schedules the first run of every task (calling it again does nothing). */
  start(): void;
  /** Cancels pending runs and waits for the ones under way. */
  stop(): Promise<void>;
  /** Runs every task now (outside the schedule) and waits for them; never throws. */
  runNow(): Promise<readonly TaskStatus[]>;
  status(): readonly TaskStatus[];
}

export const DEFAULT_MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;
export const DEFAULT_FIRST_RUN_AFTER_MS = 30 * 1000;

interface TaskState {
  readonly task: MaintenanceTask;
  status: TaskStatus;
  timer: unknown;
  running: Promise<void> | undefined;
}

function positiveMs(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${what} must be a positive number of ms`);
  return value;
}

/** False for a result whose numbers are all zero (nothing was deleted); true otherwise. */
function changedSomething(result: unknown): boolean {
  if (typeof result === "number") return result !== 0;
  if (result === null || typeof result !== "object") return true;
  const values = Object.values(result);
  return !values.every((v) => v === 0);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createMaintenance(tasks: readonly MaintenanceTask[], options: MaintenanceOptions): Maintenance {
  const intervalMs = positiveMs(options.intervalMs ?? DEFAULT_MAINTENANCE_INTERVAL_MS, "the maintenance interval");
  const firstRunAfterMs = positiveMs(options.firstRunAfterMs ?? DEFAULT_FIRST_RUN_AFTER_MS, "the first-run delay");
  const timers = options.timers ?? unrefTimers;
  const { clock, logger } = options;
  const states: TaskState[] = tasks.map((task) => ({
    task,
    status: { name: task.name, runs: 0, failures: 0 },
    timer: undefined,
    running: undefined,
  }));
  let started = false;
  let stopped = false;

  /** One run of a task; records and logs the outcome, never rejects. */
  const runTask = (s: TaskState): Promise<void> => {
    if (s.running) return s.running;
    const startedAt = clock.now();
    const ms0 = performance.now();
    const run = (async () => {
      try {
        const result = await s.task.run();
        const { name, runs, failures } = s.status;
        s.status = { name, runs: runs + 1, failures, lastRunAt: startedAt, lastResult: result };
        const fields = { task: name, result, ms: Math.round(performance.now() - ms0) };
        if (changedSomething(result)) logger.info("maintenance: task done", fields);
        else logger.debug("maintenance: task done, nothing to do", fields);
      } catch (e) {
        s.status = {
          ...s.status,
          runs: s.status.runs + 1,
          failures: s.status.failures + 1,
          lastRunAt: startedAt,
          lastError: messageOf(e),
        };
        logger.error("maintenance: task failed; retrying at the next interval", { task: s.task.name, error: e });
      }
    })();
    // Cleared in a later microtask, so also after a task that throws before its first await.
    const tracked = run.then(() => {
      s.running = undefined;
    });
    s.running = tracked;
    return tracked;
  };

  const schedule = (s: TaskState, ms: number) => {
    if (stopped) return;
    s.timer = timers.setTimeout(() => {
      s.timer = undefined;
      void runTask(s).then(() => schedule(s, intervalMs));
    }, ms);
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      for (const s of states) schedule(s, firstRunAfterMs);
      logger.info("maintenance: scheduled", { tasks: tasks.map((t) => t.name), intervalMs, firstRunAfterMs });
    },

    async stop() {
      stopped = true;
      for (const s of states) {
        if (s.timer !== undefined) timers.clearTimeout(s.timer);
        s.timer = undefined;
      }
      await Promise.all(states.map((s) => s.running));
    },

    async runNow() {
      await Promise.all(states.map(runTask));
      return states.map((s) => s.status);
    },

    status() {
      return states.map((s) => s.status);
    },
  };
}

/** The platform's purges: idempotency keys, and sessions + one-time codes of the auth service. */
export function platformMaintenanceTasks(services: {
  readonly idempotency: { purgeExpired(): Promise<number> };
  readonly auth: { purgeExpired(): Promise<{ sessions: number; codes: number }> };
}): MaintenanceTask[] {
  return [
    { name: "idempotency-keys", run: async () => ({ deleted: await services.idempotency.purgeExpired() }) },
    { name: "sessions-and-codes", run: () => services.auth.purgeExpired() },
  ];
}
