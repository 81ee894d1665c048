import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "kysely";
import type { Clock } from "../../core/kernel/mod.ts";
import { redactC2Text } from "../crypto/redact-c2.ts";
import type { AnyDb } from "../db/create-database.ts";

/** An event as a subscriber receives it. `attempt` counts from 1. */
export interface OutboxEvent {
  readonly id: string;
  readonly regionCode: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly attempt: number;
}

export type OutboxHandler = (event: OutboxEvent) => Promise<void>;

export interface OutboxDispatcherOptions {
  readonly clock: Clock;
  /** Names this instance in `locked_by`; default host:pid:random. */
  readonly instanceId?: string;
  /** Events claimed per run. Default 50. */
  readonly batchSize?: number;
  /** How long a claim lasts; a crashed instance's events are reclaimed after it. Default 5 min. */
  readonly lockMs?: number;
  /** Attempts before an event is marked dead. Default 10. */
  readonly maxAttempts?: number;
  /** Delay after the first failure; doubles each attempt. Default 1 s. */
  readonly baseDelayMs?: number;
  /** Upper bound of the delay. Default 1 h. */
  readonly maxDelayMs?: number;
  /** A handler that has not settled after this long counts as failed. Default 30 s. */
  readonly handlerTimeoutMs?: number;
  /** Errors of the polling loop itself (database unreachable, …). Default: console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface OutboxRunResult {
  readonly claimed: number;
  readonly delivered: number;
  readonly failed: number;
  readonly dead: number;
}

interface ClaimedRow {
  id: string;
  region_code: string;
  type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
  attempts: number;
}

const MAX_ERROR_TEXT = 2000;

/**
 * KRN-R09/R10: delivers outbox events at least once, safely with several app instances.
 *
 * Each run claims a batch in a short transaction (`for update skip locked`, then
 * locked_by/locked_until and attempts+1), delivers outside any transaction, then marks each
 * event delivered, or schedules a retry with capped exponential backoff, or after maxAttempts
 * marks it dead (kept, visible, re-queueable by a person). A claim whose lock has run out (its
 * instance crashed) is claimed again. Subscribers must tolerate redelivery (see processOnce).
 */
export class OutboxDispatcher {
  readonly #db: AnyDb;
  readonly #clock: Clock;
  readonly #handlers = new Map<string, OutboxHandler[]>();
  readonly #instanceId: string;
  readonly #batchSize: number;
  readonly #lockMs: number;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #handlerTimeoutMs: number;
  readonly #onError: (error: unknown) => void;
  #running = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<unknown> | undefined;

  constructor(db: AnyDb, options: OutboxDispatcherOptions) {
    this.#db = db;
    this.#clock = options.clock;
    this.#instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    this.#batchSize = positive(options.batchSize ?? 50, "batchSize");
    this.#lockMs = positive(options.lockMs ?? 5 * 60_000, "lockMs");
    this.#maxAttempts = positive(options.maxAttempts ?? 10, "maxAttempts");
    this.#baseDelayMs = positive(options.baseDelayMs ?? 1000, "baseDelayMs");
    this.#maxDelayMs = positive(options.maxDelayMs ?? 60 * 60_000, "maxDelayMs");
    this.#handlerTimeoutMs = positive(options.handlerTimeoutMs ?? 30_000, "handlerTimeoutMs");
    this.#onError = options.onError ?? ((e) => console.error("outbox dispatcher:", e));
  }

  get instanceId(): string {
    return this.#instanceId;
  }

  /** Adds a handler for one event type; several handlers of one type all get each event. */
  subscribe(type: string, handler: OutboxHandler): void {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler);
    this.#handlers.set(type, list);
  }

  /** The delay before attempt `failedAttempts + 1`: base × 2^(failedAttempts − 1), capped. */
  retryDelayMs(failedAttempts: number): number {
    return Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  }

