import * as v from "valibot";
import type { InstitutionNotice } from "../../core/factors/mod.ts";
import type { Logger } from "../_framework/logger.ts";

/** Config of one simulated institution (a bank, guarantor or insurer). */
export const deskInstitutionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._:-]{1,63}$/), v.description("institution id on the platform")),
  name: v.pipe(v.string(), v.minLength(1), v.description("name shown in logs")),
  failFirst: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)), 0),
    v.description("refuse the first N deliveries of each event (to show retries with backoff)"),
  ),
  offline: v.pipe(v.optional(v.boolean(), false), v.description("refuse every delivery (the case waits visibly)")),
});
export type DeskInstitution = v.InferOutput<typeof deskInstitutionSchema>;

export interface Receipt {
  readonly eventId: string;
  readonly type: string;
  readonly institutionId: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * SIMULATOR of institutions' systems receiving the platform's notices (loan booked, guarantee
 * and cover requests, default notices, consent requests, loss-share claims). Receivers dedupe
 * by event id (KRN-R09): a redelivered notice is acknowledged but not recorded twice. A notice
 * for an institution that is not connected, or one configured offline or to fail, throws — the
 * outbox retries it with backoff and the case shows it waiting (KRN-R10).
 */
export class InstitutionDesk {
  readonly #byId: ReadonlyMap<string, DeskInstitution>;
  readonly #attempts = new Map<string, number>();
  readonly #received = new Map<string, Receipt>();
  readonly #logger: Logger;
  readonly #role: string;
  readonly #keepLast: number;

  constructor(role: string, institutions: readonly DeskInstitution[], logger: Logger, keepLast = 500) {
    this.#role = role;
    this.#byId = new Map(institutions.map((i) => [i.id, i]));
    this.#logger = logger;
    this.#keepLast = keepLast;
  }

  async deliver(notice: InstitutionNotice): Promise<void> {
    const inst = this.#byId.get(notice.institutionId);
    if (!inst) throw new Error(`${this.#role} ${notice.institutionId} is not connected in this region`);
    const key = `${notice.eventId}|${notice.institutionId}`;
    if (this.#received.has(key)) return;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    if (inst.offline) throw new Error(`${inst.name} is offline`);
    if (attempt <= inst.failFirst) throw new Error(`${inst.name} refused attempt ${attempt} (simulated failure)`);
    this.#received.set(key, {
      eventId: notice.eventId,
      type: notice.type,
      institutionId: inst.id,
      payload: notice.payload,
    });
    this.#attempts.delete(key);
    while (this.#received.size > this.#keepLast) {
      const first = this.#received.keys().next().value as string;
      this.#received.delete(first);
    }
    this.#logger.info(`${this.#role} simulator received ${notice.type}`, {
      institution: inst.id,
      event: notice.eventId,
    });
  }

  /** What was received, oldest first (for demos and tests). */
  receipts(institutionId?: string): Receipt[] {
    const all = [...this.#received.values()];
    return institutionId === undefined ? all : all.filter((r) => r.institutionId === institutionId);
  }

  institutions(): readonly DeskInstitution[] {
    return [...this.#byId.values()];
  }
}
