import type { Clock, Hasher } from "../../core/kernel/mod.ts";
import { nodeHasher } from "../crypto/node-hasher.ts";
import type { AnyDb } from "../db/create-database.ts";
import { canonicalJson } from "./canonical-json.ts";

export type IdemBegin =
  | { kind: "new" }
  | { kind: "replay"; status: number; headers: Record<string, string>; body: string }
  | { kind: "mismatch" } // same key, different body → 422
  | { kind: "in_progress" }; // first request still running → 409

export interface IdemResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * KRN-R08 idempotency keys. `scope` is the principal id + method + route, so two callers never
 * share a key. Protocol for a state-changing request:
 *   begin → "new": run it, then `complete` with its response (2xx and 4xx alike) or, when it
 *           failed with a 5xx / threw, `abandon` so that a retry may run it again;
 *   begin → "replay": send the stored response; "mismatch": 422; "in_progress": 409.
 */
export interface IdempotencyStore {
  begin(scope: string, key: string, requestHash: string): Promise<IdemBegin>;
  complete(scope: string, key: string, res: IdemResponse): Promise<void>;
  abandon(scope: string, key: string): Promise<void>;
  /** Deletes rows past their expiry; returns how many. For a periodic housekeeping job. */
  purgeExpired(): Promise<number>;
}

export interface IdempotencyOptions {
  /** How long a key (and its stored response) is kept. Default 24 h. */
  readonly ttlMs?: number;
  /** After this long an unfinished first attempt counts as crashed and may be taken over. Default 60 s. */
  readonly leaseMs?: number;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_LEASE_MS = 60 * 1000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** SHA-256 over the canonical JSON of a request body (key order does not matter). */
export function idempotencyRequestHash(body: unknown, hasher: Hasher = nodeHasher): string {
  return hasher.sha256Hex(canonicalJson(body ?? null));
}

/** Is this a usable `Idempotency-Key` header value (1–255 visible ASCII characters)? */
export function isValidIdempotencyKey(key: string): boolean {
  return KEY_SHAPE.test(key);
}

interface IdemRow {
  request_hash: string;
  state: "in_progress" | "done";
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  lease_until: Date;
  expires_at: Date;
}

export function createIdempotencyStore(db: AnyDb, clock: Clock, options: IdempotencyOptions = {}): IdempotencyStore {
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const leaseMs = options.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  const table = "platform.idempotency";

  /** Takes over an expired key or a crashed attempt; true when this caller won it. */
  async function takeOver(scope: string, key: string, requestHash: string, row: IdemRow, now: Date): Promise<boolean> {
    const expired = row.expires_at.getTime() <= now.getTime();
    let q = db
      .updateTable(table)
      .set({
        request_hash: requestHash,
        state: "in_progress",
        response_status: null,
        response_headers: null,
        response_body: null,
        created_at: now,
        lease_until: new Date(now.getTime() + leaseMs),
        expires_at: new Date(now.getTime() + ttlMs),
      })
      .where("scope", "=", scope)
      .where("key", "=", key);
    // The same condition that made us decide, re-checked atomically: of several racing
    // callers exactly one update matches.
    q = expired
      ? q.where("expires_at", "<=", now)
      : q.where("state", "=", "in_progress").where("lease_until", "<=", now).where("request_hash", "=", requestHash);
    const won = await q.returning("scope").executeTakeFirst();
    return won !== undefined;
  }

  return {
    async begin(scope, key, requestHash) {
      if (!isValidIdempotencyKey(key)) throw new RangeError("idempotency key must be 1-255 visible ASCII characters");
      for (let round = 0; round < 5; round++) {
        const now = clock.now();
        const inserted = await db
          .insertInto(table)
          .values({
            scope,
            key,
            request_hash: requestHash,
            state: "in_progress",
            created_at: now,
            lease_until: new Date(now.getTime() + leaseMs),
            expires_at: new Date(now.getTime() + ttlMs),
          })
          .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
          .returning("scope")
          .executeTakeFirst();
        if (inserted) return { kind: "new" };

        const row = (await db
          .selectFrom(table)
          .select([
            "request_hash",
            "state",
            "response_status",
            "response_headers",
            "response_body",
            "lease_until",
            "expires_at",
          ])
          .where("scope", "=", scope)
          .where("key", "=", key)
          .executeTakeFirst()) as IdemRow | undefined;
        if (!row) continue; // abandoned between our insert and our read: try again
        if (row.expires_at.getTime() <= now.getTime()) {
          if (await takeOver(scope, key, requestHash, row, now)) return { kind: "new" };
          continue;
        }
        if (row.request_hash !== requestHash) return { kind: "mismatch" };
        if (row.state === "done") {
          return {
            kind: "replay",
            status: row.response_status ?? 500,
            headers: row.response_headers ?? {},
            body: row.response_body ?? "",
          };
        }
        if (row.lease_until.getTime() > now.getTime()) return { kind: "in_progress" };
        if (await takeOver(scope, key, requestHash, row, now)) return { kind: "new" };
        // Someone else took it over first: report what they are doing on the next round.
      }
      return { kind: "in_progress" };
    },

    async complete(scope, key, res) {
      if (!Number.isInteger(res.status) || res.status < 100 || res.status > 599) {
        throw new RangeError(`not an HTTP status: ${res.status}`);
      }
      await db
        .updateTable(table)
        .set({
          state: "done",
          response_status: res.status,
          response_headers: { ...res.headers },
          response_body: res.body,
        })
        .where("scope", "=", scope)
        .where("key", "=", key)
        .where("state", "=", "in_progress")
        .execute();
    },

    async abandon(scope, key) {
      await db
        .deleteFrom(table)
        .where("scope", "=", scope)
        .where("key", "=", key)
        .where("state", "=", "in_progress")
        .execute();
    },

    async purgeExpired() {
      const r = await db.deleteFrom(table).where("expires_at", "<=", clock.now()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