  /** Claims one batch and delivers it. */
  async runOnce(): Promise<OutboxRunResult> {
    const rows = await this.#claim();
    let delivered = 0;
    let failed = 0;
    let dead = 0;
    for (const row of rows) {
      const handlers = this.#handlers.get(row.type) ?? [];
      if (handlers.length === 0) {
        await this.#markDelivered(row.id, `no subscriber for ${row.type} on ${this.#instanceId}`);
        delivered += 1;
        continue;
      }
      const event: OutboxEvent = {
        id: row.id,
        regionCode: row.region_code,
        type: row.type,
        aggregateId: row.aggregate_id,
        payload: row.payload,
        createdAt: row.created_at,
        attempt: row.attempts,
      };
      try {
        for (const h of handlers) await this.#withTimeout(h(event));
        await this.#markDelivered(row.id, null);
        delivered += 1;
      } catch (error) {
        if (row.attempts >= this.#maxAttempts) {
          await this.#markDead(row.id, error);
          dead += 1;
        } else {
          await this.#scheduleRetry(row.id, row.attempts, error);
          failed += 1;
        }
      }
    }
    return { claimed: rows.length, delivered, failed, dead };
  }

  /** Polls every `intervalMs` (at once again while batches come back full) until `stop()`. */
  start(intervalMs = 1000): void {
    if (this.#running) return;
    this.#running = true;
    const tick = async (): Promise<void> => {
      if (!this.#running) return;
      let full = false;
      const run = this.runOnce();
      this.#inFlight = run;
      try {
        full = (await run).claimed >= this.#batchSize;
      } catch (error) {
        this.#onError(error);
      } finally {
        this.#inFlight = undefined;
      }
      if (!this.#running) return;
      this.#timer = setTimeout(tick, full ? 0 : intervalMs);
      this.#timer.unref?.();
    };
    void tick();
  }

  /** Stops polling and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#inFlight?.catch(() => {});
  }

  async #claim(): Promise<ClaimedRow[]> {
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom("platform.outbox")
        .select("id")
        .where("delivered_at", "is", null)
        .where("dead_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(this.#batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      const claimed = (await tx
        .updateTable("platform.outbox")
        .set({
          locked_by: this.#instanceId,
          locked_until: new Date(now.getTime() + this.#lockMs),
          attempts: sql`attempts + 1`,
        })
        .where(
          "id",
          "in",
          due.map((r) => r.id),
        )
        .returning(["id", "region_code", "type", "aggregate_id", "payload", "created_at", "attempts"])
        .execute()) as ClaimedRow[];
      return claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1));
    });
  }

  async #markDelivered(id: string, note: string | null): Promise<void> {
    await this.#db
      .updateTable("platform.outbox")
      .set({ delivered_at: this.#clock.now(), locked_by: null, locked_until: null, note })
      .where("id", "=", id)
      .where("delivered_at", "is", null)
      .execute();
  }

  async #scheduleRetry(id: string, attempts: number, error: unknown): Promise<void> {
    const now = this.#clock.now();
    await this.#db
      .updateTable("platform.outbox")
      .set({
        next_attempt_at: new Date(now.getTime() + this.retryDelayMs(attempts)),
        locked_by: null,
        locked_until: null,
        last_error: errorText(error),
      })
      .where("id", "=", id)
      .where("locked_by", "=", this.#instanceId)
      .where("delivered_at", "is", null)
      .execute();
  }

  async #markDead(id: string, error: unknown): Promise<void> {
    await this.#db
      .updateTable("platform.outbox")
      .set({ dead_at: this.#clock.now(), locked_by: null, locked_until: null, last_error: errorText(error) })
      .where("id", "=", id)
      .where("locked_by", "=", this.#instanceId)
      .where("delivered_at", "is", null)
      .execute();
  }

  async #withTimeout(p: Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`handler did not finish within ${this.#handlerTimeoutMs} ms`)),
        this.#handlerTimeoutMs,
      );
    });
    try {
      await Promise.race([p, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function positive(n: number, name: string): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
  return n;
}

/** The error as stored in last_error: message only, C2 masked, bounded length. */
function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactC2Text(text).slice(0, MAX_ERROR_TEXT);
}
