import type { Clock } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { DEFAULT_REPLAY_WINDOW_SECONDS } from "./gateway-protocol.ts";

/** One signed message's identity, remembered while its timestamp is inside the window. */
export interface NonceUse {
  readonly institutionId: string;
  readonly nonce: string;
  /** The message's signed timestamp. */
  readonly signedAt: Date;
}

/**
 * KRN-R14 replay protection: a signed message may be used once. `firstUse` records the
 * (institution, nonce) pair and answers false when it was already recorded. A nonce needs to be
 * remembered only while its timestamp is inside the window: after that the timestamp check
 * refuses the message anyway.
 */
export interface ReplayGuard {
  firstUse(use: NonceUse): Promise<boolean>;
}

export interface ReplayGuardOptions {
  /** The region whose callbacks this guard serves (stored on each row). */
  readonly regionCode: string;
  readonly clock: Clock;
  /** The replay window in seconds (the same as the signature check's); default 300. */
  readonly windowSeconds?: number;
  /** Forget expired nonces at most this often (seconds); default 60. */
  readonly purgeEverySeconds?: number;
}

export interface DatabaseReplayGuard extends ReplayGuard {
  /** Deletes this region's nonces whose timestamp left the window; returns how many. */
  purge(): Promise<number>;
}

const TABLE = "platform.gateway_nonces";

/**
 * The replay guard over `platform.gateway_nonces` (primary key institution_id + nonce), shared
 * by every platform process: a replay sent to another instance is refused too. The insert is
 * `on conflict do nothing`, so of two concurrent uses of one nonce exactly one wins. Expired rows
 * of the region are purged before an insert, at most once per `purgeEverySeconds`.
 */
export function createReplayGuard(db: AnyDb, options: ReplayGuardOptions): DatabaseReplayGuard {
  const windowMs = (options.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS) * 1000;
  const purgeEveryMs = (options.purgeEverySeconds ?? 60) * 1000;
  if (!(windowMs > 0) || !(purgeEveryMs >= 0)) throw new RangeError("replay window and purge period must be positive");
  let lastPurgeMs = Number.NEGATIVE_INFINITY;

  async function purge(): Promise<number> {
    const now = options.clock.now();
    lastPurgeMs = now.getTime();
    const result = await db
      .deleteFrom(TABLE)
      .where("region_code", "=", options.regionCode)
      .where("signed_at", "<", new Date(now.getTime() - windowMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  return {
    purge,
    async firstUse(use: NonceUse): Promise<boolean> {
      const now = options.clock.now();
      if (now.getTime() - lastPurgeMs >= purgeEveryMs) await purge();
      const inserted = await db
        .insertInto(TABLE)
        .values({
          institution_id: use.institutionId,
          nonce: use.nonce,
          region_code: options.regionCode,
          signed_at: use.signedAt,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(["institution_id", "nonce"]).doNothing())
        .returning("nonce")
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}
