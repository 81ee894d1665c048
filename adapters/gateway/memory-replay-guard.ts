import type { Clock } from "../../core/kernel/mod.ts";
import { DEFAULT_REPLAY_WINDOW_SECONDS } from "./gateway-protocol.ts";
import type { NonceUse, ReplayGuard } from "./replay-guard.ts";

/**
 * A replay guard in this process's memory. Used for the signed answers to our own requests:
 * an answer arrives on the connection we opened and must echo the application it answers, so
 * the per-process memory suffices there. Callbacks use the database guard (`createReplayGuard`),
 * shared by all processes. Nonces are forgotten once their timestamp has left the window.
 */
export class MemoryReplayGuard implements ReplayGuard {
  readonly #clock: Clock;
  readonly #windowMs: number;
  /** key → signedAt in ms. */
  readonly #seen = new Map<string, number>();
  #lastPurgeMs = Number.NEGATIVE_INFINITY;

  constructor(clock: Clock, windowSeconds = DEFAULT_REPLAY_WINDOW_SECONDS) {
    if (!(windowSeconds > 0)) throw new RangeError("the replay window must be positive");
    this.#clock = clock;
    this.#windowMs = windowSeconds * 1000;
  }

  async firstUse(use: NonceUse): Promise<boolean> {
    const now = this.#clock.now().getTime();
    if (now - this.#lastPurgeMs >= 1000) this.#purge(now);
    const key = `${use.institutionId}\u0000${use.nonce}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, use.signedAt.getTime());
    return true;
  }

  /** How many nonces are held (for tests and metrics). */
  get size(): number {
    return this.#seen.size;
  }

  #purge(now: number): void {
    this.#lastPurgeMs = now;
    const oldest = now - this.#windowMs;
    for (const [key, signedAt] of this.#seen) if (signedAt < oldest) this.#seen.delete(key);
  }
}
